// The user's key in storage and logs: a keyed hash of the Alexa userId, so the raw id is never kept.
import { createHmac } from 'node:crypto';

// A container serves one household's turns one after another: the last key is remembered, not hashed again.
let last: { userId: string; secret: string; key: string } | null = null;

export function userKeyOf(userId: string, secret: string): string {
  if (last !== null && last.userId === userId && last.secret === secret) return last.key;
  const key = createHmac('sha256', secret).update(userId).digest('base64url').slice(0, 32);
  last = { userId, secret, key };
  return key;
}
