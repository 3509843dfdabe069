// Starts one dynalite server on loopback for the whole run; tests reach it over HTTP with the real SDK.
import { startDynalite } from '../../scripts/local/dynalite';

export default async function globalSetup(): Promise<void> {
  // Lambda runs Node 22; the local Node 20 only gets a deprecation notice from the SDK, which is noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const server = await startDynalite({});
  process.env.DYNAMODB_ENDPOINT = server.endpoint;
  (globalThis as { __DYNALITE__?: { close(): Promise<void> } }).__DYNALITE__ = server;
}
