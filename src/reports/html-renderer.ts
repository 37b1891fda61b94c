import { Eta } from 'eta';
import { chartSvg, COLOURS, SEVERITY_COLOURS } from './charts';
import type { ReportDocument } from './report-document';

/** Templates escape every value (autoEscape); only the charts' SVG, which ECharts escapes itself, goes in raw. */
const eta = new Eta({ autoEscape: true, autoTrim: false, useWith: false });

/** The page's own font stack, for the charts' text too (a printer's machine may lack Noto Sans). */
const HTML_CHART_FONTS = "'Noto Sans', 'DejaVu Sans', 'Segoe UI', Arial, sans-serif";

const STYLE = `
@page { size: A4; margin: 20mm 18mm 22mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: "Noto Sans", "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: ${COLOURS.ink};
  font-size: 10.5pt; line-height: 1.45; background: #eef0f3; }
main { max-width: 210mm; margin: 0 auto; padding: 18mm; background: #fff; }
header.cover { border-top: 6px solid ${COLOURS.accent}; padding-top: 10mm; }
.eyebrow { color: ${COLOURS.accent}; font-weight: 700; font-size: 8.5pt; letter-spacing: .08em; text-transform: uppercase; margin: 0; }
h1 { font-size: 24pt; margin: 2mm 0 0; line-height: 1.15; }
.subheading { color: ${COLOURS.muted}; margin: 1mm 0 6mm; font-size: 11pt; }
.facts { display: grid; grid-template-columns: repeat(var(--n), 1fr); gap: 3.5mm; margin: 0 0 6mm; }
.fact { border: 1px solid ${COLOURS.rule}; border-radius: 4px; background: #f8fafc; padding: 3mm 3.5mm; break-inside: avoid; }
.fact .label { display: block; color: ${COLOURS.muted}; font-size: 7.5pt; font-weight: 700; text-transform: uppercase; letter-spacing: .05em; }
.fact .value { display: block; font-size: 16pt; font-weight: 700; line-height: 1.25; }
.fact .detail { display: block; color: ${COLOURS.muted}; font-size: 7.5pt; }
.tone-good { color: #15803d; } .tone-bad { color: #b91c1c; }
section { margin-top: 7mm; }
section.new-page { break-before: page; }
h2 { font-size: 15pt; margin: 0 0 3mm; padding-bottom: 1.5mm; border-bottom: 2px solid ${COLOURS.accent}; display: inline-block;
  break-after: avoid; }
h3 { font-size: 11.5pt; margin: 4mm 0 1.5mm; break-after: avoid; }
p { margin: 0 0 2.5mm; } p.muted { color: ${COLOURS.muted}; font-size: 9pt; }
.summary { border-left: 3px solid ${COLOURS.accent}; padding: 1mm 0 1mm 4mm; font-size: 11pt; margin-bottom: 5mm; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; break-inside: avoid; }
figure { margin: 0; } figure h3 { margin-top: 0; } figure svg { width: 100%; height: auto; display: block; }
figcaption { color: ${COLOURS.muted}; font-size: 7.5pt; }
table { width: 100%; border-collapse: collapse; margin: 1mm 0 4mm; font-size: 9.5pt; }
thead { display: table-header-group; }
th { text-align: left; color: ${COLOURS.muted}; font-size: 8.5pt; border-bottom: 1px solid ${COLOURS.ink}; padding: 1.5mm 2mm; }
td { padding: 1.5mm 2mm; border-bottom: 1px solid ${COLOURS.rule}; vertical-align: top; }
table.compact td { padding: 1mm 2mm; }
tr { break-inside: avoid; } tbody tr:nth-child(even) td { background: #f6f7f9; }
.right { text-align: right; }
.group { break-inside: auto; margin-top: 3mm; }
.group h3 { display: flex; align-items: center; gap: 2mm; }
.group h3::before { content: ""; width: 3mm; height: 3mm; border-radius: 1px; background: var(--c); }
.finding { border-left: 2.5px solid var(--c); padding: 0 0 0 4mm; margin: 0 0 3.5mm 1mm; break-inside: avoid; }
.finding .dimension, .finding .rec-label { display: block; font-size: 7.5pt; font-weight: 700; letter-spacing: .04em;
  text-transform: uppercase; color: ${COLOURS.muted}; }
.finding .rec-label { color: ${COLOURS.accent}; margin-top: 1mm; }
.finding .message { font-weight: 700; margin: 0; } .finding .recommendation { margin: 0; color: #374151; }
.marker { display: inline-block; background: #fef3c7; color: #92400e; font-weight: 700; font-size: 8.5pt; border-radius: 8px;
  padding: .5mm 3mm; margin-bottom: 2mm; }
ul { margin: 0 0 3mm; padding-left: 5mm; } li { margin-bottom: 1mm; }
footer { margin-top: 10mm; padding-top: 2mm; border-top: 1px solid ${COLOURS.rule}; color: ${COLOURS.muted}; font-size: 8pt; }
@media print {
  body { background: none; }
  main { max-width: none; padding: 0; }
  header.cover { padding-top: 4mm; }
}
`;

const TEMPLATE = `<!doctype html>
<html lang="<%= it.report.language %>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><%= it.report.title %></title>
<style><%~ it.style %></style>
</head>
<body>
<main>
<header class="cover">
<p class="eyebrow"><%= it.report.cover.eyebrow %></p>
<h1><%= it.report.cover.heading %></h1>
<p class="subheading"><%= it.report.cover.subheading %></p>
<%~ include('@facts', { facts: it.report.cover.facts }) %>
</header>
<% for (const section of it.report.sections) { %>
<section id="<%= section.id %>"<% if (section.newPage) { %> class="new-page"<% } %>>
<h2><%= section.title %></h2>
<% for (const block of section.blocks) { %>
<% if (block.kind === 'summary') { %><p class="summary"><%= block.sentences.join(' ') %></p>
<% } else if (block.kind === 'paragraph') { %><p<% if (block.muted) { %> class="muted"<% } %>><%= block.text %></p>
<% } else if (block.kind === 'subheading') { %><h3><%= block.text %></h3>
<% } else if (block.kind === 'bullets') { %><ul><% for (const item of block.items) { %><li><%= item %></li><% } %></ul>
<% } else if (block.kind === 'marker') { %><span class="marker"><%= block.text %></span>
<% } else if (block.kind === 'facts') { %><%~ include('@facts', { facts: block.facts }) %>
<% } else if (block.kind === 'charts') { %><div class="charts"><% for (const chart of block.charts) { %>
<figure><h3><%= chart.title %></h3><%~ it.svg(chart) %><figcaption><%= chart.note %></figcaption></figure><% } %></div>
<% } else if (block.kind === 'table') { %><table<% if (block.table.compact) { %> class="compact"<% } %>>
<thead><tr><% for (const column of block.table.columns) { %><th style="width: <%= Math.round(column.width * 100) %>%"<% if (column.align === 'right') { %> class="right"<% } %>><%= column.label %></th><% } %></tr></thead>
<tbody><% for (const row of block.table.rows) { %><tr><% row.cells.forEach((cell, i) => { %><td class="<%= block.table.columns[i].align === 'right' ? 'right' : '' %><%= row.tone && i === row.cells.length - 1 ? ' tone-' + row.tone : '' %>"><%= cell %></td><% }) %></tr><% } %></tbody>
</table>
<% } else if (block.kind === 'findings') { %><% for (const group of block.groups) { %>
<div class="group" style="--c: <%= it.severity[group.severity] %>"><h3 style="color: <%= it.severity[group.severity] %>"><%= group.label %></h3>
<% for (const item of group.items) { %><div class="finding"><% if (item.dimension) { %><span class="dimension"><%= item.dimension %></span><% } %>
<p class="message"><%= item.message %></p><span class="rec-label"><%= group.recommendationLabel %></span>
<p class="recommendation"><%= item.recommendation %></p></div>
<% } %></div><% } %>
<% } %>
<% } %>
</section>
<% } %>
<footer><%= it.report.running.left %> · <%= it.report.footer.left %></footer>
</main>
</body>
</html>
`;

const FACTS = `<div class="facts" style="--n: <%= it.facts.length %>"><% for (const fact of it.facts) { %><div class="fact"><span class="label"><%= fact.label %></span><span class="value<%= fact.tone ? ' tone-' + fact.tone : '' %>"><%= fact.value %></span><% if (fact.detail) { %><span class="detail"><%= fact.detail %></span><% } %></div><% } %></div>`;

eta.loadTemplate('@report', TEMPLATE);
eta.loadTemplate('@facts', FACTS);

/** The same document as a printable, self-contained HTML page: inline CSS (A4 print rules) and inline SVG charts. */
export function renderHtml(report: ReportDocument): string {
  return eta.render('@report', {
    report,
    style: STYLE,
    severity: SEVERITY_COLOURS,
    svg: (chart: Parameters<typeof chartSvg>[0]) => chartSvg(chart, 320, 260, HTML_CHART_FONTS),
  });
}
