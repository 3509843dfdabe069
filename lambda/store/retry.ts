// Bounded retry of DynamoDB calls inside a per-turn storage budget, so a turn always answers well under 8 s.
//
// The numbers (all wall-clock, measured with performance.now, never the request's timestamp):
// - every attempt is aborted after ATTEMPT_TIMEOUT_MS (an AbortSignal passed to client.send);
// - a failed attempt that may succeed again (throttling, 5xx, a dropped or timed-out connection) is retried
//   after a jittered backoff of 20, 40, 80 ms (half to all of it), at most MAX_ATTEMPTS attempts in all;
// - a turn's storage work (load, save, conflict re-read, history) shares one deadline TURN_BUDGET_MS after the
//   turn began, passed to every call; no retry is started past it, and an attempt near it is cut to what is left;
// - the first read of a turn (a new session's BatchGetItem) may use at most LOAD_BUDGET_MS of it, so the save
//   always has time left;
// - an operation that starts when the budget is already spent still gets one attempt of LATE_ATTEMPT_MS;
// - until DynamoDB has answered once in the container, attempts may take COLD_ATTEMPT_TIMEOUT_MS and the turn and
//   its first read get COLD_EXTRA_BUDGET_MS more (below).
// Worst case for a turn: TURN_BUDGET_MS plus LATE_ATTEMPT_MS for each operation started late (after a conflict:
// re-read, write again, history; three at most), i.e. under 2 s, and under 2.7 s for a container's first turn;
// Alexa's limit is 8 s.
// The deadline is passed explicitly rather than kept in AsyncLocalStorage: that would switch on promise hooks for
// every promise in the process, which cost 9% of a warm turn's CPU in the benchmark (bench/FINDINGS.md).
import { performance } from 'node:perf_hooks';
import { withTimeout } from '../with-timeout';

export const STORAGE_RETRY = {
  attemptTimeoutMs: 300,
  maxAttempts: 4,
  backoffBaseMs: 20,
  /** One turn's storage work, all operations together. */
  turnBudgetMs: 1400,
  /** Of which the first read may take at most this, so the save always has time left. */
  loadBudgetMs: 600,
  /** An operation outside any turn (the SKILL_DISABLED delete, scripts) gets this much on its own. */
  operationBudgetMs: 1400,
  lateAttemptMs: 150,
  /**
   * The save of a pain stop or an emergency: the answer ("stop now", "call 9 1 1") is never held back for storage.
   * A write that does not land in this time rides in the session (pain) or is logged (an emergency ends the session).
   */
  safetySaveBudgetMs: 400,
  /**
   * Until DynamoDB has answered once in this container, an attempt also builds the connection (DNS, TCP, TLS,
   * credentials, the SDK's first-request work) on Lambda's fraction of a vCPU. Cut at 300 ms, that work would be
   * thrown away and the retry would start again from nothing, so a cold container could fail every attempt of its
   * first read, and the plan with it. Those attempts may take this long instead.
   */
  coldAttemptTimeoutMs: 1000,
  /** What a container's first turn adds to its turn budget and to its first read's. */
  coldExtraBudgetMs: 700,
} as const;

/**
 * Whether DynamoDB has answered in this process (any answer, a refusal too): the connection is up. A container has
 * one DynamoDB client (lambda/index.ts), so this is its connection's state.
 */
let answered = false;

/** True until DynamoDB has answered once in this container. */
export const storageIsCold = (): boolean => !answered;

/** A turn's deadline and its first read's, with a cold container's allowance. */
export function turnDeadlines(): { turn: StorageDeadline; load: StorageDeadline } {
  const extraMs = answered ? 0 : STORAGE_RETRY.coldExtraBudgetMs;
  const turn = storageDeadline(STORAGE_RETRY.turnBudgetMs + extraMs);
  return { turn, load: storageDeadline(STORAGE_RETRY.loadBudgetMs + extraMs, turn) };
}

/** The HTTP status DynamoDB answered an error with; undefined for an error on the way there (no answer came back). */
function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as { $metadata?: { httpStatusCode?: unknown } }).$metadata?.httpStatusCode;
  return typeof status === 'number' ? status : undefined;
}

/** When storage work must be over, in performance.now() milliseconds; shared by every call of a turn. */
export type StorageDeadline = { readonly atMs: number };

/** A deadline budgetMs from now, never later than the enclosing one. */
export function storageDeadline(budgetMs: number, within?: StorageDeadline): StorageDeadline {
  return { atMs: Math.min(within?.atMs ?? Number.POSITIVE_INFINITY, performance.now() + budgetMs) };
}

/** Errors worth another attempt: throttling, server errors, timeouts and connections that broke. */
export function isRetryable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: unknown; code?: unknown; $retryable?: unknown; cause?: unknown };
  const name = typeof e.name === 'string' ? e.name : '';
  if (NEVER_RETRY.has(name)) return false;
  if (e.$retryable !== undefined && e.$retryable !== null) return true;
  if (RETRY_NAMES.has(name) || (typeof e.code === 'string' && RETRY_CODES.has(e.code))) return true;
  const status = statusOf(error);
  if (status !== undefined && (status >= 500 || status === 429)) return true;
  // A response the SDK could not parse (a connection cut mid-body) carries no status.
  if (name === 'Error' && /socket hang up|ECONNRESET|aborted|premature close/i.test(String((error as Error).message))) return true;
  return false;
}

const NEVER_RETRY = new Set([
  'ConditionalCheckFailedException',
  'TransactionCanceledException',
  'ValidationException',
  'ResourceNotFoundException',
  'AccessDeniedException',
  'UnrecognizedClientException',
  'ItemCollectionSizeLimitExceededException',
]);
const RETRY_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
  'AbortError',
  'RequestTimeout',
  'RequestTimeoutException',
]);
const RETRY_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED']);

type Sleep = (ms: number) => Promise<void>;
const sleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs one DynamoDB call (e.g. `(abortSignal) => client.send(command, { abortSignal })`) with per-attempt
 * timeouts and bounded, jittered retries before the deadline (by default, an operation's own budget from now).
 * Throws the last error when the attempts or the budget run out; an error that retrying cannot fix (a failed
 * condition) is thrown at once.
 */
export async function withRetry<T>(
  call: (abortSignal: AbortSignal) => Promise<T>,
  deadline: StorageDeadline = storageDeadline(STORAGE_RETRY.operationBudgetMs),
  random: () => number = Math.random,
): Promise<T> {
  const deadlineMs = deadline.atMs;
  let lastError: unknown;
  for (let attempt = 1; attempt <= STORAGE_RETRY.maxAttempts; attempt += 1) {
    const left = deadlineMs - performance.now();
    if (left <= 0 && attempt > 1) break;
    // Whole milliseconds, as the attempt timeout is reported in them.
    const attemptMs = answered ? STORAGE_RETRY.attemptTimeoutMs : STORAGE_RETRY.coldAttemptTimeoutMs;
    const timeoutMs = left <= 0 ? STORAGE_RETRY.lateAttemptMs : Math.floor(Math.min(attemptMs, Math.max(left, 50)));
    try {
      const result = await withTimeout(timeoutMs, call);
      answered = true;
      return result;
    } catch (error) {
      lastError = error;
      if (statusOf(error) !== undefined) answered = true;
      if (!isRetryable(error)) throw error;
    }
    if (attempt === STORAGE_RETRY.maxAttempts) break;
    const backoff = STORAGE_RETRY.backoffBaseMs * 2 ** (attempt - 1) * (0.5 + random() / 2);
    if (performance.now() + backoff >= deadlineMs) break;
    await sleep(backoff);
  }
  throw lastError;
}
