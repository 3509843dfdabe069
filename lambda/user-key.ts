// The user's key in storage and logs: a keyed hash of the Alexa userId, so the raw id is never kept.
import { createHmac } from 'node:crypto';

export function userKeyOf(userId: string, secret: string): string {
  return createHmac('sha256', secret).update(userId).digest('base64url').slice(0, 32);
}
