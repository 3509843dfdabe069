// The console's core: typed lines in, what the caregiver would hear (and why) out. No I/O, so it is testable.
import type { Intent, RequestEnvelope, SessionEndedReason } from 'ask-sdk-model';
import { SESSION_EXIT_PHRASES } from './builtin-intents';
import { COMMAND_HELP, parseCommand } from './console-commands';
import { Conversation, type ConversationOptions, type Exchange } from './conversation';
import type { InteractionModel } from './interaction-model';
import { parseInvocation } from './invocation';
import { renderOutputSpeech, formatSeconds } from './render-speech';
import { cachedClassifier } from './nlu-cache';
import { createResolver, type Resolver } from './resolver';
import { checkOutputSpeech } from './ssml-checks';
import { normaliseUtterance } from './utterance-text';

export type OutputTone = 'request' | 'speech' | 'reprompt' | 'card' | 'status' | 'hint' | 'warning' | 'error';
export type OutputLine = { tone: OutputTone; text: string };

export type ConsoleTurn = {
  lines: OutputLine[];
  /** The exchanges with the skill this line caused (none for hints and most commands). */
  exchanges: Exchange[];
  quit: boolean;
};

export type VoiceConsoleOptions = ConversationOptions & {
  model: InteractionModel;
  /** Lines about the console itself shown before the first prompt (the user key it talks as, where its log goes). */
  about?: readonly string[];
};

const ALEXA_TIMEOUT_MS = 8000;

export class VoiceConsole {
  readonly conversation: Conversation;
  readonly resolver: Resolver;
  private readonly invocationName: string;
  private readonly about: readonly string[];

  constructor(options: VoiceConsoleOptions) {
    const { model, about = [], ...conversationOptions } = options;
    this.about = about;
    this.conversation = new Conversation(conversationOptions);
    const skillId = options.identity?.skillId;
    this.resolver = createResolver(model, { trained: cachedClassifier(model), ...(skillId !== undefined ? { skillId } : {}) });
    this.invocationName = model.interactionModel.languageModel.invocationName;
  }

  /** Lines to show before the first prompt. */
  greeting(): OutputLine[] {
    const lines: OutputLine[] = this.resolver.warnings.map((text) => ({ tone: 'warning', text: `model: ${text}` }));
    lines.push(...this.about.map((text): OutputLine => ({ tone: 'status', text })));
    lines.push({ tone: 'hint', text: `Say "open ${this.invocationName}" to begin; /help lists the commands.` });
    return lines;
  }

  async handleLine(rawLine: string): Promise<ConsoleTurn> {
    const line = rawLine.trim();
    // In an open session a blank line is speech the recogniser made nothing of: the fallback, as for "!!!".
    if (line === '') return this.conversation.sessionOpen ? this.handleUtterance(line) : turn([]);
    if (line.startsWith('/')) return this.handleCommand(line);
    return this.handleUtterance(line);
  }

  /** End of input: an open session ends the way it would if nobody answered. */
  async finish(): Promise<ConsoleTurn> {
    if (!this.conversation.sessionOpen) return turn([]);
    return this.endSession('EXCEEDED_MAX_REPROMPTS', 'the microphone timed out');
  }

  private async handleCommand(line: string): Promise<ConsoleTurn> {
    const command = parseCommand(line);
    switch (command.kind) {
      case 'help':
        return turn(COMMAND_HELP.map((text) => ({ tone: 'hint', text })));
      case 'quit': {
        const ended = await this.finish();
        return { ...ended, quit: true };
      }
      case 'end':
        if (!this.conversation.sessionOpen) return turn([{ tone: 'hint', text: 'No session is open.' }]);
        return this.endSession('EXCEEDED_MAX_REPROMPTS', 'the microphone timed out');
      case 'wait':
        this.conversation.wait(command.ms);
        return turn([{ tone: 'status', text: `(${formatSeconds(command.ms / 1000)} pass)` }]);
      case 'barge':
        if (!this.conversation.sessionOpen) return turn([{ tone: 'hint', text: 'No session is open to interrupt.' }]);
        this.conversation.bargeIn(command.ms);
        return this.handleUtterance(command.utterance);
      case 'invalid':
        return turn([{ tone: 'error', text: command.message }]);
    }
  }

  private async handleUtterance(line: string): Promise<ConsoleTurn> {
    const text = normaliseUtterance(line);
    if (text === '' && !this.conversation.sessionOpen) return turn([{ tone: 'hint', text: 'Alexa is listening… say something after "Alexa".' }]);

    const invocation = parseInvocation(text, this.invocationName);
    if (invocation !== undefined) {
      const lines: OutputLine[] = [];
      const exchanges: Exchange[] = [];
      if (this.conversation.sessionOpen) {
        // Re-invoking the skill mid-session starts over; the old session is closed first.
        const ended = await this.endSession('USER_INITIATED', 'you invoked the skill again');
        lines.push(...ended.lines);
        exchanges.push(...ended.exchanges);
      }
      const exchange =
        invocation.kind === 'launch'
          ? await this.conversation.launch()
          : await this.conversation.oneShot(this.resolveIntent(invocation.utterance, lines));
      exchanges.push(exchange);
      lines.push(...describeExchange(exchange));
      return { lines, exchanges, quit: false };
    }

    if (!this.conversation.sessionOpen) {
      return turn([
        {
          tone: 'hint',
          text:
            'No session is open, so a real Echo would give that to Alexa, not the skill. ' +
            `Say "open ${this.invocationName}" first.`,
        },
      ]);
    }
    if (SESSION_EXIT_PHRASES.includes(text)) return this.endSession('USER_INITIATED', `you said "${text}"`);

    const lines: OutputLine[] = [];
    const intent = this.resolveIntent(text, lines);
    const exchange = await this.conversation.send(intent);
    lines.push(...describeExchange(exchange));
    return { lines, exchanges: [exchange], quit: false };
  }

  private resolveIntent(utterance: string, lines: OutputLine[]): Intent {
    const resolved = this.resolver.resolve(utterance);
    if (resolved.via === 'fallback') lines.push({ tone: 'status', text: `(nothing matched${resolved.score !== undefined ? `: the classifier's best guess was below the fallback threshold, ${resolved.score}` : ''})` });
    return resolved.intent;
  }

  private async endSession(reason: SessionEndedReason, why: string): Promise<ConsoleTurn> {
    const exchange = await this.conversation.endSession(reason);
    const lines = [{ tone: 'status' as const, text: `(${why}: Alexa ends the session)` }, ...describeExchange(exchange)];
    return { lines, exchanges: [exchange], quit: false };
  }
}

function turn(lines: OutputLine[]): ConsoleTurn {
  return { lines, exchanges: [], quit: false };
}

/** What was sent (intent and slots, for the person at the console only) and what Alexa would say. */
export function describeExchange(exchange: Exchange): OutputLine[] {
  const lines: OutputLine[] = [{ tone: 'request', text: describeRequest(exchange.envelope) }];
  const isSessionEnd = exchange.envelope.request.type === 'SessionEndedRequest';
  if (exchange.error !== undefined) {
    lines.push({ tone: 'error', text: `The skill failed: ${exchange.error.name}: ${exchange.error.message}` });
    if (!isSessionEnd) {
      lines.push({ tone: 'status', text: 'Alexa: "There was a problem with the requested skill\'s response."' });
    }
  }
  const response = exchange.response?.response;
  if (response !== undefined) {
    if (isSessionEnd) {
      if (response.outputSpeech !== undefined) {
        lines.push({ tone: 'warning', text: 'speech returned for a SessionEndedRequest is never played' });
      }
    } else {
      const speech = renderOutputSpeech(response.outputSpeech);
      if (speech !== '') lines.push({ tone: 'speech', text: `Alexa: ${speech}` });
      for (const warning of checkOutputSpeech(response.outputSpeech)) lines.push({ tone: 'warning', text: warning });
      const reprompt = renderOutputSpeech(response.reprompt?.outputSpeech);
      if (reprompt !== '') lines.push({ tone: 'reprompt', text: `(reprompt: ${reprompt})` });
      for (const warning of checkOutputSpeech(response.reprompt?.outputSpeech, 'reprompt')) {
        lines.push({ tone: 'warning', text: warning });
      }
      const title = response.card !== undefined && 'title' in response.card ? response.card.title : undefined;
      if (title !== undefined && title !== '') lines.push({ tone: 'card', text: `[card: ${title}]` });
      for (const directive of response.directives ?? []) lines.push({ tone: 'card', text: `[directive: ${directive.type}]` });
    }
  }
  if (exchange.latencyMs > ALEXA_TIMEOUT_MS) {
    lines.push({
      tone: 'warning',
      text: `the skill took ${formatSeconds(exchange.latencyMs / 1000)}; Alexa gives up after ${ALEXA_TIMEOUT_MS / 1000}s`,
    });
  }
  if (exchange.closed === 'not-kept-open') {
    lines.push({ tone: 'status', text: '(session ended: shouldEndSession not set, so a voice-only Echo closes it)' });
  } else if (exchange.closed === 'skill-ended' || exchange.closed === 'skill-error') {
    lines.push({ tone: 'status', text: '(session ended)' });
  }
  return lines;
}

function describeRequest(envelope: RequestEnvelope): string {
  const request = envelope.request;
  const at = `at ${request.timestamp.slice(11, 19)}`;
  const fresh = envelope.session?.new === true ? ', new session' : '';
  if (request.type === 'IntentRequest') {
    const slots = Object.values(request.intent.slots ?? {})
      .filter((slot) => slot.value !== undefined)
      .map((slot) => {
        const resolved = slot.resolutions?.resolutionsPerAuthority?.[0]?.values[0]?.value.name;
        return resolved !== undefined && resolved !== slot.value
          ? `${slot.name}="${slot.value}"→${resolved}`
          : `${slot.name}="${slot.value ?? ''}"`;
      });
    return `→ ${[request.intent.name, ...slots].join(' ')} (${at}${fresh})`;
  }
  if (request.type === 'SessionEndedRequest') return `→ SessionEndedRequest ${request.reason} (${at})`;
  return `→ ${request.type} (${at}${fresh})`;
}
