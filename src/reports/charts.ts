import * as echarts from 'echarts';
import type { Severity } from '../scoring';
import type { ChartSpec } from './report-document';

/** The report's palette: one accent, greys, and the stage guides. */
export const COLOURS = {
  ink: '#1f2937',
  muted: '#6b7280',
  rule: '#d1d5db',
  accent: '#1d4ed8',
  accentSoft: 'rgba(29, 78, 216, 0.18)',
  previous: '#9ca3af',
  guide: '#9ca3af',
} as const;

/** One colour per severity, the same in the PDF and the HTML. */
export const SEVERITY_COLOURS: Record<Severity, string> = {
  CRITICAL: '#991b1b',
  HIGH: '#c2410c',
  MEDIUM: '#a16207',
  LOW: '#1d4ed8',
  INFO: '#4b5563',
};

/** The family the SVG names; the PDF renderer maps it to the embedded Noto Sans, the HTML page to its font stack. */
export const CHART_FONT = 'Noto Sans';

/** A chart as SVG, drawn by ECharts on the server (no animation, no DOM): vectors in the PDF and the HTML. */
export function chartSvg(
  spec: ChartSpec,
  width: number,
  height: number,
  fontFamily: string = CHART_FONT,
): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily, color: COLOURS.ink },
      ...options(spec),
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

function options(spec: ChartSpec): echarts.EChartsCoreOption {
  switch (spec.kind) {
    case 'radar':
      return {
        legend: {
          bottom: 0,
          orient: 'vertical',
          itemWidth: 14,
          itemHeight: 8,
          textStyle: { fontSize: 9, color: COLOURS.muted },
          data: spec.series.map((s) => s.name),
        },
        radar: {
          center: ['50%', '46%'],
          radius: '42%',
          indicator: spec.indicators.map((name) => ({ name: wrap(name, 13), max: 100, min: 0 })),
          splitNumber: 4,
          axisName: { color: COLOURS.ink, fontSize: 8.5, lineHeight: 10 },
          axisLine: { lineStyle: { color: COLOURS.rule } },
          splitLine: { lineStyle: { color: COLOURS.rule } },
          splitArea: { areaStyle: { color: ['#ffffff', '#f8fafc'] } },
        },
        series: [
          {
            type: 'radar',
            symbolSize: 4,
            data: spec.series.map((s) => ({
              name: s.name,
              value: s.values,
              lineStyle: {
                color: s.muted ? COLOURS.previous : COLOURS.accent,
                width: s.muted ? 1 : 2,
                type: s.muted ? 'dashed' : 'solid',
              },
              itemStyle: { color: s.muted ? COLOURS.previous : COLOURS.accent },
              areaStyle: s.muted ? undefined : { color: COLOURS.accentSoft },
            })),
          },
        ],
      };
    case 'line':
      return {
        grid: { left: 34, right: 74, top: 16, bottom: 28 },
        xAxis: {
          type: 'category',
          data: spec.categories,
          boundaryGap: spec.categories.length < 2,
          axisLabel: { fontSize: 9, color: COLOURS.muted, hideOverlap: true },
          axisLine: { lineStyle: { color: COLOURS.rule } },
        },
        yAxis: {
          type: 'value',
          min: 0,
          max: 100,
          interval: 20,
          axisLabel: { fontSize: 9, color: COLOURS.muted },
          splitLine: { lineStyle: { color: '#eef0f3' } },
        },
        series: [
          {
            type: 'line',
            name: spec.seriesName,
            data: spec.values.map((v) => Math.round(v * 10) / 10),
            symbolSize: 6,
            lineStyle: { color: COLOURS.accent, width: 2 },
            itemStyle: { color: COLOURS.accent },
            label: {
              show: spec.values.length <= 8,
              fontSize: 8,
              color: COLOURS.ink,
              position: 'top',
              formatter: (p: { dataIndex: number }) => spec.valueLabels[p.dataIndex] ?? '',
            },
            markLine: {
              silent: true,
              symbol: 'none',
              lineStyle: { color: COLOURS.guide, type: 'dashed', width: 0.8 },
              label: { position: 'end', fontSize: 8, color: COLOURS.muted, formatter: '{b}' },
              data: spec.guides.map((g) => ({ name: g.label, yAxis: g.value })),
            },
          },
        ],
      };
    case 'bar':
      return {
        grid: { left: 120, right: 30, top: 8, bottom: 20 },
        xAxis: {
          type: 'value',
          minInterval: 1,
          axisLabel: { fontSize: 9, color: COLOURS.muted },
          splitLine: { lineStyle: { color: '#eef0f3' } },
        },
        yAxis: {
          type: 'category',
          inverse: true,
          data: spec.categories,
          axisLabel: { fontSize: 9, color: COLOURS.ink },
          axisLine: { lineStyle: { color: COLOURS.rule } },
        },
        series: [
          {
            type: 'bar',
            data: spec.values,
            barWidth: '60%',
            itemStyle: { color: COLOURS.accent },
            label: { show: true, position: 'right', fontSize: 9, color: COLOURS.ink },
          },
        ],
      };
  }
}

/** Breaks a long label over lines of about `width` characters, at spaces, and a very long word at a syllable. */
function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').flatMap((w) => hyphenate(w, width))) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

const VOWEL = /[aeiouy\u00e0-\u00ff]/i;

/**
 * A word longer than a line, split once where a vowel meets a consonant followed by a vowel (ver-ant-woor-de-lijk:
 * "verantwoorde-" / "lijkheden"), the place Dutch and English most often break; shorter words stay whole.
 */
function hyphenate(word: string, width: number): string[] {
  if (word.length <= width + 2) return [word];
  for (let at = Math.min(width - 1, word.length - 4); at >= 4; at--) {
    if (VOWEL.test(word[at - 1]) && !VOWEL.test(word[at]) && VOWEL.test(word[at + 1] ?? '')) {
      return [`${word.slice(0, at)}-`, ...hyphenate(word.slice(at), width)];
    }
  }
  return [word];
}
