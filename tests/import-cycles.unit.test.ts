/**
 * No module imports one that imports it back, directly or through others, in the server or the
 * pages: a cycle makes the order of evaluation decide what a module sees of another (an
 * `undefined` at start-up), and it means neither module can be read without the other.
 * The imports are read by TypeScript's own pre-parser, so multi-line, `export … from`,
 * side-effect and dynamic imports all count; type-only imports count too (they tie the two
 * modules together for a reader all the same).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TREES = ['server', 'web/src'].map((tree) => join(ROOT, tree));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /(?<!\.d)\.ts$/.test(name) ? [path] : [];
  });
}

/** The modules a file imports by a relative path, `.js` read as the `.ts` it is compiled from; assets (styles, data `?url`) left out. */
function relativeImports(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map(({ fileName }) => fileName)
    .filter((spec) => spec.startsWith('./') || spec.startsWith('../'))
    .filter((spec) => /\.[jt]s$/.test(spec))
    .map((spec) => normalize(join(dirname(file), spec)).replace(/\.js$/, '.ts'));
}

/** Every cycle met by a depth-first walk, each as the chain of files that closes it. */
function importCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

const files = TREES.flatMap(sources);
const graph = new Map(files.map((file) => [file, relativeImports(file)]));
const name = (file: string) => relative(ROOT, file);

describe('imports of server/ and web/src/', () => {
  it('resolve every relative import to a file (or the walk below would miss it)', () => {
    const missing = [...graph].flatMap(([file, imports]) => imports.filter((i) => !files.includes(i)).map((i) => `${name(file)} imports ${name(i)}`));
    expect(missing).toEqual([]);
  });

  it('form no cycle', () => {
    expect(importCycles(graph).map((cycle) => cycle.map(name).join(' → '))).toEqual([]);
  });

  it('are walked by a test that does see a cycle', () => {
    const toy = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
    ]);
    expect(importCycles(toy)).toEqual([['a', 'b', 'c', 'a']]);
    expect(
      importCycles(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toEqual([]);
  });
});
