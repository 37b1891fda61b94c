import type { Language } from '../i18n';
import type { Severity } from '../scoring';

/**
 * The view model of a report: every text already written in the report's language, every number already
 * formatted. The PDF and the HTML renderer lay out the same document, so both show the same.
 */
export interface ReportDocument {
  language: Language;
  /** The document's title (PDF metadata, HTML <title>). */
  title: string;
  /** Header of every page but the first: left (organisation · period) and right (the report's name). */
  running: { left: string; right: string };
  /** Footer: left text, and the page numbering with {page} and {pages}. */
  footer: { left: string; page: string };
  cover: ReportCover;
  sections: ReportSection[];
  /** The download's file name, ASCII (Content-Disposition). */
  filename: string;
}

export interface ReportCover {
  eyebrow: string;
  heading: string;
  subheading: string;
  facts: ReportFact[];
}

export type Tone = 'good' | 'bad' | 'neutral';

export interface ReportFact {
  label: string;
  value: string;
  detail?: string;
  tone?: Tone;
}

export interface ReportSection {
  id: string;
  title: string;
  /** Start the section on a new page (the methodology). */
  newPage?: boolean;
  blocks: ReportBlock[];
}

export type ReportBlock =
  | { kind: 'summary'; sentences: string[] }
  | { kind: 'paragraph'; text: string; muted?: boolean }
  | { kind: 'subheading'; text: string }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'facts'; facts: ReportFact[] }
  | { kind: 'charts'; charts: ChartSpec[] }
  | { kind: 'table'; table: ReportTable }
  | { kind: 'findings'; groups: FindingGroup[] }
  | { kind: 'marker'; text: string };

export interface ReportTable {
  /** Tighter rows (reference tables). */
  compact?: boolean;
  columns: { label: string; width: number; align?: 'left' | 'right' }[];
  rows: { cells: string[]; tone?: Tone }[];
}

export interface FindingGroup {
  severity: Severity;
  label: string;
  items: { dimension: string | null; message: string; recommendation: string }[];
  recommendationLabel: string;
}

export type ChartSpec =
  | {
      kind: 'radar';
      title: string;
      note: string;
      indicators: string[];
      series: { name: string; values: number[]; muted?: boolean }[];
    }
  | {
      kind: 'line';
      title: string;
      note: string;
      categories: string[];
      seriesName: string;
      values: number[];
      /** The values as the language writes them (the points' labels). */
      valueLabels: string[];
      /** Horizontal guides: where each stage starts. */
      guides: { label: string; value: number }[];
    }
  | { kind: 'bar'; title: string; note: string; categories: string[]; values: number[] };
