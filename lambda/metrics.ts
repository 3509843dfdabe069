// Operational counts as CloudWatch embedded metric format (EMF) lines: CloudWatch Logs turns each line into
// metrics, with no API call and no added latency. One line per invocation, and none when nothing was counted, so
// an ordinary turn writes nothing.
// Written by hand rather than with @aws-lambda-powertools/metrics: measured on this bundle (bench/FINDINGS.md), the
// library adds 8.3 KB gzipped and about 12 ms to the require on a cold start, against budgets of 1.30x the floor's
// bundle (then 1.306x) and 1.15x its cold start; these lines need 30 lines of code.
// What goes in a line: the metric names, their counts and the service dimension. Never a user id, a slot value or an
// envelope: a metric is a number.

/** The counts, in METRICS_NAMESPACE with the dimension service=skill; CloudWatch can alarm on any of them. */
export const METRIC_NAMES = [
  /** A turn's progress write failed for good (the session carries it; the next turn catches up). */
  'ProgressSaveFailed',
  /** A conditional write found another writer's record (a second device, or Alexa resending a request). */
  'WriteConflict',
  /** "Today" came from the market's usual zone: neither the Settings API nor a cached zone answered. */
  'GuessedTimeZone',
  /** The catch-all error handler answered a request. */
  'ErrorHandlerHit',
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

export const METRICS_NAMESPACE = 'RangeOfMotionCoach';

export type Metrics = {
  count(name: MetricName): void;
  /** Writes one EMF line with what was counted since the last flush, if anything; called once per invocation. */
  flush(nowMs: number): void;
};

export function createMetrics(service: string, write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Metrics {
  let counts = new Map<MetricName, number>();
  return {
    count(name) {
      counts.set(name, (counts.get(name) ?? 0) + 1);
    },
    flush(nowMs) {
      if (counts.size === 0) return;
      const taken = counts;
      counts = new Map();
      const names = [...taken.keys()];
      write(
        JSON.stringify({
          _aws: {
            Timestamp: nowMs,
            CloudWatchMetrics: [{ Namespace: METRICS_NAMESPACE, Dimensions: [['service']], Metrics: names.map((Name) => ({ Name, Unit: 'Count' })) }],
          },
          service,
          ...Object.fromEntries(taken),
        }),
      );
    },
  };
}

export const noMetrics: Metrics = { count: () => {}, flush: () => {} };
