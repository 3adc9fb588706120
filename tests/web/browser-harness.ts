import { existsSync, mkdirSync } from 'node:fs';
import { testLogger } from '../support/test-logger.js';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { describe, inject, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import type { Database } from '../../server/db/database.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium.js';
import { openTestDatabase } from '../support/test-database.js';

export { CHROMIUM };
export const SCREENSHOTS = fileURLToPath(new URL('../.artifacts/screenshots/', import.meta.url));
/** The layers the map draws at start (cooperatives are off until asked for). */
export const DRAWN_LAYERS = ['zones', 'claims', 'routes', 'roadblocks', 'presence', 'incidents', 'sites'] as const;
/** Drawn at start too, as context over the whole province: the view is not fitted to them (web/src/map/layers/layers.ts NOT_FITTED). */
export const CONTEXT_LAYERS = ['permits'] as const;
/** Device pixels per CSS pixel of the desktop pages (see openMapPage). */
const DESKTOP_SCALE = 0.625;
const INSTALL_HINT = `install Chromium with \`apt-get install -y chromium\` (Debian) so that ${CHROMIUM} exists`;

/**
 * A describe block that needs Chromium. Without it the tests are skipped with a warning,
 * except in CI, where a missing browser must not pass as a quiet skip.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(name, body);
  } else if (process.env.CI) {
    it(`has Chromium for ${name}`, () => {
      throw new Error(`${CHROMIUM} not found: the browser tests cannot run; ${INSTALL_HINT}`);
    });
  } else {
    console.warn(`Skipping ${name}: ${CHROMIUM} not found; ${INSTALL_HINT}.`);
    it.skip(`${name} (skipped: ${CHROMIUM} not found; ${INSTALL_HINT})`, () => {});
  }
}

/**
 * One Chromium per test worker (the browser project runs with isolate: false), a fresh
 * context (cookies, storage) per page: starting Chromium costs a second or more on two cores.
 */
let browser: Promise<Browser> | undefined;
function sharedBrowser(): Promise<Browser> {
  browser ??= chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  return browser;
}

export interface MapPage<T> {
  app: FastifyInstance;
  db: Database;
  origin: string;
  page: Page;
  /** What `seed` returned. */
  seeded: T;
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
  /** Requests to anything but the app itself (data: and blob: URLs are the page's own). */
  outsideRequests: string[];
  failedResponses: string[];
  /** Distinct records of each API layer drawn in the viewport, by the style layers of its source. */
  renderedIds(layers: readonly string[]): Promise<Record<string, number>>;
  /** Clicks the map where a coordinate is drawn. */
  clickAt(lngLat: [number, number]): Promise<void>;
  /** Waits until the map has drawn the last change; the repaint makes sure an 'idle' still comes. */
  settle(): Promise<void>;
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export interface MapPageOptions<T> {
  /** Fills the test database before the page opens. */
  seed(app: FastifyInstance, db: Database): Promise<T>;
  /** Path and query the page opens at. */
  path?: string;
  /** Accounts instead of the local demo mode (the default here): the page then opens at the sign-in. */
  demo?: boolean;
  /**
   * Signs in through the real sign-in page first: opens `login.html?next=<path>`, fills the
   * form, submits and follows the redirect. Creates nothing: the seed makes the account.
   */
  signIn?: Credentials;
  /**
   * What to wait for once the page is open: the map's `window.__riskmap` (the default), or
   * nothing (the sign-in or administration pages, or a page the test expects to be refused).
   */
  waitForMap?: boolean;
  /** Sign-in attempts per minute from one address (the server's default is 10). */
  loginPerMinute?: number;
  /**
   * The reader's motion preference. Reduced unless asked: the maps then skip camera animations
   * and label fades, which in software WebGL are seconds of drawing per test and no extra check.
   */
  reducedMotion?: 'reduce' | 'no-preference';
  /** The browser window's size in CSS pixels; a desktop screen unless given (a phone: 390×844). */
  viewport?: { width: number; height: number };
  /** Called with the page before it opens: to watch or hold its requests from the first. */
  beforeOpen?(page: Page): Promise<void>;
}

export interface Credentials {
  username: string;
  password: string;
}

/**
 * Signs in on the sign-in page the browser shows now (or opens it at `next`), and waits
 * until the page has gone on to where it was sent.
 */
export async function signInOnPage(page: Page, origin: string, credentials: Credentials, next?: string): Promise<void> {
  if (next !== undefined || !new URL(page.url()).pathname.endsWith('/login.html')) {
    await page.goto(`${origin}/login.html?next=${encodeURIComponent(next ?? '/')}`);
  }
  await page.locator('#username').fill(credentials.username);
  await page.locator('#password').fill(credentials.password);
  await Promise.all([page.waitForURL((url) => !url.pathname.endsWith('/login.html'), { timeout: 60_000 }), page.locator('#login-submit').click()]);
}

/**
 * Starts the real app (serving the web built for this run) on a test database of its own, seeds it and
 * opens the map page in headless Chromium, recording every console error, page error,
 * dialog, failed response and request that leaves the app. Resolves once the page says
 * its layers are loaded and drawn (unless `waitForMap` is false), after signing in through
 * the sign-in page when `signIn` is given.
 */
export async function openMapPage<T>(options: MapPageOptions<T>): Promise<MapPage<T>> {
  let db: Database | undefined;
  let app: FastifyInstance | undefined;
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close();
    await app?.close();
    await db?.close();
  };

  try {
    mkdirSync(SCREENSHOTS, { recursive: true });
    // Built once per run by tests/support/build-web.ts.
    const webRoot = inject('webRoot');

    db = await openTestDatabase();
    app = await buildApp({ db, webRoot, logger: testLogger(), auth: { demo: options.demo ?? true, loginPerMinute: options.loginPerMinute } });
    const seeded = await options.seed(app, db);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

    context = await (
      await sharedBrowser()
    ).newContext({
      viewport: options.viewport ?? { width: 1280, height: 800 },
      // The desktop page laid out at 1280×800 CSS pixels but drawn at 800×500: software WebGL
      // (SwiftShader) draws and reads back every frame pixel by pixel, and that was about half
      // of Chromium's CPU, itself half of the suite's. Layout, clicks and rendered features are
      // in CSS pixels and do not change; the screenshots stay readable. A phone keeps its own.
      deviceScaleFactor: options.viewport ? 1 : DESKTOP_SCALE,
      reducedMotion: options.reducedMotion ?? 'reduce',
    });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    const pageErrors: string[] = [];
    const dialogs: string[] = [];
    const outsideRequests: string[] = [];
    const failedResponses: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url)) outsideRequests.push(url);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) failedResponses.push(`${response.status()} ${response.url()}`);
    });

    await options.beforeOpen?.(page);
    if (options.signIn) await signInOnPage(page, origin, options.signIn, options.path ?? '/');
    else await page.goto(`${origin}${options.path ?? '/'}`);
    if (options.waitForMap ?? true) {
      await page.waitForFunction(() => window.__riskmap !== undefined);
      await page.evaluate(() => window.__riskmap!.ready);
    }

    return {
      app,
      db,
      origin,
      page,
      seeded,
      consoleErrors,
      pageErrors,
      dialogs,
      outsideRequests,
      failedResponses,
      renderedIds: (layers) =>
        page.evaluate((names) => {
          const { map } = window.__riskmap!;
          const styleLayers = map.getStyle().layers;
          return Object.fromEntries(
            names.map((name) => {
              const ids = styleLayers.filter((l) => 'source' in l && l.source === name).map((l) => l.id);
              const features = ids.length ? map.queryRenderedFeatures({ layers: ids }) : [];
              return [name, [...new Set(features.map((f) => f.id))].length];
            }),
          );
        }, layers),
      clickAt: async ([lon, lat]) => {
        const pixel = await page.evaluate(([x, y]) => window.__riskmap!.map.project([x, y]), [lon, lat] as [number, number]);
        const canvas = await page.locator('#map canvas.maplibregl-canvas').boundingBox();
        await page.mouse.click(canvas!.x + pixel.x, canvas!.y + pixel.y);
      },
      settle: () =>
        page.evaluate(async () => {
          const { map } = window.__riskmap!;
          const idle = map.once('idle');
          map.triggerRepaint();
          await idle;
        }),
      screenshot: async (name) => {
        await page.screenshot({ path: join(SCREENSHOTS, name) });
      },
      close,
    };
  } catch (error) {
    // beforeAll failed: nothing else will close what was opened.
    await close();
    throw error;
  }
}
