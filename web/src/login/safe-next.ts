/**
 * Where to go after signing in. `next` comes from the address bar, which anyone can write
 * into a link they send: only a path on this same site is followed, never another site
 * (an open redirect would make our sign-in page lend its trust to a phishing page).
 */
export function safeNext(next: string | null, here: URL): string {
  const fallback = './';
  if (!next) return fallback;
  // A scheme (https:, javascript:, data:…), a protocol-relative `//host`, backslashes that
  // some browsers read as slashes, and control characters that URL parsing strips: all refused.
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (/^[a-z][a-z0-9+.-]*:/i.test(next) || next.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(next)) return fallback;
  if (!next.startsWith('/') && !next.startsWith('./')) return fallback;
  let target: URL;
  try {
    target = new URL(next, here);
  } catch {
    return fallback;
  }
  if (target.origin !== here.origin) return fallback;
  // Back to the sign-in page would only ask again.
  if (/\/login\.html$/.test(target.pathname) || target.pathname.startsWith('//')) return fallback;
  // The whole resolved address, not its path: a path such as `/.//evil.example` resolves to
  // the path `//evil.example`, which the browser would read as another site.
  return target.href;
}
