import { CATALOGS } from '../../../apps/workbench/src/i18n/catalogs';

export type Language = 'en' | 'es';

/**
 * The workbench's own text for a key in a language, with {{placeholders}} filled: the browser
 * tests find buttons, labels and messages by what a person reads, in either language, so the
 * same journey runs in English and in Spanish (and a key missing in Spanish fails it).
 */
export function text(language: Language, key: string, values: Record<string, string | number> = {}): string {
  let node: unknown = CATALOGS[language];
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`no text for ${key} in the ${language} catalog`);
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`text ${key} needs {{${name}}}`);
    return String(values[name]);
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regular expression matching the text exactly (for names that are prefixes of others). */
export function exactly(s: string): RegExp {
  return new RegExp(`^${escape(s)}$`);
}

/** A regular expression matching what starts with the text (a table row named by its first cell). */
export function startsWith(s: string): RegExp {
  return new RegExp(`^${escape(s)}`);
}
