// The storage retry policy on its own: which errors are retried, how many attempts, and that the per-turn
// budget bounds the time whatever the calls do.
import { performance } from 'node:perf_hooks';
import { isRetryable, STORAGE_RETRY, storageDeadline, withRetry } from '../../lambda/store/retry';

const named = (name: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(name), { name, ...extra });
/** A call that never answers until its attempt is aborted, as a DynamoDB that hangs. */
const hangs = (attempts: number[]) => (signal: AbortSignal) => {
  attempts.push(performance.now());
  return new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(named('AbortError')), { once: true }));
};

describe('isRetryable', () => {
  it.each([
    ['ProvisionedThroughputExceededException', true],
    ['ThrottlingException', true],
    ['InternalServerError', true],
    ['TimeoutError', true],
    ['AbortError', true],
    ['ConditionalCheckFailedException', false],
    ['ValidationException', false],
    ['ResourceNotFoundException', false],
  ])('%s -> %s', (name, expected) => {
    expect(isRetryable(named(name))).toBe(expected);
  });

  it('retries by status and by connection error code, not plain programming errors', () => {
    expect(isRetryable(named('ServiceException', { $metadata: { httpStatusCode: 503 } }))).toBe(true);
    expect(isRetryable(named('Error', { code: 'ECONNRESET' }))).toBe(true);
    expect(isRetryable(new TypeError('x is undefined'))).toBe(false);
    expect(isRetryable('a string')).toBe(false);
  });
});

describe('withRetry', () => {
  it('tries a retryable failure at most maxAttempts times, then throws the last error', async () => {
    let calls = 0;
    await expect(withRetry(async () => {
      calls += 1;
      throw named('InternalServerError');
    })).rejects.toMatchObject({ name: 'InternalServerError' });
    expect(calls).toBe(STORAGE_RETRY.maxAttempts);
  });

  it('does not retry a failed condition', async () => {
    let calls = 0;
    await expect(withRetry(async () => {
      calls += 1;
      throw named('ConditionalCheckFailedException');
    })).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
    expect(calls).toBe(1);
  });

  it('succeeds on a later attempt', async () => {
    let calls = 0;
    const value = await withRetry(async () => {
      calls += 1;
      if (calls < 3) throw named('ThrottlingException');
      return 'ok';
    });
    expect([value, calls]).toEqual(['ok', 3]);
  });

  it('aborts each attempt after the attempt timeout and stays inside the turn budget', async () => {
    const attempts: number[] = [];
    const started = performance.now();
    await expect(withRetry(hangs(attempts), storageDeadline(STORAGE_RETRY.turnBudgetMs))).rejects.toMatchObject({ name: 'AbortError' });
    const elapsed = performance.now() - started;
    expect(attempts.length).toBeGreaterThanOrEqual(3);
    expect(attempts.length).toBeLessThanOrEqual(STORAGE_RETRY.maxAttempts);
    expect(elapsed).toBeLessThan(STORAGE_RETRY.turnBudgetMs + 100);
  });

  it('keeps to the smaller of two nested budgets, and cuts the last attempt to what is left (whole milliseconds)', async () => {
    const attempts: number[] = [];
    const started = performance.now();
    // 333.3 ms leaves a fractional remainder: AbortSignal.timeout must still get whole milliseconds.
    await expect(withRetry(hangs(attempts), storageDeadline(333.3, storageDeadline(5000)))).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - started).toBeLessThan(333.3 + 120);
    expect(attempts.length).toBe(2);
  });

  it('gives an operation started after the budget one short attempt', async () => {
    const attempts: number[] = [];
    await new Promise((resolve) => setTimeout(resolve, 5));
    const started = performance.now();
    const deadline = storageDeadline(1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await expect(withRetry(hangs(attempts), deadline)).rejects.toMatchObject({ name: 'AbortError' });
    expect(attempts).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(STORAGE_RETRY.lateAttemptMs + 80);
  });
});
