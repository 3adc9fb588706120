import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAccount } from '../../server/auth/accounts.js';
import { seedDemo } from '../support/demo-seed.js';
import { describeInBrowser, openMapPage, signInOnPage, type MapPage } from './browser-harness.js';
// The case page's `window.__riskcases` (its declaration comes with this module's types).
import '../../web/src/cases/cases-handle.js';

/**
 * Issue 14: no serious or critical accessibility violation, as axe-core (the checker browsers'
 * own audits use) finds them against WCAG 2.1 A and AA and its best practices, on the four pages: the map, the
 * priorities, the administration and the sign-in, each with the demo data in it; and the case files
 * (issue 15), their list and the Bitale case.
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ADMIN = { username: 'amina', password: 'accessible à tous 2026' };
const DATE = '2019-06-15';
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 45_000, interval: 100 });

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe's serious and critical findings on the page as it stands, each with a few of the elements at fault. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations;
  });
  return (violations as Violation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id} (${v.help}) ×${v.nodes.length}: ${v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`)
          .join(' | ')}`,
    );
}

describeInBrowser('accessibility of the four pages (axe-core, WCAG 2.1 AA)', () => {
  let session: MapPage<void>;

  beforeAll(async () => {
    session = await openMapPage({
      demo: false,
      seed: async (_app, db) => {
        await seedDemo(db);
        await createAccount(db, { username: ADMIN.username, role: 'admin', password: ADMIN.password });
      },
      path: '/login.html',
      waitForMap: false,
    });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('the sign-in page', async () => {
    await poll(() => session.page.locator('#username').isVisible()).toBe(true);
    expect(await seriousViolations(session.page)).toEqual([]);
  });

  it(`the map, on ${DATE}`, async () => {
    const { page, origin } = session;
    await signInOnPage(page, origin, ADMIN, `/?date=${DATE}`);
    await page.waitForFunction(() => window.__riskmap !== undefined);
    await page.evaluate(() => window.__riskmap!.ready);
    await poll(() => page.locator('#contested').getAttribute('data-state')).toBe('ready');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the priorities', async () => {
    const { page, origin } = session;
    await page.goto(`${origin}/priorities.html?date=${DATE}`);
    await poll(() => page.locator('.place-button').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the case files: the list and the Bitale case', async () => {
    const { page, origin } = session;
    await page.goto(`${origin}/cases.html`);
    await poll(() => page.locator('#case-list .case-row').count()).toBeGreaterThan(0);
    await poll(() => page.locator('#overdue-follow-ups .follow-up-row').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    const id = await page.locator('#case-list .case-row').first().getAttribute('data-id');
    await page.goto(`${origin}/cases.html?id=${id}`);
    await page.waitForFunction(() => window.__riskcases !== undefined);
    await page.evaluate(() => window.__riskcases!.ready);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('since the last meeting (issue 15), with the Bitale zone appearing', async () => {
    const { page, origin } = session;
    await page.goto(`${origin}/changes.html?from=2018-08-01&to=2018-12-31`);
    await poll(() => page.locator('#changes').getAttribute('data-state')).toBe('ready');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the administration', async () => {
    const { page, origin } = session;
    await page.goto(`${origin}/admin.html`);
    await poll(() => page.locator('#audit .audit-row').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
