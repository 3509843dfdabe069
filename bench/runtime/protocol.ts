// Messages between the benchmark and its worker processes (JSON over the IPC channel).

export type ToWorker =
  | { type: 'invoke'; id: number; eventJson: string }
  | { type: 'stats' }
  /** Diagnosis only (worker started with --profile-dir): profile the turns between start and stop. */
  | { type: 'profile-start' }
  | { type: 'profile-stop'; name: string }
  | { type: 'exit' };

export type WorkerReady = {
  type: 'ready';
  /** Time to require the bundle: Lambda's Init phase for this code. */
  initMs: number;
  initCpuUs: number;
  maxRssKb: number;
  /** process.uptime() when the bundle had loaded: Node's own start-up plus the init. */
  uptimeAtReadyMs: number;
  /** process.hrtime in microseconds around the require: the same clock as --cpu-prof's timestamps. */
  initStartUs: number;
  initEndUs: number;
};

export type WorkerInvokeResult = {
  type: 'result';
  id: number;
  responseJson: string | null;
  error?: string;
  wallMs: number;
  /** user + system CPU of the whole process during the invocation. */
  cpuUs: number;
  /** Wall time with at least one DynamoDB request or Alexa API call in flight. */
  ioMs: number;
  /** Wall time with at least one DynamoDB request in flight. */
  storeMs: number;
  storeCalls: number;
  apiCalls: number;
  startedUs: number;
  endedUs: number;
};

export type WorkerStats = {
  type: 'stats';
  invocations: number;
  maxRssKb: number;
  rssBytes: number;
  heapUsedBytes: number;
  cpuUs: number;
};

/** --compile-probe: the require split into its parts. */
export type WorkerProbe = { type: 'probe'; readMs: number; compileMs: number; evaluateMs: number; maxRssKb: number };

export type FromWorker = WorkerReady | WorkerInvokeResult | WorkerStats | WorkerProbe;
