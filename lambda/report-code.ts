// The therapist's report's secrets: the 6-digit code Alexa speaks and the page's session token, both drawn from
// the CSPRNG, and the keyed hashes that stand for them in storage (never the code or token itself). The key is the
// user-key secret (lambda/user-key.ts), each use with its own label so a hash of one kind never matches another.
import { createHmac, randomBytes, randomInt } from 'node:crypto';
import type { UserKeySecret } from './user-key';

export const REPORT_CODE_DIGITS = 6;
/** A code works once, within this time. */
export const REPORT_CODE_TTL_MS = 10 * 60 * 1000;
/** A page session lasts this long after the code opened it. */
export const REPORT_SESSION_TTL_MS = 30 * 60 * 1000;

/** Six digits, uniformly from 000000 to 999999 (crypto.randomInt draws without modulo bias). */
export function newReportCode(): string {
  return String(randomInt(0, 10 ** REPORT_CODE_DIGITS)).padStart(REPORT_CODE_DIGITS, '0');
}

/** 256 random bits, for the session cookie. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export type ReportHashKind = 'code' | 'session' | 'client';

/** The keyed hash that stands for a code, a session token or a client address in storage. */
export function reportHash(secret: UserKeySecret, kind: ReportHashKind, value: string): string {
  return `${secret.id}.${createHmac('sha256', secret.value).update(`report-${kind}:${value}`).digest('base64url').slice(0, 32)}`;
}

/** "482173" -> ["482", "173"]: how the code is said and shown. */
export function codeGroups(code: string): [string, string] {
  return [code.slice(0, 3), code.slice(3)];
}

/** What a caregiver typed, as a code: digits only once spaces and dashes are dropped, else null. */
export function normaliseCode(typed: string): string | null {
  const digits = typed.replace(/[\s-]/g, '');
  return new RegExp(`^[0-9]{${REPORT_CODE_DIGITS}}$`).test(digits) ? digits : null;
}
