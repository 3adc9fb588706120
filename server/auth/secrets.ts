import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, URL-safe: session ids, CSRF tokens and API tokens. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What the database keeps of a session id or an API token. The values are random and long,
 * so a fast hash is enough; a stolen table gives nothing that opens a door.
 */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Compares two secrets in constant time, whatever their lengths. */
export function sameSecret(a: string, b: string): boolean {
  const [x, y] = [createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest()];
  return timingSafeEqual(x, y) && a.length === b.length;
}
