import { expect } from 'vitest';

/**
 * A built statement refers to every value by its placeholder and to nothing else: $1…$n each
 * appear, no higher one does, and no value's own text is in the SQL (so a value can never be
 * read as SQL). Values should be distinctive enough not to occur in the SQL by chance.
 */
export function expectParameterised({ text, values }: { text: string; values: readonly unknown[] }): void {
  const used = new Set([...text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
  expect([...used].sort((a, b) => a - b)).toEqual(values.map((_, i) => i + 1));
  for (const value of values) {
    if (value === null || typeof value === 'boolean') continue;
    const literal = typeof value === 'string' ? value : JSON.stringify(value);
    // Short numbers (0, 1, 2) occur in any SQL; the distinctive ones must not.
    if (literal.length >= 4) expect(text, `value ${literal} inlined`).not.toContain(literal);
  }
}
