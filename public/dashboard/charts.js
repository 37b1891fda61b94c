// Hand-written SVG charts: no library, no CDN. Colours come from styles.css through class names.
import { s } from './dom.js';
import { date, dimensionLabel, month, score, shortDimensionLabel, STAGE_FLOORS, STAGES, stageLabel } from './format.js';

const round2 = (n) => Math.round(n * 100) / 100;

/**
 * Radar of an assessment's dimension scores (0-100). Dimensions that do not apply are drawn as greyed axes
 * without a point; the previous assessment, when given, is a dashed outline behind.
 */
export function radarChart(dimensions, previous = null) {
  const size = { w: 420, h: 360 };
  const c = { x: size.w / 2, y: 178 };
  const r = 122;
  const n = dimensions.length;
  const angle = (i) => -Math.PI / 2 + (i * 2 * Math.PI) / n;
  const at = (i, value) => [round2(c.x + Math.cos(angle(i)) * (r * value) / 100), round2(c.y + Math.sin(angle(i)) * (r * value) / 100)];
  const points = (values) => values.map(([i, v]) => at(i, v).join(',')).join(' ');

  const grid = [20, 40, 60, 80, 100].map((level) =>
    s('polygon', { class: 'radar-grid', points: points(dimensions.map((_, i) => [i, level])) }),
  );
  // 100 is left out: it would touch the top axis's label.
  const gridLabels = [20, 40, 60, 80].map((level) =>
    s('text', { class: 'radar-grid-label', x: c.x + 4, y: round2(c.y - (r * level) / 100 + 3) }, String(level)),
  );
  const axes = dimensions.map((d, i) => {
    const [x, y] = at(i, 100);
    return s('line', { class: d.applicable ? 'radar-axis' : 'radar-axis na', x1: c.x, y1: c.y, x2: x, y2: y });
  });
  const labels = dimensions.map((d, i) => {
    const [x, y] = at(i, 118);
    const cos = Math.cos(angle(i));
    const anchor = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end';
    return s(
      'text',
      { class: d.applicable ? 'radar-label' : 'radar-label na', x, y: round2(y + 4), 'text-anchor': anchor },
      s('tspan', {}, shortDimensionLabel(d.dimension)),
      s('tspan', { class: 'radar-label-value', x, dy: 14 }, d.applicable ? score(d.score) : 'n/a'),
    );
  });

  const applicable = dimensions.map((d, i) => [i, d]).filter(([, d]) => d.applicable && d.score !== null);
  const shapes = [];
  if (previous) {
    const byDimension = new Map(previous.map((d) => [d.dimension, d]));
    const prior = dimensions
      .map((d, i) => [i, byDimension.get(d.dimension)])
      .filter(([, p]) => p && p.applicable && p.score !== null)
      .map(([i, p]) => [i, p.score]);
    if (prior.length >= 2) shapes.push(s('polygon', { class: 'radar-previous', points: points(prior) }));
  }
  if (applicable.length >= 2) {
    shapes.push(s('polygon', { class: 'radar-area', points: points(applicable.map(([i, d]) => [i, d.score])) }));
  }
  const dots = applicable.map(([i, d]) => {
    const [x, y] = at(i, d.score);
    return s(
      'circle',
      { class: 'radar-point', cx: x, cy: y, r: 4.5, dataset: { dimension: d.dimension, score: String(d.score) } },
      s('title', {}, `${dimensionLabel(d.dimension)}: ${score(d.score)}`),
    );
  });

  return s(
    'svg',
    {
      class: 'chart radar',
      viewBox: `0 0 ${size.w} ${size.h}`,
      role: 'img',
      'aria-label': `Dimension scores: ${dimensions
        .map((d) => `${dimensionLabel(d.dimension)} ${d.applicable ? score(d.score) : 'not applicable'}`)
        .join(', ')}`,
    },
    grid,
    axes,
    gridLabels,
    shapes,
    dots,
    labels,
  );
}

/**
 * The overall score over time on the stage bands, one point per assessment; when the trend rises, a dashed
 * projection to the date the next stage is reached.
 */
export function growthChart(points, { nextStage = null, projectedNextStageAt = null, nextStageScore = null } = {}) {
  const size = { w: 680, h: 320 };
  const m = { top: 16, right: 96, bottom: 42, left: 40 };
  const plot = { w: size.w - m.left - m.right, h: size.h - m.top - m.bottom };
  // x is the period's first day (period order), not the submission time: history entered late reads right.
  const times = points.map((p) => new Date(p.periodStart).getTime());
  let t0 = Math.min(...times);
  let t1 = Math.max(...times);
  const last = points.at(-1);
  const projection =
    nextStage && projectedNextStageAt && new Date(projectedNextStageAt).getTime() - t1 < 3 * 365 * 86_400_000
      ? { at: new Date(projectedNextStageAt).getTime(), score: nextStageScore ?? STAGE_FLOORS[nextStage] }
      : null;
  if (projection) t1 = Math.max(t1, projection.at);
  if (t0 === t1) {
    t0 -= 45 * 86_400_000;
    t1 += 45 * 86_400_000;
  }
  const pad = (t1 - t0) * 0.04;
  const x = (t) => round2(m.left + ((t - (t0 - pad)) / (t1 - t0 + 2 * pad)) * plot.w);
  const y = (v) => round2(m.top + plot.h - (v / 100) * plot.h);

  const bands = STAGES.map((stage, i) => {
    const lo = STAGE_FLOORS[stage];
    const hi = i + 1 < STAGES.length ? STAGE_FLOORS[STAGES[i + 1]] : 100;
    const middle = round2((y(lo) + y(hi)) / 2);
    return [
      s('rect', { class: `band band-${stage}${i % 2 ? ' alt' : ''}`, x: m.left, y: y(hi), width: plot.w, height: round2(y(lo) - y(hi)) }),
      s('rect', { class: `band-swatch swatch-${stage}`, x: m.left + plot.w + 8, y: middle - 4, width: 8, height: 8, rx: 2 }),
      s('text', { class: 'band-label', x: m.left + plot.w + 21, y: middle + 4 }, stageLabel(stage)),
    ];
  });
  const ticks = [0, 20, 35, 50, 65, 80, 100].map((v) => [
    s('line', { class: 'tick-line', x1: m.left, x2: m.left + plot.w, y1: y(v), y2: y(v) }),
    s('text', { class: 'tick-label', x: m.left - 8, y: y(v) + 4, 'text-anchor': 'end' }, String(v)),
  ]);
  const coords = points.map((p) => [x(new Date(p.periodStart).getTime()), y(p.overallScore)]);
  const line = coords.map(([px, py], i) => `${i ? 'L' : 'M'}${px},${py}`).join(' ');
  const area = coords.length > 1 ? `${line} L${coords.at(-1)[0]},${y(0)} L${coords[0][0]},${y(0)} Z` : '';
  // Period labels from the newest back, each at least a label's width from the one after it.
  const labelled = new Set();
  let lastX = Infinity;
  for (let i = points.length - 1; i >= 0; i--) {
    if (lastX - coords[i][0] >= 50) {
      labelled.add(i);
      lastX = coords[i][0];
    }
  }
  const xLabels = points.map((p, i) =>
    labelled.has(i)
      ? s('text', { class: 'x-label', x: coords[i][0], y: m.top + plot.h + 18, 'text-anchor': 'middle' }, p.period)
      : null,
  );
  const valueLabels = points.map((p, i) =>
    s('text', { class: 'value-label', x: coords[i][0], y: coords[i][1] - 10, 'text-anchor': 'middle' }, score(p.overallScore)),
  );
  const dots = points.map((p, i) =>
    s(
      'circle',
      {
        class: `line-point stage-${p.stage}`,
        cx: coords[i][0],
        cy: coords[i][1],
        r: 5,
        dataset: { period: p.period, score: String(p.overallScore), stage: p.stage },
      },
      s('title', {}, `${p.period} (submitted ${date(p.submittedAt)}): ${score(p.overallScore)}, ${stageLabel(p.stage)}`),
    ),
  );
  const projected = [];
  if (projection && last) {
    const [lx, ly] = [x(new Date(last.periodStart).getTime()), y(last.overallScore)];
    const [px, py] = [x(projection.at), y(projection.score)];
    projected.push(
      s('line', { class: 'projection', x1: lx, y1: ly, x2: px, y2: py }),
      s('circle', { class: 'projection-point', cx: px, cy: py, r: 4 }),
      s(
        'text',
        { class: 'projection-label', x: px, y: py - 10, 'text-anchor': px > m.left + plot.w - 60 ? 'end' : 'middle' },
        `${stageLabel(nextStage)} ~${month(projectedNextStageAt)}`,
      ),
    );
  }
  return s(
    'svg',
    {
      class: 'chart growth',
      viewBox: `0 0 ${size.w} ${size.h}`,
      role: 'img',
      'aria-label': `Overall score over time: ${points.map((p) => `${p.period} ${score(p.overallScore)}`).join(', ')}`,
    },
    bands,
    ticks,
    area ? s('path', { class: 'line-area', d: area }) : null,
    s('path', { class: 'line', d: line }),
    projected,
    dots,
    valueLabels,
    xLabels,
  );
}
