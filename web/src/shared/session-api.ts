/** Who the page is talking as (`GET /api/session`), and signing out. */
import { ApiError, getJson, sendJson } from './api.js';
import type { Role } from './messages-session.js';

export interface SessionInfo {
  /** The local demo mode: without credentials the server treats everyone as an admin named "demo". */
  demo: boolean;
  /** The signed-in account; null in the demo mode without a session, and when nobody is signed in. */
  account: { username: string; role: Role } | null;
  /** The role the server applies to this caller (the demo mode's is admin); null: nobody. */
  role: Role | null;
  profile: string | null;
}

export function fetchSession(signal?: AbortSignal): Promise<SessionInfo> {
  return getJson<SessionInfo>('api/session', signal);
}

/** Ends the session on the server (with the CSRF token). A session that had already ended is no failure. */
export async function signOut(): Promise<void> {
  try {
    await sendJson<null>('DELETE', 'api/session');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return;
    throw error;
  }
}

/** The address of the sign-in page that comes back here afterwards. */
export function signInAddress(): string {
  return `login.html?next=${encodeURIComponent(location.pathname + location.search + location.hash)}`;
}
