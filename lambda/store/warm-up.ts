// On Lambda, a container's first DynamoDB call also builds the connection (DNS, TCP, TLS, credentials) and runs the
// SDK's first-request code, at a fraction of a vCPU. One read of a key no user can have, started during init, does
// that while the user-key secret is being read, so the first turn finds the connection up.
import type { ProgressStore } from './progress-store';

/** No user's key: a user key is a key id, a dot and a keyed hash (lambda/user-key.ts). */
export const WARM_UP_KEY = 'warm-up';

/** Reads nothing, once; never throws: a failure leaves the container cold, and its first turn has the cold allowance. */
export async function warmUpStorage(progress: Pick<ProgressStore, 'load'>): Promise<void> {
  try {
    await progress.load(WARM_UP_KEY);
  } catch {
    // The first turn reads again, with the longer first attempt (store/retry.ts).
  }
}
