import { parseInvocation } from '../../scripts/console/invocation';
import { parseCommand, parseDuration } from '../../scripts/console/console-commands';

const NAME = 'range of motion coach';

describe('parseInvocation', () => {
  it.each(['open range of motion coach', 'Alexa, launch Range of Motion Coach.', 'start range of motion coach', 'ask range of motion coach'])(
    '"%s" launches',
    (said) => {
      expect(parseInvocation(said, NAME)).toEqual({ kind: 'launch' });
    },
  );

  it.each([
    ['ask range of motion coach to start the legs', 'start the legs'],
    ['ask range of motion coach for a summary', 'a summary'],
    ['tell range of motion coach she winced', 'she winced'],
    ['ask range of motion coach how did we do', 'how did we do'],
    ['open range of motion coach and start the arms', 'start the arms'],
  ])('"%s" is a one-shot for "%s"', (said, utterance) => {
    expect(parseInvocation(said, NAME)).toEqual({ kind: 'one-shot', utterance });
  });

  it('leaves other utterances alone', () => {
    expect(parseInvocation('start the legs', NAME)).toBeUndefined();
    expect(parseInvocation('open the window', NAME)).toBeUndefined();
    expect(parseInvocation('open range of motion coaching', NAME)).toBeUndefined();
  });
});

describe('console commands', () => {
  it('parses commands and their arguments', () => {
    expect(parseCommand('/help')).toEqual({ kind: 'help' });
    expect(parseCommand('/END')).toEqual({ kind: 'end' });
    expect(parseCommand('/quit')).toEqual({ kind: 'quit' });
    expect(parseCommand('/wait 2h')).toEqual({ kind: 'wait', ms: 7_200_000 });
    expect(parseCommand('/barge 12 that hurts')).toEqual({ kind: 'barge', ms: 12_000, utterance: 'that hurts' });
    expect(parseCommand('/barge 12')).toMatchObject({ kind: 'invalid' });
    expect(parseCommand('/dance')).toMatchObject({ kind: 'invalid', message: expect.stringContaining('/dance') });
  });

  it('reads durations, seconds by default', () => {
    expect([parseDuration('90'), parseDuration('500ms'), parseDuration('1.5m'), parseDuration('1d')]).toEqual([
      90_000, 500, 90_000, 86_400_000,
    ]);
    expect(parseDuration('soon')).toBeUndefined();
  });
});
