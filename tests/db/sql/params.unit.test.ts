import { describe, expect, it } from 'vitest';
import { Params } from '../../../server/db/sql/params.js';

describe('Params, the parameter collector', () => {
  it('numbers placeholders in the order values are added, with a cast when given', () => {
    const params = new Params();
    expect(params.add('2019-06-15', 'date')).toBe('$1::date');
    expect(params.add(28.5)).toBe('$2');
    expect(params.add(null, 'bigint')).toBe('$3::bigint');
    expect(params.values).toEqual(['2019-06-15', 28.5, null]);
  });

  it('keeps each value as given: a quote or a semicolon stays a value, never SQL', () => {
    const params = new Params();
    const hostile = "x'; DROP TABLE claims; --";
    expect(params.add(hostile, 'text')).toBe('$1::text');
    expect(params.values).toEqual([hostile]);
  });
});
