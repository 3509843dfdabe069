// The report page in a real browser: Debian's chromium driven by playwright-core, with JavaScript switched off
// (the page must need none). Wrong code refused, right code shows the report, the code refused a second time,
// sign-out; the CSP header as the browser received it; screenshots at 360 and 1280 px into test-output/.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEVELOPMENT_USER_KEY_SECRET } from '../../lambda/config';
import { newReportCode, reportHash } from '../../lambda/report-code';
import { CONTENT_SECURITY_POLICY } from '../../lambda/report/http';
import { DynamoReportCodes } from '../../lambda/store/report-codes';
import { seedHousehold } from '../../scripts/local/report-history';
import { startReportServer, type RunningReportServer } from '../../scripts/local/report-server';
import { freshTable, testClient } from '../support/dynamo';

const CHROMIUM = '/usr/bin/chromium';
const OUTPUT = path.join(__dirname, '..', '..', 'test-output');
const TODAY = '2026-12-10';
const NOW = Date.parse(`${TODAY}T18:00:00Z`);
const USER = 'dev.browser-household';

const client = testClient();
let server: RunningReportServer;
let browser: Browser;
let profile: string;
let codes: DynamoReportCodes;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does it)`);
  const table = await freshTable(client);
  await seedHousehold(client, table, USER, { days: 28, today: TODAY });
  codes = new DynamoReportCodes(client, table);
  server = await startReportServer({ client, tableName: table, secret: DEVELOPMENT_USER_KEY_SECRET, healthDetails: false, clock: () => NOW });
  // A fresh profile: playwright-core gives every launch its own temporary --user-data-dir (and refuses the flag),
  // deleted on close; TMPDIR points it at a folder of this run's own, removed afterwards.
  profile = mkdtempSync(path.join(tmpdir(), 'rom-chromium-'));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    env: { ...process.env, TMPDIR: profile },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(OUTPUT, { recursive: true });
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (profile !== undefined) rmSync(profile, { recursive: true, force: true });
});

const issue = () => codes.issue(USER, NOW, newReportCode, (code) => reportHash(DEVELOPMENT_USER_KEY_SECRET, 'code', code));

async function enter(page: Page, code: string): Promise<void> {
  await page.fill('#code', code);
  await Promise.all([page.waitForLoadState('load'), page.click('button[type=submit]')]);
}

async function fresh(width: number): Promise<[BrowserContext, Page]> {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 800 } });
  return [context, await context.newPage()];
}

it('refuses a wrong code, shows the report for the right one once, signs out; no JavaScript needed', async () => {
  const [context, page] = await fresh(360);
  const first = await page.goto(server.url);
  expect(first?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  expect(first?.headers()['x-content-type-options']).toBe('nosniff');
  expect(first?.headers()['referrer-policy']).toBe('no-referrer');
  expect(first?.headers()['cache-control']).toBe('no-store');

  const code = await issue();
  await enter(page, code === '111111' ? '222222' : '111111');
  expect(await page.textContent('body')).toContain('That code did not work');

  await enter(page, `${code.slice(0, 3)} ${code.slice(3)}`);
  const body = (await page.textContent('body')) ?? '';
  expect(body).toContain('Hip and knee bend, right leg');
  expect(body).toContain('days exercised');
  expect(await page.locator('svg.cal g title').first().textContent()).toMatch(/^[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} 2026: /);
  expect(page.url()).toBe(server.url);
  const cookies = await context.cookies();
  expect(cookies.map((c) => [c.name, c.httpOnly, c.secure, c.sameSite])).toEqual([['__Host-rom-report', true, true, 'Strict']]);
  // Nothing laid out wider than the phone: a full-page screenshot is as wide as the page's scrollable width.
  const shot = await page.screenshot({ path: path.join(OUTPUT, 'report-360.png'), fullPage: true });
  expect(shot.readUInt32BE(16)).toBe(360);

  const [other, second] = await fresh(1280);
  await second.goto(server.url);
  await enter(second, code);
  expect(await second.textContent('body')).toContain('That code did not work');
  await other.close();

  await Promise.all([page.waitForLoadState('load'), page.click('form.signout button')]);
  expect(await page.textContent('body')).toContain('Signed out');
  await page.goto(server.url);
  expect(await page.textContent('body')).toContain('Report code');
  await context.close();
}, 30_000);

it('reads well at 1280 px, and prints without the sign-out button', async () => {
  const [context, page] = await fresh(1280);
  await page.goto(server.url);
  await enter(page, await issue());
  expect(await page.textContent('body')).toContain('Ankle turns, left foot');
  await page.screenshot({ path: path.join(OUTPUT, 'report-1280.png'), fullPage: true });
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('form.signout').isVisible()).toBe(false);
  await context.close();
}, 30_000);
