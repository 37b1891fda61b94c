import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { chartSvg, COLOURS, SEVERITY_COLOURS } from './charts';
import type {
  ChartSpec,
  FindingGroup,
  ReportBlock,
  ReportDocument,
  ReportFact,
  ReportTable,
  Tone,
} from './report-document';

/** Noto Sans (Latin: ë, é, ï and the rest of Dutch), embedded in every PDF; read once. */
const FONTS = {
  regular: readFileSync(require.resolve('@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff')),
  bold: readFileSync(require.resolve('@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff')),
};

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { top: 74, bottom: 66, left: 56, right: 56 };
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const BOTTOM = A4.height - MARGIN.bottom;

const TONE_COLOURS: Record<Tone, string> = { good: '#15803d', bad: '#b91c1c', neutral: COLOURS.ink };

const SIZE = { body: 10, small: 8.5, tiny: 7.5, h1: 15, h2: 11.5 };
const LINE_GAP = 2.2;

/** Lays a report document out on A4 pages: header and footer with page numbers, charts as vectors. */
export function renderPdf(report: ReportDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: report.language,
    displayTitle: true,
    info: { Title: report.title, Creator: 'Social Maturity API', Producer: 'Social Maturity API' },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('Sans', FONTS.regular);
  doc.registerFont('Sans-Bold', FONTS.bold);
  const layout = new Layout(doc);
  layout.cover(report);
  for (const section of report.sections)
    layout.section(section.title, section.blocks, section.newPage ?? false);
  layout.frame(report);
  doc.end();
  return done;
}

class Layout {
  constructor(private readonly doc: PDFKit.PDFDocument) {}

  private get y(): number {
    return this.doc.y;
  }

  private set y(value: number) {
    this.doc.y = value;
  }

  private newPage(): void {
    this.doc.addPage();
    this.y = MARGIN.top;
  }

  /** Starts a new page unless `height` fits below the current position. */
  private ensure(height: number): void {
    if (this.y + height > BOTTOM) this.newPage();
  }

  private font(bold: boolean, size: number, colour: string = COLOURS.ink): this {
    this.doc
      .font(bold ? 'Sans-Bold' : 'Sans')
      .fontSize(size)
      .fillColor(colour);
    return this;
  }

  private heightOf(text: string, width: number, bold: boolean, size: number): number {
    this.font(bold, size);
    return this.doc.heightOfString(text, { width, lineGap: LINE_GAP });
  }

  private write(
    text: string,
    x: number,
    y: number,
    width: number,
    options: PDFKit.Mixins.TextOptions = {},
  ): void {
    this.doc.text(text, x, y, { width, lineGap: LINE_GAP, ...options });
  }

  cover(report: ReportDocument): void {
    const { doc } = this;
    doc.rect(0, 0, A4.width, 8).fill(COLOURS.accent);
    this.y = 64;
    this.font(true, SIZE.small, COLOURS.accent);
    this.write(report.cover.eyebrow.toUpperCase(), MARGIN.left, this.y, CONTENT_WIDTH, {
      characterSpacing: 0.8,
    });
    this.y += 6;
    this.font(true, 24);
    this.write(report.cover.heading, MARGIN.left, this.y, CONTENT_WIDTH, { lineGap: 0 });
    this.y += 2;
    this.font(false, 11, COLOURS.muted);
    this.write(report.cover.subheading, MARGIN.left, this.y, CONTENT_WIDTH);
    this.y += 16;
    this.facts(report.cover.facts, true);
    this.y += 10;
  }

  /** A row of figures in boxes (the cover's stage, score, change and target; the benchmark's quartiles). */
  private facts(facts: ReportFact[], large: boolean): void {
    const gap = 10;
    const width = (CONTENT_WIDTH - gap * (facts.length - 1)) / facts.length;
    const inner = width - 20;
    // The value on one line: the largest size (down to 11 pt) at which the longest value fits the box.
    let valueSize = large ? 17 : 13;
    this.font(true, valueSize);
    while (valueSize > 11 && Math.max(...facts.map((f) => this.doc.widthOfString(f.value))) > inner) {
      valueSize -= 0.5;
      this.font(true, valueSize);
    }
    const height = Math.max(
      ...facts.map(
        (f) =>
          12 +
          this.heightOf(f.label.toUpperCase(), inner, true, SIZE.tiny) +
          4 +
          this.heightOf(f.value, inner, true, valueSize) +
          (f.detail ? this.heightOf(f.detail, inner, false, SIZE.tiny) : 0) +
          10,
      ),
    );
    this.ensure(height);
    const top = this.y;
    facts.forEach((fact, index) => {
      const x = MARGIN.left + index * (width + gap);
      this.doc.roundedRect(x, top, width, height, 4).lineWidth(0.7).fillAndStroke('#f8fafc', COLOURS.rule);
      this.font(true, SIZE.tiny, COLOURS.muted);
      this.write(fact.label.toUpperCase(), x + 10, top + 10, inner, { characterSpacing: 0.5 });
      this.y += 3;
      this.font(true, valueSize, fact.tone ? TONE_COLOURS[fact.tone] : COLOURS.ink);
      this.write(fact.value, x + 10, this.y, inner, { lineGap: 0 });
      if (fact.detail) {
        this.font(false, SIZE.tiny, COLOURS.muted);
        this.write(fact.detail, x + 10, this.y + 1, inner);
      }
    });
    this.y = top + height + 8;
  }

  section(title: string, blocks: ReportBlock[], newPage: boolean): void {
    if (newPage) this.newPage();
    const headingHeight = this.heightOf(title, CONTENT_WIDTH, true, SIZE.h1) + 14;
    // A heading never stands alone at the foot of a page: it goes with the start of what follows it.
    const space = this.y > MARGIN.top + 1 ? 10 : 0;
    this.ensure(space + headingHeight + this.leadHeight(blocks, 0));
    if (this.y > MARGIN.top + 1) this.y += space;
    this.font(true, SIZE.h1);
    this.write(title, MARGIN.left, this.y, CONTENT_WIDTH);
    const rule = this.y + 2;
    this.doc
      .moveTo(MARGIN.left, rule)
      .lineTo(MARGIN.left + 36, rule)
      .lineWidth(2)
      .stroke(COLOURS.accent);
    this.y = rule + 10;
    blocks.forEach((block, index) => this.block(block, blocks, index));
  }

  /** The height of the first piece of a block that must not be parted from what comes before it. */
  private leadHeight(blocks: ReportBlock[], index: number): number {
    const block = blocks[index];
    if (!block) return 0;
    switch (block.kind) {
      case 'paragraph': {
        const height =
          Math.min(
            this.heightOf(block.text, CONTENT_WIDTH, false, block.muted ? SIZE.small + 0.5 : SIZE.body),
            60,
          ) + 8;
        // An introduction goes with what it introduces.
        return block.muted ? height + this.leadHeight(blocks, index + 1) : height;
      }
      case 'summary':
        return this.heightOf(block.sentences.join(' '), CONTENT_WIDTH, false, 11);
      case 'subheading':
        return 40;
      case 'table':
        return (
          this.tableHeaderHeight(block.table) + this.rowHeight(block.table, block.table.rows[0]?.cells ?? [])
        );
      case 'findings':
        return (
          24 + (block.groups[0]?.items[0] ? this.findingHeight(block.groups[0].items[0], block.groups[0]) : 0)
        );
      case 'charts':
        return CHART.height + 50;
      case 'facts':
        return 60;
      case 'bullets':
        return this.heightOf(block.items[0] ?? '', CONTENT_WIDTH - 14, false, SIZE.body) + 4;
      case 'marker':
        return 24;
    }
  }

  private block(block: ReportBlock, blocks: ReportBlock[], index: number): void {
    switch (block.kind) {
      case 'summary': {
        const text = block.sentences.join(' ');
        const height = this.heightOf(text, CONTENT_WIDTH - 16, false, 11);
        this.ensure(height + 16);
        const top = this.y;
        this.doc.rect(MARGIN.left, top, 3, height + 12).fill(COLOURS.accent);
        this.font(false, 11);
        this.write(text, MARGIN.left + 14, top + 6, CONTENT_WIDTH - 16, { lineGap: 3 });
        this.y = top + height + 24;
        return;
      }
      case 'paragraph': {
        const size = block.muted ? SIZE.small + 0.5 : SIZE.body;
        const height = this.heightOf(block.text, CONTENT_WIDTH, false, size);
        if (height < 120) this.ensure(block.muted ? this.leadHeight(blocks, index) : height);
        this.font(false, size, block.muted ? COLOURS.muted : COLOURS.ink);
        this.write(block.text, MARGIN.left, this.y, CONTENT_WIDTH);
        this.y += 8;
        return;
      }
      case 'subheading': {
        const height = this.heightOf(block.text, CONTENT_WIDTH, true, SIZE.h2);
        this.ensure(height + 6 + this.leadHeight(blocks, index + 1));
        this.y += 6;
        this.font(true, SIZE.h2);
        this.write(block.text, MARGIN.left, this.y, CONTENT_WIDTH);
        this.y += 4;
        return;
      }
      case 'bullets':
        for (const item of block.items) {
          const height = this.heightOf(item, CONTENT_WIDTH - 14, false, SIZE.body);
          this.ensure(height + 4);
          const top = this.y;
          this.font(false, SIZE.body, COLOURS.accent);
          this.write('•', MARGIN.left + 2, top, 10);
          this.font(false, SIZE.body);
          this.write(item, MARGIN.left + 14, top, CONTENT_WIDTH - 14);
          this.y += 4;
        }
        this.y += 4;
        return;
      case 'facts':
        this.facts(block.facts, false);
        return;
      case 'marker': {
        this.font(true, SIZE.small);
        const width = this.doc.widthOfString(block.text) + 16;
        this.ensure(22);
        const top = this.y;
        this.doc.roundedRect(MARGIN.left, top, Math.min(width, CONTENT_WIDTH), 17, 8).fill('#fef3c7');
        this.font(true, SIZE.small, '#92400e');
        this.write(block.text, MARGIN.left + 8, top + 3.5, CONTENT_WIDTH - 16, { lineBreak: false });
        this.y = top + 25;
        return;
      }
      case 'charts':
        this.charts(block.charts);
        return;
      case 'table':
        this.table(block.table);
        return;
      case 'findings':
        this.findings(block.groups);
        return;
    }
  }

  private charts(charts: ChartSpec[]): void {
    const gap = 18;
    const width = (CONTENT_WIDTH - gap * (charts.length - 1)) / charts.length;
    const titleHeight = Math.max(...charts.map((c) => this.heightOf(c.title, width, true, SIZE.h2)));
    const noteHeight = Math.max(...charts.map((c) => this.heightOf(c.note, width, false, SIZE.tiny)));
    this.ensure(titleHeight + CHART.height + noteHeight + 16);
    const top = this.y;
    charts.forEach((chart, index) => {
      const x = MARGIN.left + index * (width + gap);
      this.font(true, SIZE.h2);
      this.write(chart.title, x, top, width);
      const svg = chartSvg(chart, Math.round(width), CHART.height);
      SVGtoPDF(this.doc, svg, x, top + titleHeight + 4, {
        width,
        height: CHART.height,
        assumePt: true,
        fontCallback: (_family: string, bold: boolean) => (bold ? 'Sans-Bold' : 'Sans'),
      });
      this.font(false, SIZE.tiny, COLOURS.muted);
      this.write(chart.note, x, top + titleHeight + CHART.height + 8, width);
    });
    this.y = top + titleHeight + CHART.height + noteHeight + 18;
  }

  private tableHeaderHeight(table: ReportTable): number {
    return (
      Math.max(
        ...table.columns.map((c) =>
          this.heightOf(c.label, c.width * CONTENT_WIDTH - 2 * CELL_PAD, true, SIZE.small),
        ),
      ) +
      2 * padOf(table)
    );
  }

  private rowHeight(table: ReportTable, cells: string[]): number {
    return (
      Math.max(
        0,
        ...cells.map((cell, i) =>
          this.heightOf(cell, table.columns[i].width * CONTENT_WIDTH - 2 * CELL_PAD, false, SIZE.body - 0.5),
        ),
      ) +
      2 * padOf(table)
    );
  }

  private tableHeader(table: ReportTable): void {
    const height = this.tableHeaderHeight(table);
    const top = this.y;
    let x = MARGIN.left;
    for (const column of table.columns) {
      const width = column.width * CONTENT_WIDTH;
      this.font(true, SIZE.small, COLOURS.muted);
      this.write(column.label, x + CELL_PAD, top + padOf(table), width - 2 * CELL_PAD, {
        align: column.align ?? 'left',
      });
      x += width;
    }
    this.doc
      .moveTo(MARGIN.left, top + height)
      .lineTo(MARGIN.left + CONTENT_WIDTH, top + height)
      .lineWidth(0.8)
      .stroke(COLOURS.ink);
    this.y = top + height;
  }

  /** A table whose rows never split; the header row repeats on every page it runs over. */
  private table(table: ReportTable): void {
    this.ensure(this.tableHeaderHeight(table) + this.rowHeight(table, table.rows[0]?.cells ?? []));
    this.tableHeader(table);
    table.rows.forEach((row, index) => {
      const height = this.rowHeight(table, row.cells);
      if (this.y + height > BOTTOM) {
        this.newPage();
        this.tableHeader(table);
      }
      const top = this.y;
      if (index % 2 === 1) this.doc.rect(MARGIN.left, top, CONTENT_WIDTH, height).fill('#f6f7f9');
      let x = MARGIN.left;
      row.cells.forEach((cell, i) => {
        const column = table.columns[i];
        const width = column.width * CONTENT_WIDTH;
        const last = i === row.cells.length - 1;
        const colour = row.tone && last ? TONE_COLOURS[row.tone] : COLOURS.ink;
        this.font(
          i === 0 && table.columns.length > 2 && column.width < 0.1 ? true : false,
          SIZE.body - 0.5,
          colour,
        );
        this.write(cell, x + CELL_PAD, top + padOf(table), width - 2 * CELL_PAD, {
          align: column.align ?? 'left',
        });
        x += width;
      });
      this.doc
        .moveTo(MARGIN.left, top + height)
        .lineTo(MARGIN.left + CONTENT_WIDTH, top + height)
        .lineWidth(0.4)
        .stroke(COLOURS.rule);
      this.y = top + height;
    });
    this.y += 10;
  }

  private findingHeight(item: FindingGroup['items'][number], group: FindingGroup): number {
    const width = CONTENT_WIDTH - FINDING_INDENT;
    return (
      (item.dimension ? this.heightOf(item.dimension.toUpperCase(), width, true, SIZE.tiny) + 1 : 0) +
      this.heightOf(item.message, width, true, SIZE.body - 0.5) +
      4 +
      this.heightOf(group.recommendationLabel.toUpperCase(), width, true, SIZE.tiny) +
      this.heightOf(item.recommendation, width, false, SIZE.body - 0.5) +
      14
    );
  }

  private findings(groups: FindingGroup[]): void {
    const width = CONTENT_WIDTH - FINDING_INDENT;
    for (const group of groups) {
      const colour = SEVERITY_COLOURS[group.severity];
      this.ensure(26 + this.findingHeight(group.items[0], group));
      this.y += 4;
      const top = this.y;
      this.doc.roundedRect(MARGIN.left, top + 1, 9, 9, 2).fill(colour);
      this.font(true, SIZE.h2 - 1, colour);
      this.write(group.label, MARGIN.left + 15, top - 1, CONTENT_WIDTH - 15);
      this.y += 6;
      for (const item of group.items) {
        const height = this.findingHeight(item, group);
        this.ensure(height);
        const start = this.y;
        const x = MARGIN.left + FINDING_INDENT;
        if (item.dimension) {
          this.font(true, SIZE.tiny, COLOURS.muted);
          this.write(item.dimension.toUpperCase(), x, this.y, width, { characterSpacing: 0.4 });
          this.y += 1;
        }
        this.font(true, SIZE.body - 0.5);
        this.write(item.message, x, this.y, width);
        this.y += 4;
        this.font(true, SIZE.tiny, COLOURS.accent);
        this.write(group.recommendationLabel.toUpperCase(), x, this.y, width, { characterSpacing: 0.4 });
        this.font(false, SIZE.body - 0.5, '#374151');
        this.write(item.recommendation, x, this.y, width);
        this.doc.rect(MARGIN.left + 3, start, 2.5, this.y - start).fill(colour);
        this.y += 12;
      }
    }
  }

  /** A one-line text that fits `width` in the current font, shortened with an ellipsis where it does not. */
  private fit(text: string, width: number): string {
    if (this.doc.widthOfString(text) <= width) return text;
    // The part after the last " · " (the period, the date) stays whole; the name before it gives way.
    const cut = text.lastIndexOf(' · ');
    const tail = cut > 0 ? text.slice(cut) : '';
    let shorter = cut > 0 ? text.slice(0, cut) : text;
    while (shorter.length > 1 && this.doc.widthOfString(`${shorter}…${tail}`) > width)
      shorter = shorter.slice(0, -1);
    return `${shorter.trimEnd()}…${tail}`;
  }

  /** Headers and footers of every page, written once the page count is known. */
  frame(report: ReportDocument): void {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index++) {
      doc.switchToPage(index);
      // Writing in the margins must not start a new page.
      const margins = doc.page.margins;
      doc.page.margins = { ...margins, top: 0, bottom: 0 };
      if (index > range.start) {
        this.font(false, SIZE.tiny + 0.5, COLOURS.muted);
        const right = doc.widthOfString(report.running.right);
        doc.text(this.fit(report.running.left, CONTENT_WIDTH - right - 18), MARGIN.left, 36, {
          lineBreak: false,
        });
        doc.text(report.running.right, MARGIN.left + CONTENT_WIDTH * 0.4, 36, {
          width: CONTENT_WIDTH * 0.6,
          align: 'right',
          lineBreak: false,
        });
        doc
          .moveTo(MARGIN.left, 50)
          .lineTo(MARGIN.left + CONTENT_WIDTH, 50)
          .lineWidth(0.5)
          .stroke(COLOURS.rule);
      }
      const footerY = A4.height - 44;
      doc
        .moveTo(MARGIN.left, footerY - 8)
        .lineTo(MARGIN.left + CONTENT_WIDTH, footerY - 8)
        .lineWidth(0.5)
        .stroke(COLOURS.rule);
      this.font(false, SIZE.tiny + 0.5, COLOURS.muted);
      doc.text(this.fit(report.footer.left, CONTENT_WIDTH * 0.68), MARGIN.left, footerY, {
        lineBreak: false,
      });
      const page = report.footer.page
        .replace('{page}', String(index - range.start + 1))
        .replace('{pages}', String(range.count));
      doc.text(page, MARGIN.left + CONTENT_WIDTH * 0.7, footerY, {
        width: CONTENT_WIDTH * 0.3,
        align: 'right',
        lineBreak: false,
      });
      doc.page.margins = margins;
    }
  }
}

const CELL_PAD = 5;

function padOf(table: ReportTable): number {
  return table.compact ? 3.2 : CELL_PAD;
}
const FINDING_INDENT = 15;
const CHART = { height: 215 };
