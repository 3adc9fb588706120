/**
 * The shape of web/src that the README promises a newcomer: pages are folders, `shared/` is
 * the only thing pages have in common, and no module imports one that imports it back.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const WEB_SRC = fileURLToPath(new URL('../../web/src/', import.meta.url));
const PAGES = ['map', 'priorities', 'admin', 'login'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.ts$/.test(name) ? [path] : [];
  });
}

/** Relative imports of a module, resolved to files under web/src (or outside it). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
  return specs.map((spec) => normalize(join(dirname(file), spec)).replace(/\.js$/, '.ts'));
}

const files = sources(WEB_SRC);
const graph = new Map(files.map((f) => [f, importsOf(f).filter((i) => i.startsWith(WEB_SRC) && i.endsWith('.ts'))]));
const area = (file: string) => relative(WEB_SRC, file).split('/')[0]!;

describe('web/src layout', () => {
  it('keeps only a handful of files at its top', () => {
    const top = readdirSync(WEB_SRC).filter((name) => statSync(join(WEB_SRC, name)).isFile());
    expect(top.length).toBeLessThanOrEqual(5);
    expect(readdirSync(WEB_SRC).filter((name) => statSync(join(WEB_SRC, name)).isDirectory()).sort()).toEqual([...PAGES, 'shared'].sort());
  });

  it('finds every relative import it parses', () => {
    for (const [file, imports] of graph) for (const i of imports) expect(files, `${relative(WEB_SRC, file)} imports ${i}`).toContain(i);
  });

  it('lets a page reach into shared/ only, and shared/ into no page', () => {
    const crossings: string[] = [];
    for (const [file, imports] of graph) {
      for (const i of imports) {
        if (area(i) !== area(file) && area(i) !== 'shared') crossings.push(`${relative(WEB_SRC, file)} → ${relative(WEB_SRC, i)}`);
      }
    }
    expect(crossings).toEqual([]);
  });

  it('has no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      stack.push(file);
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].map((f) => relative(WEB_SRC, f)).join(' → '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });
});
