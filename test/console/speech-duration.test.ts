import {
  countWords,
  estimateOutputSpeechSeconds,
  estimateResponseSpeechMs,
  estimateSsmlSeconds,
  SECONDS_PER_WORD,
} from '../../scripts/console/speech-duration';

describe('speech duration', () => {
  it('adds 0.4 s per spoken word', () => {
    expect(SECONDS_PER_WORD).toBe(0.4);
    expect(estimateSsmlSeconds('<speak>Bend the knee slowly.</speak>')).toBeCloseTo(1.6);
  });

  it('adds every break, in seconds or milliseconds', () => {
    expect(estimateSsmlSeconds('<speak><break time="10s"/><break time="10s"/><break time="500ms"/></speak>')).toBeCloseTo(20.5);
    expect(estimateSsmlSeconds('<speak>up <break time="3s"/> and down <break time="1.5s"/> one</speak>')).toBeCloseTo(
      4 * 0.4 + 4.5,
    );
  });

  it('does not count markup or attribute text as words', () => {
    expect(estimateSsmlSeconds('<speak><prosody rate="medium"><emphasis level="moderate">Ready</emphasis></prosody></speak>')).toBeCloseTo(0.4);
  });

  it('slows words inside <prosody rate> but not breaks', () => {
    expect(estimateSsmlSeconds('<speak><prosody rate="50%">one two <break time="2s"/></prosody></speak>')).toBeCloseTo(
      1.6 + 2,
    );
    expect(estimateSsmlSeconds('<speak><prosody rate="slow">one</prosody> two</speak>')).toBeCloseTo(0.5 + 0.4);
  });

  it('times what <sub alias> says, not its written text', () => {
    expect(estimateSsmlSeconds('<speak><sub alias="range of motion">ROM</sub></speak>')).toBeCloseTo(1.2);
  });

  it('times plain text, a whole response, and nothing', () => {
    expect(estimateOutputSpeechSeconds({ type: 'PlainText', text: 'Say ready.' })).toBeCloseTo(0.8);
    expect(
      estimateResponseSpeechMs({ outputSpeech: { type: 'SSML', ssml: '<speak>Hold <break time="10s"/></speak>' } }),
    ).toBe(10400);
    expect(estimateResponseSpeechMs({})).toBe(0);
    expect(estimateResponseSpeechMs(undefined)).toBe(0);
  });

  it('counts words, ignoring lone punctuation', () => {
    expect(countWords(' one, two - three ... ')).toBe(3);
  });
});
