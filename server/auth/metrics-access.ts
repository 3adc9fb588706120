import { forbidden } from '../http/errors.js';
import { sameSecret } from './secrets.js';

/**
 * Who may read `/metrics`: a scraper holding METRICS_TOKEN (`Authorization: Bearer …`), or
 * anyone on this machine without forwarding headers. No account opens it, not even an admin's:
 * the scraper is a machine, and its token opens nothing else. Every refusal is a 403 in words.
 *
 * `fromThisMachine` is auth-hooks.ts's test (loopback socket, no X-Forwarded-For or Forwarded,
 * a local Host), the same that guards the demo mode: a proxy on this machine must not make a
 * remote scraper look local, and a page of another site must not reach it through DNS rebinding.
 */
export function checkMetricsAccess(authorization: string | undefined, fromThisMachine: boolean, metricsToken: string | undefined): void {
  if (authorization !== undefined) {
    const presented = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
    // A token that does not work is refused even from this machine: the scraper should learn it is misconfigured.
    if (!metricsToken)
      throw forbidden(
        '/metrics takes no credentials here: METRICS_TOKEN is not set on the server, so only this machine may read it, without an Authorization header',
      );
    if (presented === undefined || !sameSecret(presented, metricsToken)) {
      throw forbidden('/metrics takes the metrics token (METRICS_TOKEN) as "Authorization: Bearer <token>"; API tokens and sessions do not open it');
    }
    return;
  }
  if (fromThisMachine) return;
  throw forbidden(
    metricsToken
      ? '/metrics is for this machine, or for a scraper that presents the metrics token as "Authorization: Bearer <token>"'
      : '/metrics is for this machine only: set METRICS_TOKEN on the server to let a scraper elsewhere read it',
  );
}
