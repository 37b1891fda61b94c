import type { Language } from '../common/language';
import { CATALOGUES } from './translator';

/**
 * Error messages in the request's language. Services throw AppErrors with English messages (the API's default
 * language, and what the logs show); the English catalogue's `error.<CODE>.<name>` templates are those messages,
 * `{name}` marking the parts that vary. A message is written in another language by finding the template it was
 * made from and filling that language's template with the same parts; a part that is itself a text of the
 * catalogue (a thing's name, a status, a field's problem) is translated too. A message no template matches reads
 * as the code's `default` text: never English in a Dutch response.
 */

interface Template {
  key: string;
  pattern: RegExp;
  names: string[];
  /** Literal characters: the more, the more specific (tried first). */
  weight: number;
}

type Tree = Record<string, unknown>;

function compile(templates: Tree, prefix: string): Template[] {
  return Object.entries(templates)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([name, template]) => {
      const names: string[] = [];
      const source = template
        .split(/(\{\w+\})/)
        .map((part) => {
          const placeholder = /^\{(\w+)\}$/.exec(part);
          if (!placeholder) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(placeholder[1]);
          return '(.+?)';
        })
        .join('');
      return {
        key: `${prefix}.${name}`,
        pattern: new RegExp(`^${source}$`, 's'),
        names,
        weight: template.replace(/\{\w+\}/g, '').length,
      };
    })
    .sort((a, b) => b.weight - a.weight);
}

const english = CATALOGUES.en.error as Record<string, Tree>;
const MESSAGE_TEMPLATES = Object.entries(english)
  .filter(([code]) => code !== 'field' && code !== 'value')
  .flatMap(([code, templates]) => compile(templates, code));
const FIELD_TEMPLATES = compile(english.field, 'field');

function lookUp(language: Language, key: string): string | undefined {
  let node: unknown = CATALOGUES[language].error;
  for (const part of key.split('.')) node = (node as Tree | undefined)?.[part];
  return typeof node === 'string' ? node : undefined;
}

function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}

/** A part of a message: a name or status of the catalogue, a field's problem, a list of them, or as it is. */
function translatePart(language: Language, name: string, value: string): string {
  if (name === 'summary') {
    return value
      .split('; ')
      .map((problem) => {
        const space = problem.indexOf(' ');
        return space < 0 ? problem : `${problem.slice(0, space)} ${fieldMessage(language, problem.slice(space + 1))}`;
      })
      .join('; ');
  }
  if (name === 'problem') return translated(language, FIELD_TEMPLATES, value) ?? lookUp(language, 'field.default') ?? value;
  const named = (CATALOGUES[language].error as Record<string, Tree>).value[value];
  return typeof named === 'string' ? named : value;
}

function translated(language: Language, templates: Template[], message: string): string | undefined {
  for (const template of templates) {
    const match = template.pattern.exec(message);
    if (!match) continue;
    const target = lookUp(language, template.key);
    if (target === undefined) return undefined;
    const values = Object.fromEntries(
      template.names.map((name, i) => [name, translatePart(language, name, match[i + 1])]),
    );
    return fill(target, values);
  }
  return undefined;
}

/** An error's message (English, as thrown) in a language; the code's default text when no template matches. */
export function errorMessage(language: Language, code: string, message: string): string {
  if (language === 'en') return message;
  return translated(language, MESSAGE_TEMPLATES, message) ?? lookUp(language, `${code}.default`) ?? message;
}

/**
 * A field problem's message (`must be in the future`) in a language. One no template matches is left as it is:
 * those are graphql-js's own words about a document's variables, which stay as graphql-js writes them.
 */
export function fieldMessage(language: Language, message: string): string {
  if (language === 'en') return message;
  return translated(language, FIELD_TEMPLATES, message) ?? message;
}

/** Whether an English message is one the catalogue can write in every language (the catalogue test). */
export function isKnownErrorMessage(message: string): boolean {
  return MESSAGE_TEMPLATES.some((template) => template.pattern.test(message));
}

export function isKnownFieldMessage(message: string): boolean {
  return FIELD_TEMPLATES.some((template) => template.pattern.test(message));
}
