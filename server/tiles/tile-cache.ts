import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Profile } from '../sharing/profiles.js';

/**
 * A tile's ETag: the data version (data-version.ts), the profile it was cut for, and the day
 * (a site's visit count is counted up to today when no date is asked). The URL
 * names the layer, tile and date; the profile comes from who asks, so it is in the tag, and
 * `Vary` tells caches that the answer depends on the credentials.
 */
export function tileTag(version: number, profile: Profile, day: string): string {
  // Weak: it names the data, and the same data leaves as brotli, gzip or plain bytes (delivery.ts).
  return `W/"d${version}.${profile}.${day}"`;
}

/** RFC 9110 §13.1.2: If-None-Match holds a list of tags, weak or strong, or `*`; the weak comparison applies. */
export function matchesTag(request: FastifyRequest, tag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const value = candidate.trim();
    return value === '*' || value.replace(/^W\//, '') === tag.replace(/^W\//, '');
  });
}

/**
 * Within a session a browser reuses a tile for five minutes, then revalidates it (a 304
 * costs the server one small query). Private: tiles hold records no shared cache may keep;
 * signing out clears the browser's cache (session-routes.ts, Clear-Site-Data).
 */
export const TILE_CACHE_CONTROL = 'private, max-age=300';

export function setTileHeaders(reply: FastifyReply, tag: string): void {
  // Accept-Encoding: a kept tile leaves compressed as the caller accepts (tile-encodings.ts).
  reply.header('etag', tag).header('cache-control', TILE_CACHE_CONTROL).header('vary', 'authorization, cookie, accept-encoding');
}
