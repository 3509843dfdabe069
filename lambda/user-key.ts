// The user's key in storage and logs: a keyed hash of the Alexa userId, so the raw id is never kept. The key's
// id goes in front ("k1.<hash>"), so a second key can be brought in later and every stored key still says which
// key made it.
import { createHmac } from 'node:crypto';
import * as z from 'zod/mini';

/** The key of the hash and its id. Deployed, both come from the stage's Secrets Manager secret, {"keyId","key"}. */
export type UserKeySecret = { readonly id: string; readonly value: string };

export const USER_KEY_ID_PATTERN = /^[a-z0-9]{1,8}$/;
export const USER_KEY_MIN_LENGTH = 16;

// A container serves one household's turns one after another: the last key is remembered, not hashed again.
let last: { userId: string; secret: UserKeySecret; key: string } | null = null;

export function userKeyOf(userId: string, secret: UserKeySecret): string {
  if (last !== null && last.userId === userId && last.secret.id === secret.id && last.secret.value === secret.value) return last.key;
  const key = `${secret.id}.${createHmac('sha256', secret.value).update(userId).digest('base64url').slice(0, 32)}`;
  last = { userId, secret, key };
  return key;
}

const SecretStringSchema = z.object({
  keyId: z.string().check(z.regex(USER_KEY_ID_PATTERN, 'lower-case letters and digits, at most 8')),
  key: z.string().check(z.minLength(USER_KEY_MIN_LENGTH)),
});

/** The secret's SecretString, {"keyId":"k1","key":"..."}, as the stack generates it. Never puts the value in an error. */
export function parseUserKeySecret(secretString: string | undefined): UserKeySecret {
  let json: unknown;
  try {
    json = JSON.parse(secretString ?? '');
  } catch {
    throw new Error('the user-key secret is not JSON ({"keyId":"k1","key":"..."})');
  }
  const parsed = SecretStringSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`the user-key secret is not {"keyId","key"}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return { id: parsed.data.keyId, value: parsed.data.key };
}
