// Recognises how a caregiver opens the skill: "open <name>" (launch) or "ask <name> to <request>" (one-shot).
import { normaliseUtterance } from './utterance-text';

export type Invocation = { kind: 'launch' } | { kind: 'one-shot'; utterance: string };

// Alexa's launch phrases (a subset).
const LAUNCH_PHRASES = ['talk to', 'launch', 'open', 'start', 'begin', 'load', 'run', 'use', 'ask', 'tell'];
// Connecting words between the invocation name and the request; Alexa drops them.
const CONNECTORS = ['and tell me', 'and get', 'and', 'to', 'for', 'about', 'that', 'if', 'whether'];

/** The invocation in an utterance, or undefined when it does not name the skill. */
export function parseInvocation(utterance: string, invocationName: string): Invocation | undefined {
  const text = normaliseUtterance(utterance);
  const name = normaliseUtterance(invocationName);
  for (const phrase of LAUNCH_PHRASES) {
    const prefix = `${phrase} ${name}`;
    if (text === prefix) return { kind: 'launch' };
    if (!text.startsWith(`${prefix} `)) continue;
    let rest = text.slice(prefix.length + 1);
    for (const connector of CONNECTORS) {
      if (rest.startsWith(`${connector} `)) {
        rest = rest.slice(connector.length + 1);
        break;
      }
    }
    return rest === '' ? { kind: 'launch' } : { kind: 'one-shot', utterance: rest };
  }
  return undefined;
}
