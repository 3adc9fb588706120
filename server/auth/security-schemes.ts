/** How callers prove who they are, as OpenAPI says it (README, "Accounts"): for client generators and GIS tools. */
export const SECURITY_SCHEMES = {
  bearer: { type: 'http', scheme: 'bearer', description: 'an API token, `rmk_…`, from `npm run accounts -- token` or admin.html' },
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: 'riskmap_session',
    description: 'the browser session from POST /api/session; writes also need the X-CSRF-Token header',
  },
} as const;
