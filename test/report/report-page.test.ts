// The therapist's report against dynalite: codes issued as the skill issues them, redeemed once, wrong codes
// counted and locked out, sessions, sign-out, SKILL_DISABLED, bad input; and the page rendered from 0, 1, 28 and
// 400 days of stored history with one Query.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEVELOPMENT_USER_KEY_SECRET } from '../../lambda/config';
import type { LogFields } from '../../lambda/logger';
import { newReportCode, reportHash, REPORT_CODE_TTL_MS, REPORT_SESSION_TTL_MS } from '../../lambda/report-code';
import { COOKIE_NAME, CONTENT_SECURITY_POLICY, handleReportRequest, MAX_BODY_BYTES, type ReportDeps, type UrlRequest, type UrlResponse } from '../../lambda/report/http';
import { DynamoReportAccess, WRONG_CODE_LIMITS } from '../../lambda/store/report-access';
import { DynamoReportCodes } from '../../lambda/store/report-codes';
import { DynamoUserRecords } from '../../lambda/store/user-records';
import { seedHousehold } from '../../scripts/local/report-history';
import { parseArgs, writeReport } from '../../scripts/report';
import { freshTable, testClient } from '../support/dynamo';

const client = testClient();
const secret = DEVELOPMENT_USER_KEY_SECRET;
const TODAY = '2026-12-10';
let table: string;
let now = Date.parse(`${TODAY}T18:00:00Z`);
let access: DynamoReportAccess;
let codes: DynamoReportCodes;
const logLines: Array<{ event: string; fields?: LogFields }> = [];
const log = (event: string, fields?: LogFields) => logLines.push({ event, ...(fields === undefined ? {} : { fields }) });

beforeAll(async () => {
  table = await freshTable(client);
  access = new DynamoReportAccess(client, table);
  codes = new DynamoReportCodes(client, table);
});

function deps(overrides: Partial<ReportDeps> = {}): ReportDeps {
  return { access, secret, healthDetails: false, clock: () => now, logger: { info: log, warn: log, error: log }, secureCookie: true, ...overrides };
}

const issue = (userKey: string) => codes.issue(userKey, now, newReportCode, (code) => reportHash(secret, 'code', code));
const request = (method: string, path: string, extra: Partial<UrlRequest> = {}): UrlRequest => ({
  rawPath: path,
  rawQueryString: '',
  headers: {},
  requestContext: { http: { method, sourceIp: '203.0.113.7' } },
  ...extra,
});
const post = (code: string, ip = '203.0.113.7') => request('POST', '/', { body: new URLSearchParams({ code }).toString(), requestContext: { http: { method: 'POST', sourceIp: ip } } });
const cookieOf = (response: UrlResponse) => response.cookies?.[0]?.split(';')[0] ?? '';
const get = (cookie: string, query = '') => request('GET', '/', { cookies: cookie === '' ? [] : [cookie], rawQueryString: query });

async function signIn(userKey: string, d = deps()): Promise<string> {
  const code = await issue(userKey);
  const response = await handleReportRequest(post(code), d);
  expect(response.statusCode).toBe(303);
  return cookieOf(response);
}

describe('codes and sessions', () => {
  it('a right code opens the report once; the cookie is HttpOnly, Secure, SameSite=Strict; reuse is refused', async () => {
    const user = 'dev.household-one';
    await seedHousehold(client, table, user, { days: 28, today: TODAY });
    const code = await issue(user);
    expect(code).toMatch(/^[0-9]{6}$/);
    const first = await handleReportRequest(post(`${code.slice(0, 3)} ${code.slice(3)}`), deps());
    expect(first.statusCode).toBe(303);
    expect(first.headers.Location).toBe('/');
    expect(first.cookies?.[0]).toMatch(new RegExp(`^${COOKIE_NAME}=[A-Za-z0-9_-]{43}; Path=/; Max-Age=1800; HttpOnly; Secure; SameSite=Strict$`));
    const page = await handleReportRequest(get(cookieOf(first)), deps());
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Hip and knee bend, right leg');
    expect(page.body).toContain('days exercised');
    const again = await handleReportRequest(post(code), deps());
    expect(again.statusCode).toBe(401);
    expect(again.body).toContain('That code did not work');
  });

  it('a wrong code and an expired one get the same answer; only a keyed hash of the code is stored', async () => {
    const user = 'dev.household-two';
    const code = await issue(user);
    const wrong = await handleReportRequest(post(code === '000000' ? '000001' : '000000', '198.51.100.1'), deps());
    now += REPORT_CODE_TTL_MS + 1;
    const expired = await handleReportRequest(post(code, '198.51.100.1'), deps());
    expect(expired.statusCode).toBe(wrong.statusCode);
    expect(expired.body).toBe(wrong.body);
    const { items } = await access.reportItems(user, '2000-01-01');
    expect(JSON.stringify(items)).not.toContain(code);
  });

  it('a new code replaces the previous one, and ends the sessions the previous one opened', async () => {
    const user = 'dev.household-three';
    const cookie = await signIn(user);
    expect((await handleReportRequest(get(cookie), deps())).body).toContain('Sign out');
    const old = await issue(user);
    await issue(user);
    expect((await handleReportRequest(post(old, '198.51.100.2'), deps())).statusCode).toBe(401);
    const ended = await handleReportRequest(get(cookie), deps());
    expect(ended.body).toContain('The report was closed');
    expect(ended.cookies?.[0]).toContain('Max-Age=0');
  });

  it('a session ends after 30 minutes and on sign-out', async () => {
    const user = 'dev.household-four';
    const cookie = await signIn(user);
    const out = await handleReportRequest(request('POST', '/signout', { cookies: [cookie] }), deps());
    expect(out.body).toContain('Signed out');
    expect((await handleReportRequest(get(cookie), deps())).body).toContain('The report was closed');
    const second = await signIn(user);
    now += REPORT_SESSION_TTL_MS + 1;
    expect((await handleReportRequest(get(second), deps())).body).toContain('The report was closed');
  });

  it('SKILL_DISABLED (deleteAll) ends the user\'s code and sessions at once', async () => {
    const user = 'dev.household-five';
    await seedHousehold(client, table, user, { days: 3, today: TODAY });
    const cookie = await signIn(user);
    const pending = await issue(user);
    await new DynamoUserRecords(client, table).deleteAll(user);
    expect((await handleReportRequest(post(pending, '198.51.100.3'), deps())).statusCode).toBe(401);
    const page = await handleReportRequest(get(cookie), deps());
    expect(page.body).toContain('The report was closed');
    expect(page.body).not.toContain('Hip and knee bend');
  });

  it('five wrong codes from one client lock it out for 15 minutes, even with the right code', async () => {
    const user = 'dev.household-six';
    const ip = '192.0.2.50';
    for (let i = 0; i < WRONG_CODE_LIMITS.perClient; i += 1) expect((await handleReportRequest(post('999999', ip), deps())).statusCode).toBe(401);
    const code = await issue(user);
    const locked = await handleReportRequest(post(code, ip), deps());
    expect(locked.statusCode).toBe(429);
    expect(locked.body).toContain('Wait 15 minutes');
    // Another client is not locked out.
    expect((await handleReportRequest(post(code, '192.0.2.51'), deps())).statusCode).toBe(303);
    now += WRONG_CODE_LIMITS.lockMs + 1;
    const later = await issue(user);
    expect((await handleReportRequest(post(later, ip), deps())).statusCode).toBe(303);
  });

  it('twenty wrong codes in total, from many clients, lock out every client', async () => {
    const own = await freshTable(client);
    const d = deps({ access: new DynamoReportAccess(client, own) });
    const ownCodes = new DynamoReportCodes(client, own);
    for (let i = 0; i < WRONG_CODE_LIMITS.total; i += 1) await handleReportRequest(post('999998', `10.0.0.${i}`), d);
    const code = await ownCodes.issue('dev.household-seven', now, newReportCode, (c) => reportHash(secret, 'code', c));
    expect((await handleReportRequest(post(code, '10.0.1.1'), d)).statusCode).toBe(429);
  });
});

describe('bad input', () => {
  const problems: Array<[string, UrlRequest, number, string]> = [
    ['letters', post('12a456'), 400, 'six digits'],
    ['too short', post('12345'), 400, 'six digits'],
    ['too long', post('1234567'), 400, 'six digits'],
    ['no code field', request('POST', '/', { body: 'x=1' }), 400, 'six digits'],
    ['a malformed body', request('POST', '/', { body: '%%%code=%zz' }), 400, 'six digits'],
    ['an extra field', request('POST', '/', { body: 'code=123456&user=dev.someone' }), 400, 'six digits'],
    ['a body over 2 KB', request('POST', '/', { body: `code=${'1'.repeat(MAX_BODY_BYTES)}` }), 413, 'too large'],
    ['a declared body over 2 KB', request('POST', '/', { body: 'code=123456', headers: { 'Content-Length': '999999' } }), 413, 'too large'],
    ['PUT', request('PUT', '/'), 405, 'not accepted'],
    ['DELETE', request('DELETE', '/'), 405, 'not accepted'],
    ['another path', request('GET', '/admin'), 404, 'nothing at this address'],
    ['a cookie from another deployment', get(`${COOKIE_NAME}=${'A'.repeat(43)}`), 200, 'The report was closed'],
    ['a garbled cookie', get(`${COOKIE_NAME}=<script>`), 200, 'Report code'],
  ];
  it.each(problems)('%s: a plain page with a clear message and the code form', async (_name, req, status, message) => {
    const response = await handleReportRequest(req, deps());
    expect(response.statusCode).toBe(status);
    expect(response.body).toContain(message);
    expect(response.body).toContain('<form method="post" action="/"');
    expect(response.body).not.toMatch(/at .*\.ts:|Error:|stack/i);
    expect(response.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('a storage failure is a plain page, logged by error name only', async () => {
    const broken = { ...access, session: () => Promise.reject(Object.assign(new Error('key dev.secret-user'), { name: 'PersistenceError' })) } as unknown as ReportDeps['access'];
    const response = await handleReportRequest(get(`${COOKIE_NAME}=${'B'.repeat(43)}`), deps({ access: broken }));
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain('cannot be read just now');
    expect(JSON.stringify(logLines)).not.toContain('secret-user');
  });

  it('every answer carries the security headers', async () => {
    const response = await handleReportRequest(request('GET', '/'), deps());
    expect(response.headers).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe|https?:/);
    expect(response.body).not.toMatch(/<script|\son[a-z]+=|style="/i);
  });

  it('no log line holds a user key, a code or a token', () => {
    const text = JSON.stringify(logLines);
    expect(text).not.toMatch(/household|dev\.[A-Za-z0-9_-]{10,}/);
    expect(text).not.toMatch(/[0-9]{6}/);
  });
});

describe('the page from stored history', () => {
  it.each([0, 1, 28, 400])('%i days: rendered with one Query, under 100 KB', async (days) => {
    const user = `dev.history-${days}`;
    await seedHousehold(client, table, user, { days, today: TODAY, plan: days > 0 });
    const cookie = await signIn(user);
    const queriesBefore = access.queries;
    const page = await handleReportRequest(get(cookie, days === 400 ? 'weeks=12' : ''), deps({ healthDetails: days === 400 }));
    expect(access.queries - queriesBefore).toBe(1);
    expect(page.statusCode).toBe(200);
    expect(Buffer.byteLength(page.body)).toBeLessThan(100 * 1024);
    if (days === 0) {
      expect(page.body).toContain('Nothing has been recorded yet');
      expect(page.body).toContain("the handout's full routine");
    } else {
      expect(page.body).toContain('Hip and knee bend, right leg');
      expect(page.body).toContain("The therapist's plan, reviewed on");
      expect(page.body).toContain('Neck turns left out');
    }
    if (days === 400) {
      expect(page.body).toContain('(12 weeks)');
      expect(page.body).toContain('Pain and tiredness');
    } else {
      expect(page.body).not.toContain('Pain and tiredness');
    }
  });
});

describe('npm run report', () => {
  it('writes the same report as a file, without sign-out, for the user key given', async () => {
    const user = 'dev.file-household';
    await seedHousehold(client, table, user, { days: 40, today: TODAY });
    const dir = mkdtempSync(path.join(tmpdir(), 'rom-report-'));
    try {
      const args = parseArgs(['--user', user, '--out', path.join(dir, 'report.html'), '--weeks', '8']);
      await writeReport(client, table, { ...args, nowMs: Date.parse(`${TODAY}T18:00:00Z`) });
      const html = readFileSync(args.out, 'utf8');
      expect(html).toContain('(8 weeks)');
      expect(html).toContain('Hip and knee bend, left leg');
      expect(html).not.toContain('Sign out');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(() => parseArgs(['--user', 'x y', '--out', 'r.html'])).toThrow(/--user/);
    expect(() => parseArgs(['--user', 'dev.a', '--out', 'r.html', '--weeks', '13'])).toThrow(/--weeks/);
  });
});
