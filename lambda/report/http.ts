// The report page's requests, as a Lambda Function URL delivers them (payload format 2.0), and its answers.
// GET / shows the code form, or the report to a signed-in session; POST / takes a code; POST /signout ends the
// session. Every answer is a plain HTML page with the same security headers; nothing else is served.
import type { Logger } from '../logger';
import { newSessionToken, normaliseCode, reportHash, REPORT_SESSION_TTL_MS } from '../report-code';
import type { DynamoReportAccess } from '../store/report-access';
import type { UserKeySecret } from '../user-key';
import { buildReport, DEFAULT_WEEKS, MAX_WEEKS, periodStart, reportToday } from './report-data';
import { codeFormPage, reportPage, STYLE_HASH, type FormMessage } from './render';

export type UrlRequest = {
  rawPath?: string;
  rawQueryString?: string;
  headers?: Record<string, string | undefined>;
  cookies?: string[];
  body?: string;
  isBase64Encoded?: boolean;
  requestContext?: { http?: { method?: string; sourceIp?: string } };
};
export type UrlResponse = { statusCode: number; headers: Record<string, string>; cookies?: string[]; body: string };

export type ReportDeps = {
  access: Pick<DynamoReportAccess, 'lockedOut' | 'countWrongCode' | 'redeem' | 'openSession' | 'session' | 'endSession' | 'reportItems'>;
  secret: UserKeySecret;
  healthDetails: boolean;
  clock: () => number;
  logger: Logger;
  /** Deployed pages are HTTPS only; the local server on loopback sets it too (browsers treat loopback as secure). */
  secureCookie: boolean;
};

export const MAX_BODY_BYTES = 2048;
export const COOKIE_NAME = '__Host-rom-report';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${STYLE_HASH}`,
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const MESSAGES = {
  wrongCode: 'That code did not work. It may be mistyped, used already, or more than ten minutes old. Ask Alexa for a new code.',
  notACode: 'A report code is six digits. Type the digits Alexa said, for example 482 173.',
  lockedOut: 'Too many codes that did not work. Wait 15 minutes, then ask Alexa for a new code.',
  sessionEnded: 'The report was closed: it stays open for 30 minutes, and a new code from Alexa closes it too. Enter a new code to see it again.',
  signedOut: 'Signed out. Ask Alexa for a new code to see the report again.',
  unavailable: 'The report cannot be read just now. Try again in a minute.',
  tooLarge: 'That request was too large. Enter the six-digit code only.',
  notFound: 'There is nothing at this address. Enter a report code to see the report.',
  methodNotAllowed: 'That kind of request is not accepted here. Enter a report code to see the report.',
} as const;

function respond(statusCode: number, body: string, extra: { headers?: Record<string, string>; cookies?: string[] } = {}): UrlResponse {
  return { statusCode, headers: { ...SECURITY_HEADERS, ...extra.headers }, ...(extra.cookies === undefined ? {} : { cookies: extra.cookies }), body };
}

const form = (status: number, message: FormMessage, cookies?: string[], headers?: Record<string, string>) =>
  respond(status, codeFormPage(message), { ...(cookies === undefined ? {} : { cookies }), ...(headers === undefined ? {} : { headers }) });

function sessionCookie(token: string, secure: boolean): string {
  return `${COOKIE_NAME}=${token}; Path=/; Max-Age=${REPORT_SESSION_TTL_MS / 1000}; HttpOnly;${secure ? ' Secure;' : ''} SameSite=Strict`;
}
const clearedCookie = (secure: boolean) => `${COOKIE_NAME}=; Path=/; Max-Age=0; HttpOnly;${secure ? ' Secure;' : ''} SameSite=Strict`;

/** The session token from the request's cookies (Function URLs give them as a list; a Cookie header is read too). */
function tokenOf(request: UrlRequest): string | null {
  const pairs = [...(request.cookies ?? []), ...(header(request, 'cookie')?.split(';') ?? [])];
  for (const pair of pairs) {
    const [name, ...rest] = pair.trim().split('=');
    const value = rest.join('=');
    if (name === COOKIE_NAME && /^[A-Za-z0-9_-]{43}$/.test(value)) return value;
  }
  return null;
}

function header(request: UrlRequest, name: string): string | undefined {
  const headers = request.headers ?? {};
  const found = Object.keys(headers).find((key) => key.toLowerCase() === name);
  return found === undefined ? undefined : headers[found];
}

function weeksOf(query: string | undefined): number {
  const value = new URLSearchParams(query ?? '').get('weeks');
  const weeks = value !== null && /^[0-9]{1,2}$/.test(value) ? Number(value) : DEFAULT_WEEKS;
  return weeks >= 1 && weeks <= MAX_WEEKS ? weeks : DEFAULT_WEEKS;
}

function bodyOf(request: UrlRequest): string | null {
  const raw = request.body ?? '';
  const text = request.isBase64Encoded === true ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  return Buffer.byteLength(text, 'utf8') > MAX_BODY_BYTES ? null : text;
}

/** One request, one answer; never throws, never shows a stack trace. */
export async function handleReportRequest(request: UrlRequest, deps: ReportDeps): Promise<UrlResponse> {
  try {
    return await route(request, deps);
  } catch (error) {
    // The error's name only: messages of the SDK may quote keys.
    const e = error as { name?: unknown; cause?: { name?: unknown } };
    deps.logger.error('report.failed', { error: { name: String(e?.name ?? 'Error'), message: String(e?.cause?.name ?? '') } });
    return form(503, { text: MESSAGES.unavailable, tone: 'problem' });
  }
}

async function route(request: UrlRequest, deps: ReportDeps): Promise<UrlResponse> {
  const method = (request.requestContext?.http?.method ?? 'GET').toUpperCase();
  const path = request.rawPath ?? '/';
  if (method !== 'GET' && method !== 'POST') return form(405, { text: MESSAGES.methodNotAllowed, tone: 'problem' }, undefined, { Allow: 'GET, POST' });
  const declared = Number(header(request, 'content-length') ?? '0');
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return form(413, { text: MESSAGES.tooLarge, tone: 'problem' });
  if (path === '/' && method === 'GET') return show(request, deps);
  if (path === '/' && method === 'POST') return signIn(request, deps);
  if (path === '/signout' && method === 'POST') return signOut(request, deps);
  return form(404, { text: MESSAGES.notFound, tone: 'problem' });
}

async function show(request: UrlRequest, deps: ReportDeps): Promise<UrlResponse> {
  const token = tokenOf(request);
  if (token === null) return form(200, null);
  const nowMs = deps.clock();
  const ended = () => form(200, { text: MESSAGES.sessionEnded, tone: 'problem' }, [clearedCookie(deps.secureCookie)]);
  const session = await deps.access.session(reportHash(deps.secret, 'session', token), nowMs);
  if (session === null) return ended();
  const weeks = weeksOf(request.rawQueryString);
  // The period is counted back from the user's today, which needs their time zone (SETTINGS): the Query starts a
  // day early to be safe, and the report leaves out anything before its first day.
  const roughStart = periodStart(reportToday([], nowMs).today, weeks + 1);
  const { items, defaultPlan } = await deps.access.reportItems(session.userKey, roughStart);
  // The user's marker decides: gone (the skill was disabled) or naming another code (a new one was asked for).
  const marker = items.find((item) => item.sk === 'REPORT#CODE');
  if (marker === undefined || marker.codeHash !== session.codeHash) return ended();
  const model = buildReport({ items, defaultPlan, nowMs, weeks, healthDetails: deps.healthDetails });
  return respond(200, reportPage(model, new Date(nowMs).toISOString().slice(0, 16).replace('T', ' ') + ' UTC'));
}

async function signIn(request: UrlRequest, deps: ReportDeps): Promise<UrlResponse> {
  const body = bodyOf(request);
  if (body === null) return form(413, { text: MESSAGES.tooLarge, tone: 'problem' });
  const fields = new URLSearchParams(body);
  const typed = fields.get('code');
  const code = typed === null || [...fields.keys()].some((k) => k !== 'code') ? null : normaliseCode(typed);
  if (code === null) return form(400, { text: MESSAGES.notACode, tone: 'problem' });
  const nowMs = deps.clock();
  const client = reportHash(deps.secret, 'client', request.requestContext?.http?.sourceIp ?? 'unknown');
  if (await deps.access.lockedOut(client, nowMs)) {
    deps.logger.warn('report.locked_out');
    return form(429, { text: MESSAGES.lockedOut, tone: 'problem' }, undefined, { 'Retry-After': '900' });
  }
  const codeHash = reportHash(deps.secret, 'code', code);
  const userKey = await deps.access.redeem(codeHash, nowMs);
  if (userKey === null) {
    await deps.access.countWrongCode(client, nowMs);
    deps.logger.warn('report.wrong_code');
    return form(401, { text: MESSAGES.wrongCode, tone: 'problem' });
  }
  const token = newSessionToken();
  await deps.access.openSession(reportHash(deps.secret, 'session', token), userKey, codeHash, nowMs);
  deps.logger.info('report.signed_in');
  // Post, then redirect, then get: reloading the report never sends the code again.
  return respond(303, '', { headers: { Location: '/' }, cookies: [sessionCookie(token, deps.secureCookie)] });
}

async function signOut(request: UrlRequest, deps: ReportDeps): Promise<UrlResponse> {
  const token = tokenOf(request);
  if (token !== null) await deps.access.endSession(reportHash(deps.secret, 'session', token));
  return form(200, { text: MESSAGES.signedOut, tone: 'info' }, [clearedCookie(deps.secureCookie)]);
}
