import { checkOutputSpeech } from '../../scripts/console/ssml-checks';

const ssml = (text: string) => ({ type: 'SSML' as const, ssml: text });

describe('checkOutputSpeech', () => {
  it('accepts well-formed speech', () => {
    expect(checkOutputSpeech(ssml('<speak>Hold. <break time="10s"/> Tom &amp; Jerry.</speak>'))).toEqual([]);
    expect(checkOutputSpeech(undefined)).toEqual([]);
  });

  it('flags what Alexa would reject', () => {
    expect(checkOutputSpeech(ssml('Hold.'))).toEqual([expect.stringContaining('<speak>')]);
    expect(checkOutputSpeech(ssml('<speak><break time="30s"/></speak>'))).toEqual([expect.stringContaining('30s break')]);
    expect(checkOutputSpeech(ssml('<speak>Tom & Jerry</speak>'))).toEqual([expect.stringContaining('&amp;')]);
    expect(checkOutputSpeech(ssml('<speak><p>open</speak>'))).toEqual([expect.stringContaining('out of order')]);
    expect(checkOutputSpeech(ssml(`<speak>${'word '.repeat(1700)}</speak>`))).toEqual([expect.stringContaining('8000')]);
  });
});
