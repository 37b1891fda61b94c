import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import en from '../../web/src/i18n/en.json';
import nl from '../../web/src/i18n/nl.json';
import { formatters } from '../../web/src/i18n/locale';

/**
 * The workspace's two catalogues (web/src/i18n/en.json, nl.json) hold the same texts: the same keys, the same
 * placeholders, a Dutch text for every English one, and every key the pages name. The browser test shows them on
 * screen (test/browser/workspace-dutch.spec.ts); this one reads them whole.
 */
type Catalogue = { [key: string]: string | Catalogue };

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const texts = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    if (typeof value === 'string') texts.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) texts.set(k, v);
  }
  return texts;
}

const EN = flatten(en);
const NL = flatten(nl);
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();

/**
 * Texts that are the same word in Dutch: names (departments, markets), and words Dutch took from English and
 * writes the same. Anything else equal to its English is an untranslated text.
 */
const SAME_IN_DUTCH = new Set(['Marketing', 'IT', 'Sales', 'PR (public relations)', 'Score', 'Status', 'Teams']);

describe('workspace catalogues (en.json, nl.json)', () => {
  it('have the same keys both ways', () => {
    expect([...EN.keys()].filter((k) => !NL.has(k))).toEqual([]);
    expect([...NL.keys()].filter((k) => !EN.has(k))).toEqual([]);
    expect(NL.size).toBeGreaterThan(500);
  });

  it('use the same placeholders in each text', () => {
    const differing = [...EN].filter(([key, text]) => NL.has(key) && placeholders(text).join() !== placeholders(NL.get(key)!).join());
    expect(differing.map(([key, text]) => `${key}: ${text} | ${NL.get(key)}`)).toEqual([]);
  });

  it('write every Dutch text in Dutch: none equals its English one, but for names on the allow-list', () => {
    // A text of placeholders and punctuation only ("{{name}} ({{team}})") has nothing to translate.
    const words = (text: string) => /\p{L}/u.test(text.replace(/\{\{[^}]*\}\}/g, ''));
    const same = [...EN].filter(([key, text]) => words(text) && NL.get(key) === text && !SAME_IN_DUTCH.has(text));
    expect(same.map(([key, text]) => `${key}: ${text}`)).toEqual([]);
    expect([...NL.values()].filter((text) => !text.trim())).toEqual([]);
  });

  it('give every counted text the plural forms i18next asks for in both languages (_one and _other)', () => {
    for (const texts of [EN, NL]) {
      const bases = new Set([...texts.keys()].filter((k) => /_(one|other)$/.test(k)).map((k) => k.replace(/_(one|other)$/, '')));
      const incomplete = [...bases].filter((b) => !texts.has(`${b}_one`) || !texts.has(`${b}_other`));
      expect(incomplete).toEqual([]);
      // A plain key beside its plural forms would never be shown (i18next picks the forms when a count is given).
      expect([...bases].filter((b) => texts.has(b))).toEqual([]);
    }
  });

  it('hold every key the pages name literally, in both languages', () => {
    const root = path.resolve(__dirname, '../../web/src');
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? (e.name === 'gql' ? [] : sources(path.join(dir, e.name))) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : [],
      );
    const named = new Set<string>();
    for (const file of sources(root)) {
      for (const [, key] of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([\w.-]+)'/g)) named.add(key);
    }
    expect(named.size).toBeGreaterThan(300);
    const has = (texts: Map<string, string>, key: string) => texts.has(key) || texts.has(`${key}_other`);
    expect([...named].filter((k) => !has(EN, k) || !has(NL, k))).toEqual([]);
  });
});

describe('workspace number and date formats', () => {
  const english = formatters('en');
  const dutch = formatters('nl');

  it('writes scores with the language decimal comma or point, and signs changes', () => {
    expect([english.decimal(62.5), dutch.decimal(62.5)]).toEqual(['62.5', '62,5']);
    expect([english.decimal(62.54), dutch.decimal(62.56)]).toEqual(['62.5', '62,6']);
    expect([english.signed(2.5), dutch.signed(-1), dutch.signed(-0.04), english.decimal(-0.04)]).toEqual(['+2.5', '-1,0', '0,0', '0.0']);
    expect([english.integer(1234), dutch.integer(1234)]).toEqual(['1,234', '1.234']);
    expect([english.numeric('3.5'), dutch.numeric('3.5'), dutch.numeric('3'), dutch.numeric('MONTHLY')]).toEqual(['3.5', '3,5', '3', 'MONTHLY']);
  });

  it('writes dates in the language, the API dates in UTC', () => {
    expect([english.date('2026-12-01T00:00:00Z'), dutch.date('2026-12-01T00:00:00Z')]).toEqual(['1 December 2026', '1 december 2026']);
    // 23:59:59.999Z (a due date's end of day) is still that day, wherever the reader is.
    expect(dutch.date('2027-06-30T23:59:59.999Z')).toBe('30 juni 2027');
    expect(dutch.shortDate('2026-03-05T12:00:00Z')).toBe('5 mrt 2026');
  });
});
