import { readFileSync, readdirSync } from 'node:fs';
import { basename } from 'node:path';

export const FIXTURES = new URL('../fixtures/', import.meta.url);

/** Every file of a fixture folder, sorted, as [name without extension, parsed JSON]. */
export function readFixtures<T = unknown>(folder: string): Array<[string, T]> {
  const dir = new URL(`${folder}/`, FIXTURES);
  return readdirSync(dir)
    .filter((f) => /\.(geo)?json$/.test(f))
    .sort()
    .map((f) => [basename(f).replace(/\.(geo)?json$/, ''), JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as T]);
}
