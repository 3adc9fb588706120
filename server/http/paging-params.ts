import { Type } from 'typebox';

/**
 * Bounds for the integers of URLs, so that every value the schema lets through fits the SQL
 * it reaches (`int` for offsets, `bigint` for ids). Without them `offset=2147483648` or
 * `record_id=9223372036854775808` passed validation and ended in a 500 (issue 16).
 */
export const MAX_OFFSET = 100_000_000;

/** `defaultZero: false` where an absent offset must stay absent (OGC paging links repeat what was sent). */
export function offsetParam(description = 'records to skip: the paging links set it', { defaultZero = true } = {}) {
  return Type.Integer({
    minimum: 0,
    maximum: MAX_OFFSET,
    ...(defaultZero ? { default: 0 } : {}),
    description: `${description}; at most ${MAX_OFFSET.toLocaleString('en')}`,
  });
}

export function recordIdParam(description = 'a record id') {
  return Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description });
}
