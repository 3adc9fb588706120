/**
 * The shape of web/src that the README promises a newcomer: pages are folders, `shared/` is
 * the only thing pages have in common, and what a page takes from the server runs in a browser.
 * That no module imports one that imports it back is tests/import-cycles.unit.test.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const WEB_SRC = fileURLToPath(new URL('../../web/src/', import.meta.url));
const SERVER = fileURLToPath(new URL('../../server/', import.meta.url));
const PAGES = ['map', 'priorities', 'admin', 'login', 'cases', 'changes'];

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

/** What a module needs when it runs: its relative imports that are not `import type`, and the packages it names. */
function runtimeImports(file: string): { values: string[]; packages: string[] } {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/^\s*(?:import|export)\s+(type\s)?[^;]*?\bfrom\s*'([^']+)'|^\s*import\s*'([^']+)'/gm)]
    .filter((m) => !m[1])
    .map((m) => (m[2] ?? m[3])!);
  return {
    values: specs
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => normalize(join(dirname(file), spec)).replace(/\.js$/, '.ts'))
      .filter((f) => f.endsWith('.ts')),
    packages: specs.filter((spec) => !spec.startsWith('.')),
  };
}

const files = sources(WEB_SRC);
const graph = new Map(files.map((f) => [f, importsOf(f).filter((i) => i.startsWith(WEB_SRC) && i.endsWith('.ts'))]));
const area = (file: string) => relative(WEB_SRC, file).split('/')[0]!;

describe('web/src layout', () => {
  it('keeps only a handful of files at its top', () => {
    const top = readdirSync(WEB_SRC).filter((name) => statSync(join(WEB_SRC, name)).isFile());
    expect(top.length).toBeLessThanOrEqual(5);
    expect(
      readdirSync(WEB_SRC)
        .filter((name) => statSync(join(WEB_SRC, name)).isDirectory())
        .sort(),
    ).toEqual([...PAGES, 'shared'].sort());
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

  it('takes code from outside web/src only from server/, and only modules that run without Node', () => {
    const outside = files.flatMap((file) =>
      importsOf(file)
        .filter((i) => !i.startsWith(WEB_SRC) && i.endsWith('.ts') && !i.startsWith(SERVER))
        .map((i) => `${relative(WEB_SRC, file)} → ${i}`),
    );
    expect(outside).toEqual([]);
    // Type-only imports leave nothing in the bundle; a value import brings its module and all it imports.
    const needsNode: string[] = [];
    const seen = new Set<string>();
    const walk = (file: string, from: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const { values, packages } = runtimeImports(file);
      for (const name of packages) {
        if (name.startsWith('node:') || builtinModules.includes(name)) needsNode.push(`${relative(WEB_SRC, from)} → ${relative(SERVER, file)} imports ${name}`);
      }
      for (const next of values) walk(next, from);
    };
    for (const file of files) for (const i of runtimeImports(file).values) if (i.startsWith(SERVER)) walk(i, file);
    expect(seen.size).toBeGreaterThan(0);
    expect(needsNode).toEqual([]);
  });
});
