import { describe, expect, it } from 'vitest';
import { inForceOn, validOn } from '../../../server/db/sql/in-force.js';

describe('in force on a date', () => {
  it('has begun on or before the date and not ended before it; a null bound is open', () => {
    expect(inForceOn('$1::date', 't.valid_from', 't.valid_to')).toBe(
      '((t.valid_from IS NULL OR t.valid_from <= $1::date) AND (t.valid_to IS NULL OR t.valid_to >= $1::date))',
    );
  });

  it('without an end: has happened by the date (an event)', () => {
    expect(inForceOn('d.as_of', 't.occurred_on')).toBe('(t.occurred_on IS NULL OR t.occurred_on <= d.as_of)');
  });

  it('reads valid_from and valid_to of an aliased table', () => {
    expect(validOn('z', '$3::date')).toBe(inForceOn('$3::date', 'z.valid_from', 'z.valid_to'));
  });
});
