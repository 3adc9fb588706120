import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS as SERVER_WEIGHTS, FACTORS as SERVER_FACTORS, PRIORITY_DEFAULTS } from '../../server/analysis/priorities/priority-params.js';
import { csvText } from '../../web/src/shared/csv-file.js';
import { DEFAULT_HALF_LIFE_DAYS, DEFAULT_RADIUS_KM, DEFAULT_WEIGHTS, FACTORS } from '../../web/src/priorities/factors.js';

/** The pure parts of the priorities page, without a browser. */
describe('the priorities page, piece by piece', () => {
  it('knows the API’s factors and defaults, in the same order', () => {
    expect(FACTORS).toEqual(SERVER_FACTORS);
    expect(DEFAULT_WEIGHTS).toEqual(SERVER_WEIGHTS);
    expect(DEFAULT_RADIUS_KM).toBe(PRIORITY_DEFAULTS.radius_km);
    expect(DEFAULT_HALF_LIFE_DAYS).toBe(PRIORITY_DEFAULTS.half_life_days);
  });

  it('writes its CSV with the server’s own cells: text quoted and defused, numbers bare', () => {
    // The rules themselves are tested in tests/export/csv-cells.unit.test.ts.
    expect(
      csvText(
        ['name', 'need'],
        [
          ['@x', 1.5],
          ['Coop X;=2+3;', -2],
        ],
      ),
    ).toBe(`"name","need"\n"'@x",1.5\n"Coop X;'=2+3;",-2\n`);
  });
});
