/**
 * The Content-Security-Policy of every answer (set with @fastify/helmet in app.ts, with its
 * other headers: nosniff, frame denial, referrer policy, HSTS). No inline script and nothing
 * from elsewhere: a name from the data that holds a <script> has nothing to run with, and the
 * app works without internet. Inline styles stay allowed: MapLibre positions its markers and
 * popups with them.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // MapLibre starts its workers from blob: URLs.
  'worker-src': ["'self'", 'blob:'],
  'img-src': ["'self'", 'data:', 'blob:'],
  'style-src': ["'self'", "'unsafe-inline'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};
