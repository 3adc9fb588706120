import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENV_SCHEMA } from '../../server/config.js';
import { PROJECT_ROOT } from '../../server/paths.js';

/**
 * README "Configuration" documents the variables of ENV_SCHEMA (server/config.ts), the one place
 * they are declared: its first table names each exactly once, and says each fixed default.
 */
function configurationTable(): Map<string, string> {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.split(/^## Configuration$/m)[1]!.split(/^##? /m)[0]!;
  const table = section.slice(section.indexOf('| variable |')).split(/\n(?!\|)/)[0]!;
  const rows = new Map<string, string>();
  for (const line of table.split('\n').slice(2)) {
    const [, names, defaults] = line.split('|').map((cell) => cell.trim());
    for (const [, name] of names!.matchAll(/`([A-Z][A-Z0-9_]*)`/g)) {
      expect(rows.has(name!), `${name} twice in the table`).toBe(false);
      rows.set(name!, defaults!);
    }
  }
  return rows;
}

describe('README configuration table', () => {
  const schema = ENV_SCHEMA.properties as Record<string, { default?: unknown; description?: string }>;
  const table = configurationTable();

  it('names every variable of the schema, and no other', () => {
    expect([...table.keys()].sort()).toEqual(Object.keys(schema).sort());
  });

  it('gives the schema’s default of each variable that has a fixed one', () => {
    for (const [name, variable] of Object.entries(schema)) {
      expect(variable.description, name).toBeTruthy();
      if (variable.default === undefined) continue;
      const shown = String(variable.default).replace(PROJECT_ROOT, '');
      expect(table.get(name), name).toContain(`\`${shown}\``);
    }
  });
});
