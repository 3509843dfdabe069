// Child-process entry for startDynaliteProcess: runs dynalite and reports its endpoint as one JSON line.
// It exits when its stdin closes, so it never outlives the parent, even if the parent crashes.
import { startDynalite, type DynaliteOptions } from './dynalite';
import { z } from 'zod';

const OptionsSchema = z.object({
  path: z.string().min(1).optional(),
  port: z.number().int().min(0).max(65535).optional(),
  host: z.string().min(1).optional(),
});

async function main(): Promise<void> {
  const options: DynaliteOptions = OptionsSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
  const running = await startDynalite(options);
  process.stdout.write(`${JSON.stringify({ endpoint: running.endpoint })}\n`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stdout.write(`${JSON.stringify({ error: message })}\n`);
  process.exit(1);
});
