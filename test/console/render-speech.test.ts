import { formatSeconds, renderOutputSpeech, renderSsml } from '../../scripts/console/render-speech';

describe('renderSsml', () => {
  it('strips <speak> and shows a break as a pause', () => {
    expect(renderSsml('<speak>Bend the knee. <break time="10s"/> Good.</speak>')).toBe('Bend the knee. [pause 10s] Good.');
  });

  it('merges consecutive breaks into one pause', () => {
    const ssml = '<speak>Hold. <break time="10s"/><break time="10s"/>\n  <break time="10000ms"/> Release.</speak>';
    expect(renderSsml(ssml)).toBe('Hold. [pause 30s] Release.');
  });

  it('keeps separate pauses apart when words come between them', () => {
    expect(renderSsml('<speak>up <break time="3s"/> and down <break time="500ms"/> one</speak>')).toBe(
      'up [pause 3s] and down [pause 500ms] one',
    );
  });

  it('drops other tags but keeps their text', () => {
    const ssml =
      '<speak><p><s>First.</s><s>Second.</s></p><prosody rate="slow">Slowly <emphasis level="strong">now</emphasis></prosody> ' +
      '<say-as interpret-as="cardinal">3</say-as> <amazon:effect name="whispered">quiet</amazon:effect></speak>';
    expect(renderSsml(ssml)).toBe('First. Second. Slowly now 3 quiet');
  });

  it('decodes XML entities', () => {
    expect(renderSsml('<speak>Tom &amp; Jerry &lt;3 &quot;hi&quot; it&apos;s &#39;ok&#x27;</speak>')).toBe(
      'Tom & Jerry <3 "hi" it\'s \'ok\'',
    );
  });

  it('shows a trailing pause and strength-only breaks', () => {
    expect(renderSsml('<speak>Hold it. <break strength="strong"/></speak>')).toBe('Hold it. [pause 750ms]');
    expect(renderSsml('<speak>A<break time="2s"/></speak>')).toBe('A [pause 2s]');
  });

  it('marks audio clips', () => {
    expect(renderSsml('<speak>Ding <audio src="https://example.com/a.mp3"/> done</speak>')).toBe('Ding [audio] done');
  });
});

describe('renderOutputSpeech', () => {
  it('renders plain text and missing speech', () => {
    expect(renderOutputSpeech({ type: 'PlainText', text: ' Say  ready. ' })).toBe('Say ready.');
    expect(renderOutputSpeech(undefined)).toBe('');
  });
});

describe('formatSeconds', () => {
  it('writes whole and fractional seconds, and milliseconds below one second', () => {
    expect([formatSeconds(30), formatSeconds(1.5), formatSeconds(0.25)]).toEqual(['30s', '1.5s', '250ms']);
  });
});
