// The skill's side of the therapist's report (issue 15): a new code for a user, replacing the previous one. Only
// PutItem and DeleteItem, which the skill's role already has. The items and why they are shaped so: report-access.ts.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { PersistenceError } from '../errors';
import { REPORT_CODE_TTL_MS, REPORT_SESSION_TTL_MS } from '../report-code';
import { documentClient } from './client';
import { codeKey, epochSeconds, failed, isConditionFailure, markerKey } from './report-access';
import { withRetry } from './retry';
import { TABLE_KEYS } from './table';

type Item = Record<string, unknown>;

/** The skill's side: a new code for a user, replacing the previous one. */
export class DynamoReportCodes {
  private readonly documents: DynamoDBDocumentClient;

  constructor(client: DynamoDBClient, private readonly tableName: string) {
    this.documents = documentClient(client);
  }

  /**
   * Stores a code drawn by draw() (hashed by hash()) for the user; a code another household holds right now is
   * drawn again. Returns the code, which is never stored.
   */
  async issue(userKey: string, nowMs: number, draw: () => string, hash: (code: string) => string): Promise<string> {
    const expiresAtMs = nowMs + REPORT_CODE_TTL_MS;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const code = draw();
      const codeHash = hash(code);
      try {
        await withRetry((abortSignal) => this.documents.send(new PutCommand({
          TableName: this.tableName,
          Item: { ...codeKey(codeHash), userKey, expiresAtMs, [TABLE_KEYS.ttl]: epochSeconds(expiresAtMs) },
          // Another household's live code is never overwritten; an expired one TTL has not removed yet may be.
          ConditionExpression: 'attribute_not_exists(#pk) OR expiresAtMs < :now',
          ExpressionAttributeNames: { '#pk': TABLE_KEYS.partition },
          ExpressionAttributeValues: { ':now': nowMs },
        }), { abortSignal }));
      } catch (error) {
        if (isConditionFailure(error)) continue;
        failed('Could not store a report code', 'PutItem', this.tableName, error);
      }
      let previous: Item | undefined;
      try {
        const out = await withRetry((abortSignal) => this.documents.send(new PutCommand({
          TableName: this.tableName,
          // Lives as long as a session the code may open, which it decides.
          Item: { ...markerKey(userKey), codeHash, codeExpiresAtMs: expiresAtMs, [TABLE_KEYS.ttl]: epochSeconds(expiresAtMs + REPORT_SESSION_TTL_MS) },
          ReturnValues: 'ALL_OLD',
        }), { abortSignal }));
        previous = out.Attributes;
      } catch (error) {
        failed('Could not store a report code', 'PutItem', this.tableName, error);
      }
      const old = previous?.codeHash;
      if (typeof old === 'string' && old !== codeHash) {
        // Tidying only: the marker no longer names the old code, so it counts for nothing already.
        await this.documents.send(new DeleteCommand({ TableName: this.tableName, Key: codeKey(old) })).catch(() => undefined);
      }
      return code;
    }
    throw new PersistenceError('No free report code after 5 draws', 'PutItem', this.tableName);
  }
}
