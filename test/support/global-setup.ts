// Starts one dynalite server on loopback for the whole run; tests reach it over HTTP with the real SDK.
import { startDynalite } from '../../scripts/local/dynalite';

export default async function globalSetup(): Promise<void> {
  const server = await startDynalite({});
  process.env.DYNAMODB_ENDPOINT = server.endpoint;
  (globalThis as { __DYNALITE__?: { close(): Promise<void> } }).__DYNALITE__ = server;
}
