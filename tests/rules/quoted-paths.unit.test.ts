/**
 * The rule modules, the README and docs/ name files of the repository (fixtures, modules,
 * data): a file moved or renamed leaves a pointer to nothing, which a newcomer follows first.
 * Every path under a top-level folder of the repository that they quote, and every relative
 * link of the Markdown, must name something that exists (globs and {a,b} alternatives match at
 * least one file each); none may point outside the repository. Build output and local data
 * (gitignored) are not checked.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TOP = '(?:server|tests|web|data|docs|migrations|scripts|\\.ci)';
const IN_REPO = new RegExp(`^${TOP}(?:/|$)`);
/** Made by a build or a run, not in a clone: named in the README all the same. */
const GENERATED = /(^|\/)(dist|\.data|\.artifacts|node_modules)(\/|$)/;

/** `a/{b,c}/d` → `a/b/d`, `a/c/d`. */
function expandBraces(path: string): string[] {
  const m = /\{([^{}]*)\}/.exec(path);
  if (!m) return [path];
  return m[1]!.split(',').flatMap((option) => expandBraces(path.slice(0, m.index) + option + path.slice(m.index + m[0].length)));
}

const globSegment = (segment: string) =>
  new RegExp(
    `^${segment
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );

/** Whether at least one file or folder matches the path, whose segments may hold `*` and `**`. */
function matchesSomething(dir: string, segments: string[]): boolean {
  if (segments.length === 0) return true;
  const [head, ...rest] = segments as [string, ...string[]];
  if (head === '**') return matchesSomething(dir, rest) || subdirs(dir).some((sub) => matchesSomething(join(dir, sub), segments));
  if (!/[*?]/.test(head)) return existsSync(join(dir, head)) && matchesSomething(join(dir, head), rest);
  const pattern = globSegment(head);
  return entries(dir).some((name) => pattern.test(name) && matchesSomething(join(dir, name), rest));
}
const entries = (dir: string) => (existsSync(dir) && statSync(dir).isDirectory() ? readdirSync(dir) : []);
const subdirs = (dir: string) => entries(dir).filter((name) => statSync(join(dir, name)).isDirectory());

/** The paths among words: those starting with a top-level folder, and (`outside`) those leaving the repository (`../x`). */
function quotedPaths(tokens: string[], { outside = false } = {}): string[] {
  return tokens
    .map((token) =>
      token
        .replace(/[,;:]+$/, '')
        .replace(/\.$/, '')
        .replace(/:\d+$/, ''),
    )
    .filter((token) => IN_REPO.test(token) || (outside && /^\.\.\/\w/.test(token)));
}

const MARKDOWN = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/**
 * In a Markdown file: the words of every `code span` (paths from the repository's root), and
 * the targets of its relative links (from the file's folder), as paths from the root.
 */
function markdownPaths(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const quoted = quotedPaths(
    [...text.matchAll(/`([^`\n]+)`/g)].flatMap((m) => m[1]!.split(/\s+/)),
    { outside: true },
  );
  const linked = [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!.replace(/#.*$/, ''))
    .filter((target) => target !== '' && !/^[a-z]+:/.test(target))
    .map((target) => relative(ROOT, normalize(join(ROOT, dirname(file), target))).replace(/\\/g, '/'));
  return [...quoted, ...linked];
}

/** In a rule module: every word of its text (comments name fixtures without backticks); its relative imports are the compiler's to check. */
function modulePaths(file: string): string[] {
  return quotedPaths(readFileSync(file, 'utf8').split(/[\s`'"()]+/));
}

function missing(paths: string[]): string[] {
  return [...new Set(paths)].filter((path) => {
    if (path.startsWith('../')) return true;
    if (GENERATED.test(path)) return false;
    return expandBraces(path).some((one) => !matchesSomething(ROOT, one.split('/').filter(Boolean)));
  });
}

const ruleModules = readdirSync(join(ROOT, 'server/rules'), { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.ts'))
  .map((name) => join(ROOT, 'server/rules', name));

describe('paths quoted in the rule modules and the README exist in the repository', () => {
  it('finds what it checks (a guard against a scanner that reads nothing)', () => {
    expect(MARKDOWN.flatMap(markdownPaths)).toContain('server/rules/r5-contested-zone.ts');
    expect(ruleModules.flatMap(modulePaths).some((path) => path.startsWith('tests/fixtures/'))).toBe(true);
  });

  it.each(MARKDOWN)('%s', (file) => {
    expect(missing(markdownPaths(file))).toEqual([]);
  });

  it.each(ruleModules.map((file) => [file.slice(ROOT.length), file]))('%s', (_name, file) => {
    expect(missing(modulePaths(file))).toEqual([]);
  });

  it('the checker itself: a missing path, a glob that matches nothing and one outside the repository are caught', () => {
    expect(missing(['tests/fixtures/contested/{true,false}/', 'tests/fixtures/security/observations/army-*.json', 'tests/**/*.unit.test.ts'])).toEqual([]);
    expect(missing(['tests/fixtures/security/sites/*army*', 'tests/fixtures/contested/{true,nowhere}/', '../shared/DOMAIN.md'])).toHaveLength(3);
  });
});
