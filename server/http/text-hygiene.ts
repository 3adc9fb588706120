import type { FastifyRequest } from 'fastify';
import { badRequest } from './errors.js';

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Deeper than any GeoJSON this app accepts (a MultiPolygon is 4 levels of arrays under the feature). */
const MAX_DEPTH = 32;

/**
 * Where a body holds text PostgreSQL cannot store as sent: a NUL character (refused by the
 * database, which would surface as a 500) or a lone UTF-16 surrogate (silently replaced on
 * the way in, so the stored name would differ from the one sent). Returns the JSON path.
 */
export function findUnstorableText(value: unknown, path = 'body', depth = 0): string | undefined {
  if (depth > MAX_DEPTH) return `${path} (nested more than ${MAX_DEPTH} levels deep)`;
  if (typeof value === 'string') return value.includes('\u0000') || LONE_SURROGATE.test(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findUnstorableText(item, `${path}[${i}]`, depth + 1);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findUnstorableText(key, `${path} key`, depth + 1) ?? findUnstorableText(item, `${path}.${key}`, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** A preValidation hook for every route: such text gets a 400 that says where, before anything runs. */
export async function refuseUnstorableText(request: FastifyRequest): Promise<void> {
  const where = findUnstorableText(request.body);
  if (where) throw badRequest(`${where} cannot be stored: text must be well-formed Unicode without NUL characters, and JSON at most ${MAX_DEPTH} levels deep`);
}
