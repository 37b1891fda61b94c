import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { ERROR_CODES } from '../common/errors';
import { LANGUAGES } from '../common/language';
import { ROLES } from '../common/roles';
import {
  ANSWER_ITEMS,
  CAMPAIGN_FINDING_CODES,
  DEPARTMENTS,
  DIMENSIONS,
  FAILURE_FACTORS,
  FINDING_CODES,
  RESPONSIBILITIES,
  ROADMAP_MOVES,
  SEVERITIES,
  STAGES,
} from '../scoring';
import { isKnownErrorMessage, isKnownFieldMessage } from './error-texts';
import { CATALOGUES } from './translator';

/** Every key of a catalogue, as dotted paths to its texts. */
function texts(tree: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of texts(value, path)) out.set(k, v);
  }
  return out;
}

const en = texts(CATALOGUES.en);
const nl = texts(CATALOGUES.nl);

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/**
 * Texts that are the same in Dutch: names (departments, the article's terms) and the codes of the contract that an
 * error names as they are sent (OWNER, ADD_SALES_MEMBER...).
 */
const SAME_IN_DUTCH = new Set([
  'enum.Department.MARKETING', // Marketing
  'enum.Department.SALES', // Sales
  'enum.Department.PR',
  'enum.Department.HR',
  'enum.Department.IT',
  'enum.Responsibility.CONTENT_MARKETING', // content marketing / contentmarketing differ only in a space
  'error.value.Team', // Team
  'report.department.MARKETING',
  'report.department.SALES',
  'report.department.PR',
  'report.department.HR',
  'report.department.IT',
  'report.dimensions.score', // Score
  'report.portfolio.score',
  'report.actions.status', // Status
  'report.actions.statusOPEN', // Open
  'report.methodology.none', // -
]);

describe('the catalogues', () => {
  it('have the same keys in every language, both ways', () => {
    for (const language of LANGUAGES) {
      const keys = [...texts(CATALOGUES[language]).keys()].sort();
      expect(keys).toEqual([...en.keys()].sort());
    }
    expect([...nl.keys()].filter((key) => !en.has(key))).toEqual([]);
    expect([...en.keys()].filter((key) => !nl.has(key))).toEqual([]);
  });

  it('write Dutch that differs from the English, but for an allow-list of names', () => {
    const same = [...en].filter(([key, text]) => nl.get(key) === text && !SAME_IN_DUTCH.has(key)).map(([key]) => key);
    expect(same).toEqual([]);
    // The allow-list holds only what really is the same (a stale entry is an error too).
    const stale = [...SAME_IN_DUTCH].filter(
      (key) => nl.get(key) !== en.get(key) && key !== 'enum.Responsibility.CONTENT_MARKETING',
    );
    expect(stale).toEqual([]);
  });

  it('use the same placeholders in both languages, per key', () => {
    const mismatched = [...en]
      .filter(([key, text]) => placeholders(text).join() !== placeholders(nl.get(key) ?? '').join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it('have no empty text', () => {
    for (const catalogue of [en, nl]) expect([...catalogue].filter(([, text]) => text.trim() === '')).toEqual([]);
  });

  it.each(LANGUAGES)('hold every code of the contract (%s)', (language) => {
    const catalogue = texts(CATALOGUES[language]);
    const expected = [
      ...[...FINDING_CODES, ...CAMPAIGN_FINDING_CODES].flatMap((c) => [`finding.${c}.message`, `finding.${c}.recommendation`]),
      ...ROADMAP_MOVES.flatMap((m) => [`roadmap.move.${m}`, `enum.RoadmapMove.${m}`]),
      ...ANSWER_ITEMS.map((i) => `enum.AnswerItem.${i}`),
      ...DIMENSIONS.map((d) => `enum.Dimension.${d}`),
      ...STAGES.map((s) => `enum.Stage.${s}`),
      ...SEVERITIES.map((s) => `enum.Severity.${s}`),
      ...RESPONSIBILITIES.flatMap((r) => [`enum.Responsibility.${r}`, `responsibilityTask.${r}`]),
      ...DEPARTMENTS.map((d) => `enum.Department.${d}`),
      ...FAILURE_FACTORS.flatMap((f) => [`enum.FailureFactor.${f}`, `failureFactorAdvice.${f}`]),
      ...ERROR_CODES.map((c) => `error.${c}.default`),
      ...ROLES.map((r) => `enum.Role.${r}`),
    ];
    expect(expected.filter((key) => !catalogue.has(key))).toEqual([]);
  });

  it('write the placeholders each finding and move is given, and no other', () => {
    const given: Record<string, string[]> = {
      UNCOVERED_RESPONSIBILITY: ['responsibility', 'task'],
      RECURRING_FAILURE_FACTOR: ['advice', 'count', 'factor'],
      RESPONDENTS_DISAGREE: ['item'],
      LOW_RESPONSE_RATE: ['invited', 'responses'],
    };
    for (const code of [...FINDING_CODES, ...CAMPAIGN_FINDING_CODES]) {
      const used = new Set([...placeholders(en.get(`finding.${code}.message`)!), ...placeholders(en.get(`finding.${code}.recommendation`)!)]);
      expect([code, [...used].sort()]).toEqual([code, given[code] ?? []]);
    }
    const moveParams = new Set(['responsibility', 'department', 'owner', 'initiative']);
    for (const move of ROADMAP_MOVES) {
      expect(placeholders(en.get(`roadmap.move.${move}`)!).filter((p) => !moveParams.has(p))).toEqual([]);
    }
  });
});

/** The English messages the source throws (string and template literals given to an error), `${x}` as `{x}`. */
type Thrown = { file: string; kind: 'message' | 'field' | 'thing'; text: string };

function thrownMessages(): Thrown[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts') && !path.endsWith('.spec.ts') && !path.endsWith('.fixtures.ts')) files.push(path);
    }
  };
  walk('src');
  // Faults of ours never reach a client with their text (INTERNAL_SERVER_ERROR), nor do start-up failures.
  const internal = /^src\/(scoring|database|config|jobs)\//;
  const out: Thrown[] = [];
  for (const file of files.filter((f) => !internal.test(f))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const literal = (node: ts.Node | undefined): string | null => {
      if (!node) return null;
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
      if (ts.isTemplateExpression(node)) {
        return node.head.text + node.templateSpans.map((span) => `{x}${span.literal.text}`).join('');
      }
      return null;
    };
    const visit = (node: ts.Node): void => {
      const callee = ts.isNewExpression(node) ? `new ${node.expression.getText(source)}` : ts.isCallExpression(node) ? node.expression.getText(source) : '';
      const args = (ts.isNewExpression(node) || ts.isCallExpression(node)) && node.arguments ? [...node.arguments] : [];
      const appError = /^new (Unauthenticated|Forbidden|Conflict|RateLimited|ServiceUnavailable)Error$/.test(callee);
      if (ts.isNewExpression(node) && appError && args[0]) {
        const text = literal(args[0]);
        if (text !== null) out.push({ file, kind: 'message', text });
      }
      const namesAThing = /^(new NotFoundError|new VersionConflictError|conflictOrMissing)$/.test(callee);
      if (namesAThing && args[0]) {
        const text = literal(args[0]);
        if (text !== null) out.push({ file, kind: 'thing', text });
      }
      if (/BadUserInputError\.field$/.test(callee) && args[1]) {
        const text = literal(args[1]);
        if (text !== null) out.push({ file, kind: 'field', text });
      }
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.SuperKeyword) {
        // super(message) of a ConflictError/NotFoundError subclass, super(code, message) of an AppError one.
        const text = literal(args.length > 1 ? args[1] : args[0]);
        const internalFault = args.length > 1 && literal(args[0]) === 'INTERNAL_SERVER_ERROR';
        // A NotFoundError subclass gives its thing's name (super('Campaign')); the rest a message.
        const thing = args.length === 1 && text !== null && /^[A-Z][a-z]+( [a-z]+)*$/.test(text);
        if (text !== null && !internalFault && !/^[A-Z_]+$/.test(text)) out.push({ file, kind: thing ? 'thing' : 'message', text });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

describe('the error messages of the source', () => {
  const thrown = thrownMessages();

  it('are found (the scan works)', () => {
    expect(thrown.length).toBeGreaterThan(40);
    expect(thrown).toContainEqual({ file: 'src/invitations/invitations.service.ts', kind: 'message', text: 'This person is already a member' });
  });

  it('each have a text in every language (an English template they match)', () => {
    // `{x}` stands for the part that varies; a template matches it with any value.
    const sample = (text: string) => text.replace(/\{x\}/g, 'SAMPLE');
    const unknown = thrown
      .filter(({ kind, text }) => kind !== 'thing' && !(kind === 'field' ? isKnownFieldMessage : isKnownErrorMessage)(sample(text)))
      .map(({ file, text }) => `${file}: ${text}`);
    expect(unknown).toEqual([]);
  });

  it('name things (NotFoundError, VersionConflictError) the catalogue names in every language', () => {
    const names = CATALOGUES.nl.error as { value: Record<string, string> };
    const missing = thrown
      .filter(({ kind, text }) => kind === 'thing' && !(text in names.value))
      .map(({ file, text }) => `${file}: ${text}`);
    expect(missing).toEqual([]);
    expect(thrown.filter(({ kind }) => kind === 'thing').length).toBeGreaterThan(10);
  });
});
