import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAccount } from '../../server/auth/accounts.js';
import { issueToken } from '../../server/auth/api-tokens.js';
import { describeInBrowser, openMapPage, signInOnPage, type MapPage } from './browser-harness.js';

const ADMIN = { username: 'ada', password: 'administrer la carte 2024' };
const VIEWER = { username: 'victor', password: 'lire seulement la carte' };
const ZONE_NAME = 'Zone témoin';
const RENAMED = 'Zone témoin (renommée par ada)';
/** More entries than one page of the change log holds (25). */
const SITES = 30;
const SLOW_TEST = { timeout: 240_000 };
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 45_000, interval: 100 });

interface Seeded {
  zoneId: number;
}

/** The seed writes through the real API, with a token of the admin, so that its writes are audited too. */
async function seed(app: FastifyInstance, db: Parameters<typeof createAccount>[0]): Promise<Seeded> {
  const admin = await createAccount(db, { username: ADMIN.username, role: 'admin', password: ADMIN.password, display_name: 'Ada (test)' });
  await createAccount(db, { username: VIEWER.username, role: 'viewer', password: VIEWER.password });
  const { token } = await issueToken(db, admin.id, 'browser test seed');
  const post = async (layer: string, geometry: unknown, properties: Record<string, unknown>) => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/${layer}`,
      headers: { authorization: `Bearer ${token}` },
      payload: { type: 'Feature', geometry, properties: { source: 'admin-test', ...properties } },
    });
    if (res.statusCode !== 201) throw new Error(`seeding ${layer} failed (${res.statusCode}): ${res.body}`);
    return (res.json() as { id: number }).id;
  };
  const zoneId = await post(
    'zones',
    {
      type: 'Polygon',
      coordinates: [
        [
          [28.6, -2.25],
          [28.66, -2.25],
          [28.66, -2.18],
          [28.6, -2.18],
          [28.6, -2.25],
        ],
      ],
    },
    { source_id: 'zone-1', code: 'ZEA-T1', name: ZONE_NAME, status: 'active', illustrative: true },
  );
  for (let i = 0; i < SITES; i++) {
    await post(
      'sites',
      { type: 'Point', coordinates: [28.61 + i * 0.001, -2.2] },
      { source_id: `site-${i}`, name: `Site ${i + 1}`, location_precision: 'gps', illustrative: true },
    );
  }
  return { zoneId };
}

describeInBrowser('the administration page in Chromium', () => {
  let session: MapPage<Seeded>;
  const auditRows = () => session.page.locator('#audit .audit-row');
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  /** The browser reports each refused request as a console error; the refusals this test provokes are expected. */
  const unexpected = (errors: string[]) => errors.filter((e) => !/status of (401|403)/.test(e));

  /** Opens the administration afresh and waits until its three parts are loaded. */
  async function openAdmin(): Promise<void> {
    await session.page.goto(`${session.origin}/admin.html`);
    await poll(() => session.page.locator('body').getAttribute('data-ready')).toBe('true');
  }

  beforeAll(async () => {
    session = await openMapPage({ demo: false, seed, signIn: ADMIN, path: '/admin.html', waitForMap: false });
    await session.page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows the change log to an admin, with the change the admin just made, by name, as a field diff', SLOW_TEST, async () => {
    const { page, seeded } = session;
    expect(await page.locator('#session-bar .session-username').textContent()).toBe(ADMIN.username);
    expect(await page.locator('#session-bar').innerText()).toContain('administrateur');
    // A change made from this browser session, with its CSRF token, as the app's own pages do.
    const status = await page.evaluate(
      async ({ id, name }) => {
        const csrf = decodeURIComponent(/riskmap_csrf=([^;]+)/.exec(document.cookie)![1]!);
        const response = await fetch(`api/zones/${id}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
          body: JSON.stringify({ type: 'Feature', properties: { name, status: 'suspended' } }),
        });
        return response.status;
      },
      { id: seeded.zoneId, name: RENAMED },
    );
    expect(status).toBe(200);
    await openAdmin();

    const newest = auditRows().first();
    expect(await newest.getAttribute('data-layer')).toBe('zones');
    expect(await newest.getAttribute('data-record-id')).toBe(String(seeded.zoneId));
    expect(await newest.locator('.cell-actor').textContent()).toBe(ADMIN.username);
    expect(await newest.locator('.cell-action').textContent()).toBe('modification');
    expect(await newest.locator('.cell-layer').textContent()).toBe("Zones d'exploitation artisanale (ZEA)");
    const name = newest.locator('.diff-item[data-field="name"]');
    expect(await name.locator('del').textContent()).toBe(`avant : ${ZONE_NAME}`);
    expect(await name.locator('ins').textContent()).toBe(`après : ${RENAMED}`);
    expect(await name.textContent()).toBe(`Nom avant : ${ZONE_NAME} → après : ${RENAMED}`);
    expect(await newest.locator('.diff-item[data-field="status"]').textContent()).toBe('Statut avant : active → après : suspended');
    // Only what changed: the code and the geometry stayed.
    expect(await newest.locator('.diff-item').evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.field).sort())).toEqual(['name', 'status']);
    // Before the change: the sign-in, then the seed, which wrote with a token; the log says so.
    expect(await auditRows().nth(1).getAttribute('data-layer')).toBe('sessions');
    expect(await auditRows().nth(1).locator('.cell-layer').textContent()).toBe('Connexions');
    expect(await auditRows().nth(1).locator('.cell-actor').textContent()).toBe(ADMIN.username);
    expect(await auditRows().nth(2).locator('.cell-actor').textContent()).toBe(`${ADMIN.username} (token #1)`);
    await session.screenshot('admin-audit.png');
  });

  it('pages through the change log and filters it by layer and record', SLOW_TEST, async () => {
    const { page, seeded } = session;
    const range = page.locator('#audit .paging-range');
    // 1 zone + 30 sites created, 1 sign-in, 1 zone changed: 33 entries, 25 a page.
    expect(await auditRows().count()).toBe(25);
    expect(await range.innerText()).toBe('Entrées 1 à 25');
    const firstPageIds = await auditRows().evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.id));
    await page.locator('#audit').getByRole('button', { name: 'Suivantes →' }).click();
    await poll(() => range.innerText()).toBe('Entrées 26 à 33');
    expect(await auditRows().count()).toBe(8);
    const secondPageIds = await auditRows().evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.id));
    expect(secondPageIds.filter((id) => firstPageIds.includes(id))).toEqual([]);
    expect(await page.locator('#audit').getByRole('button', { name: 'Suivantes →' }).isDisabled()).toBe(true);
    await page.locator('#audit').getByRole('button', { name: '← Précédentes' }).click();
    await poll(() => range.innerText()).toBe('Entrées 1 à 25');

    await page.getByLabel('Couche').selectOption('zones');
    await page.locator('#audit').getByRole('button', { name: 'Filtrer' }).click();
    await poll(() => auditRows().count()).toBe(2);
    expect(await auditRows().evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.action))).toEqual(['update', 'create']);
    // A creation lists what was set, with no "before".
    const created = auditRows().nth(1);
    expect(await created.locator('.diff-item[data-field="name"]').textContent()).toBe(`Nom ${ZONE_NAME}`);
    expect(await created.locator('.diff-item[data-field="code"]').textContent()).toBe('Code ZEA-T1');
    expect(await created.locator('del, ins').count()).toBe(0);

    await page.getByLabel('Couche').selectOption('');
    await page.getByLabel('N° d’enregistrement').fill(String(seeded.zoneId));
    await page.locator('#audit').getByRole('button', { name: 'Filtrer' }).click();
    // Record ids repeat across layers: the zone's two entries and the site that got the same id.
    const rowKeys = () => auditRows().evaluateAll((rows) => rows.map((r) => `${(r as HTMLElement).dataset.layer} ${(r as HTMLElement).dataset.recordId}`));
    await poll(() => auditRows().count()).toBeLessThan(25);
    const keys = await rowKeys();
    expect(keys.filter((k) => k === `zones ${seeded.zoneId}`)).toHaveLength(2);
    expect(keys.every((k) => k.endsWith(` ${seeded.zoneId}`))).toBe(true);
    await page.getByLabel('N° d’enregistrement').fill('abc');
    await page.locator('#audit').getByRole('button', { name: 'Filtrer' }).click();
    // The refusal is written once the page has handled the click (the click can resolve first).
    await poll(() => page.locator('#audit .admin-message').innerText()).toContain('entier positif');
    await page.getByLabel('N° d’enregistrement').fill('');
    await page.locator('#audit').getByRole('button', { name: 'Filtrer' }).click();
    await poll(() => auditRows().count()).toBe(25);
  });

  it('lists an export in the export log: who, profile, layers and count', SLOW_TEST, async () => {
    const { page } = session;
    const exported = await page.evaluate(async () => {
      const response = await fetch('api/export?layers=zones&profile=partner&format=geojson');
      const body = (await response.json()) as { features: unknown[] };
      return { status: response.status, count: body.features.length };
    });
    expect(exported).toEqual({ status: 200, count: 1 });
    await openAdmin();
    const row = page.locator('#exports .export-row').first();
    expect(await row.locator('.cell-actor').textContent()).toBe(ADMIN.username);
    expect(await row.locator('.cell-profile').textContent()).toBe('partner');
    expect(await row.locator('.cell-format').textContent()).toBe('geojson');
    expect(await row.locator('.cell-layers').textContent()).toBe("Zones d'exploitation artisanale (ZEA)");
    expect(await row.locator('.cell-count').getAttribute('data-count')).toBe('1');
    expect(await page.locator('#exports .export-row').count()).toBe(1);
    await page.locator('#exports').scrollIntoViewIfNeeded();
    await session.screenshot('admin-exports.png');
  });

  it('creates an account, changes its role, disables and enables it', SLOW_TEST, async () => {
    const { page, app } = session;
    const accounts = page.locator('#accounts');
    await accounts.getByLabel('Nom d’utilisateur').fill('nadia');
    await accounts.getByLabel('Nom affiché (facultatif)').fill('Nadia, partenaire (test)');
    await accounts.getByLabel('Rôle', { exact: true }).selectOption('partner');
    await accounts.getByLabel('Mot de passe (facultatif)').fill('un mot de passe assez long');
    await accounts.getByRole('button', { name: 'Créer le compte' }).click();
    await poll(() => accounts.locator('.create-message').innerText()).toBe('Compte nadia créé (partenaire).');
    const row = accounts.locator('tr[data-username="nadia"]');
    await poll(() => row.count()).toBe(1);
    expect(await row.getAttribute('data-role')).toBe('partner');
    expect(await row.locator('.cell-display-name').textContent()).toBe('Nadia, partenaire (test)');

    await row.getByLabel('Rôle de nadia', { exact: true }).selectOption('viewer');
    await row.getByRole('button', { name: 'Changer le rôle de nadia' }).click();
    await poll(() => accounts.locator('tr[data-username="nadia"]').getAttribute('data-role')).toBe('viewer');
    expect(await accounts.locator('.accounts-message').innerText()).toBe('Rôle de nadia : lecteur.');
    // Focus stays on the button pressed, in the re-drawn row.
    expect(await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-username'))).toBe('nadia');

    await accounts.getByRole('button', { name: 'Désactiver nadia' }).click();
    await poll(() => accounts.locator('tr[data-username="nadia"]').getAttribute('data-state')).toBe('disabled');
    expect(await accounts.locator('tr[data-username="nadia"] .cell-state').innerText()).toMatch(/^désactivé le /);
    await accounts.getByRole('button', { name: 'Réactiver nadia' }).click();
    await poll(() => accounts.locator('tr[data-username="nadia"]').getAttribute('data-state')).toBe('active');

    // The server agrees, and the audit log names the admin.
    const [stored] = await session.db.query<{ role: string; disabled_at: string | null }>(`SELECT role, disabled_at FROM accounts WHERE username = 'nadia'`);
    expect(stored).toEqual({ role: 'viewer', disabled_at: null });
    const audit = await app.inject({ method: 'GET', url: '/api/audit?layer=accounts', headers: bearer(await adminToken()) });
    expect((audit.json() as { entries: Array<{ actor: string }> }).entries.slice(0, 4).map((e) => e.actor)).toEqual(['ada', 'ada', 'ada', 'ada']);
    await session.screenshot('admin-accounts.png');
  });

  it('issues a token shown once, which works, then revokes it, after which it is refused', SLOW_TEST, async () => {
    const { page, app } = session;
    const accounts = page.locator('#accounts');
    await accounts.getByRole('button', { name: 'Jetons d’API de nadia' }).click();
    const tokens = page.locator('#tokens');
    await poll(() => tokens.isVisible()).toBe(true);
    expect(await tokens.getByRole('heading', { level: 3 }).textContent()).toBe('Jetons d’API de nadia');
    expect(await tokens.locator('.tokens-none').textContent()).toBe('Aucun jeton pour ce compte.');
    expect(await accounts.getByRole('button', { name: 'Jetons d’API de nadia' }).getAttribute('aria-expanded')).toBe('true');

    await tokens.getByLabel('À quoi sert-il ?').fill('export nocturne pour le partenaire');
    await tokens.getByLabel('Expire dans (jours, facultatif)').fill('0');
    await tokens.getByRole('button', { name: 'Émettre le jeton' }).click();
    expect(await tokens.locator('.tokens-message').innerText()).toContain('de 1 à 3650');
    await tokens.getByLabel('Expire dans (jours, facultatif)').fill('30');
    await tokens.getByRole('button', { name: 'Émettre le jeton' }).click();
    const secretField = tokens.getByLabel('Le jeton (secret)');
    await poll(() => secretField.isVisible()).toBe(true);
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^rmk_/);
    expect(await tokens.locator('.token-secret').innerText()).toContain('il ne sera plus jamais affiché');
    // The page focuses the secret once the token list has reloaded: on a loaded machine, later than the secret shows.
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('token-secret-value');
    const row = tokens.locator('.token-row').first();
    expect(await row.locator('.cell-name').textContent()).toBe('export nocturne pour le partenaire');
    expect(await row.getAttribute('data-state')).toBe('active');
    expect(secret.startsWith((await row.locator('code').textContent())!.replace('…', ''))).toBe(true);
    await session.screenshot('admin-token-issued.png');

    const works = await app.inject({ method: 'GET', url: '/api/zones', headers: bearer(secret) });
    expect(works.statusCode).toBe(200);

    // Once dismissed, the secret is nowhere on the page.
    await tokens.getByRole('button', { name: 'J’ai copié le jeton' }).click();
    expect(
      await page.evaluate((s) => document.documentElement.outerHTML.includes(s) || [...document.querySelectorAll('input')].some((i) => i.value === s), secret),
    ).toBe(false);

    // Revoking takes a second press.
    await row.getByRole('button', { name: 'Révoquer le jeton « export nocturne pour le partenaire »' }).click();
    expect(await row.getAttribute('data-state')).toBe('active');
    await row.getByRole('button', { name: 'Confirmer la révocation du jeton « export nocturne pour le partenaire »' }).click();
    await poll(() => tokens.locator('.token-row').first().getAttribute('data-state')).toBe('revoked');
    expect(await tokens.locator('.tokens-message').innerText()).toBe('Jeton « export nocturne pour le partenaire » révoqué : il ne fonctionne plus.');
    expect(await tokens.locator('.token-row').first().locator('.cell-state').innerText()).toMatch(/^révoqué le /);
    await session.screenshot('admin-token-revoked.png');

    const refused = await app.inject({ method: 'GET', url: '/api/zones', headers: bearer(secret) });
    expect(refused.statusCode).toBe(401);
  });

  it('switches to English', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'English' }).click();
    await poll(() => page.locator('#audit h2').textContent()).toBe('Change log');
    expect(await page.locator('#exports h2').textContent()).toBe('Export log');
    expect(await page.locator('#accounts tr[data-username="nadia"] .cell-role option:checked').textContent()).toBe('viewer');
    expect(await page.locator('#tokens .tokens-message').innerText()).toBe('Token “export nocturne pour le partenaire” revoked: it no longer works.');
    expect(await page.locator('#audit .paging-range').innerText()).toBe('Entries 1 to 25');
    await page.getByRole('button', { name: 'Français' }).click();
    await poll(() => page.locator('#audit h2').textContent()).toBe('Journal des modifications');
    expect(session.pageErrors).toEqual([]);
    expect(unexpected(session.consoleErrors)).toEqual([]);
    expect(session.dialogs).toEqual([]);
    expect(session.outsideRequests).toEqual([]);
    expect(session.failedResponses).toEqual([]);
  });

  it('tells a viewer the page is for admins only, and asks the server for none of its data', SLOW_TEST, async () => {
    const { page, origin } = session;
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/login.html', { timeout: 60_000 }),
      page.locator('#session-bar').getByRole('button', { name: 'Se déconnecter' }).click(),
    ]);
    const asked: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (/^\/api\/(audit|accounts|tokens)/.test(path)) asked.push(path);
    });
    await signInOnPage(page, origin, VIEWER, '/admin.html');
    expect(new URL(page.url()).pathname).toBe('/admin.html');
    const denied = page.locator('#admin-denied');
    await poll(() => denied.isVisible()).toBe(true);
    expect(await denied.getByRole('heading').textContent()).toBe('Réservé aux administrateurs');
    expect(await denied.innerText()).toContain('victor (rôle : lecteur)');
    expect(await page.locator('#admin-content').isVisible()).toBe(false);
    expect(await page.locator('#admin-content table, .audit-row, .export-row, .account-row').count()).toBe(0);
    expect(await page.locator('#session-bar').innerText()).toContain('victor');
    expect(await page.locator('#session-bar').getByRole('link', { name: 'Administration' }).count()).toBe(0);
    expect(asked).toEqual([]);
    await session.screenshot('admin-denied.png');
    // The server refuses the data whatever the page does.
    const status = await page.evaluate(async () => (await fetch('api/audit')).status);
    expect(status).toBe(403);
    expect(session.pageErrors).toEqual([]);
  });

  /** A token of the admin for checks from outside the browser. */
  let token: string | undefined;
  async function adminToken(): Promise<string> {
    if (!token) {
      const [admin] = await session.db.query<{ id: number }>(`SELECT id FROM accounts WHERE username = $1`, [ADMIN.username]);
      token = (await issueToken(session.db, admin!.id, 'admin test checks')).token;
    }
    return token;
  }
});
