// Structured JSON logs. Only what is safe goes in: request id, request type, intent, timings, error names.
export type LogFields = {
  requestId?: string;
  userKey?: string;
  requestType?: string;
  intent?: string;
  durationMs?: number;
  error?: { name: string; message: string; stack?: string; cause?: string };
  detail?: string;
};

export type Logger = {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
};

export const LOG_LEVELS = ['info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const ignore = () => {};

/** Lines below minLevel are dropped before anything is built. */
export function createLogger(minLevel: LogLevel = 'info', write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Logger {
  const from = LOG_LEVELS.indexOf(minLevel);
  const log = (level: LogLevel) =>
    LOG_LEVELS.indexOf(level) < from ? ignore : (event: string, fields: LogFields = {}) => write(JSON.stringify({ level, event, ...fields }));
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

export function errorFields(error: unknown): NonNullable<LogFields['error']> {
  if (!(error instanceof Error)) return { name: 'NonError', message: String(error) };
  const cause = error.cause instanceof Error ? `${error.cause.name}: ${error.cause.message}` : undefined;
  return { name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}), ...(cause ? { cause } : {}) };
}
