// skill-package/skill.json: what certification reads. The disclaimer in every locale, no health claims,
// accurate privacy answers, only the permission the skill uses, and example phrases that really work.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { stringsFor } from '../../lambda/speech/locale-strings';
import { parseInvocation } from '../../scripts/console/invocation';
import { createResolver } from '../../scripts/console/resolver';
import { linksFor, loadPublishingLinks } from '../../scripts/package';
import { openDialog } from '../support/dialog';
import { committedModel } from '../support/model';

const ROOT = path.join(__dirname, '..', '..');
const SKILL_PACKAGE = path.join(ROOT, 'skill-package');

type LocaleInfo = {
  name: string;
  summary: string;
  description: string;
  examplePhrases: string[];
  keywords: string[];
  smallIconUri: string;
  largeIconUri: string;
};
type Manifest = {
  manifestVersion: string;
  publishingInformation: {
    locales: Record<string, LocaleInfo>;
    isAvailableWorldwide: boolean;
    distributionCountries: string[];
    category: string;
    testingInstructions: string;
  };
  privacyAndCompliance: Record<string, unknown> & { locales: Record<string, { privacyPolicyUrl: string; termsOfUseUrl: string }> };
  permissions: Array<{ name: string }>;
  events?: { subscriptions: Array<{ eventName: string }>; endpoint?: { uri: string } };
  apis: { custom: { endpoint?: { uri: string } } };
};

const manifest = (JSON.parse(readFileSync(path.join(SKILL_PACKAGE, 'skill.json'), 'utf8')) as { manifest: Manifest }).manifest;
const publishing = manifest.publishingInformation;

/** The locales the skill ships, each with its country and the word its market uses for the clinician. */
const MARKETS = {
  'en-US': { country: 'US', clinician: 'therapist' },
  'en-GB': { country: 'GB', clinician: 'physio' },
  'en-CA': { country: 'CA', clinician: 'therapist' },
  'en-AU': { country: 'AU', clinician: 'physio' },
  'en-IN': { country: 'IN', clinician: 'physio' },
} as const;
type Locale = keyof typeof MARKETS;
const LOCALES = Object.keys(MARKETS) as Locale[];

const info = (locale: Locale): LocaleInfo => {
  const found = publishing.locales[locale];
  if (found === undefined) throw new Error(`no publishing information for ${locale}`);
  return found;
};

// Claims a health skill may not make (Alexa policy; alexa-platform.md §5.2).
const FORBIDDEN_CLAIMS: RegExp[] = [
  /\btreat/i, // treat, treats, treatment
  /\bcur(e|es|ed|ing)\b/i,
  /\bslow(s|ing)?\s+(down\s+)?(the\s+)?progress/i,
  /\bprevent/i,
  /\btherapy for ALS\b/i,
  /life[- ]?saving/i,
  /\bheal(s|ing)?\b/i,
  /\breverse/i,
  /\bdiagnos/i,
];

describe('publishing information', () => {
  it('is published in exactly the five English locales, in their five countries only', () => {
    expect(Object.keys(publishing.locales).sort()).toEqual([...LOCALES].sort());
    expect(publishing.isAvailableWorldwide).toBe(false);
    expect([...publishing.distributionCountries].sort()).toEqual(LOCALES.map((l) => MARKETS[l].country).sort());
    expect(publishing.category).toBe('HEALTH_AND_FITNESS');
    expect(manifest.manifestVersion).toBe('1.0');
  });

  it.each(LOCALES)('%s: names the skill and keeps within the store limits', (locale) => {
    const { name, summary, description, keywords } = info(locale);
    expect(name).toBe('Range of Motion Coach');
    expect(summary.length).toBeGreaterThan(20);
    expect(summary.length).toBeLessThanOrEqual(160);
    expect(description.length).toBeLessThanOrEqual(4000);
    expect(keywords.length).toBeGreaterThan(0);
    expect(keywords.length).toBeLessThanOrEqual(30);
    for (const keyword of keywords) expect(keyword.trim()).not.toBe('');
  });

  it.each(LOCALES)('%s: the description carries the medical disclaimer and the emergency line', (locale) => {
    const { description } = info(locale);
    expect(description).toMatch(/\bnot medical advice\b/i);
    expect(description).toMatch(/\bno substitute for a clinician\b/i);
    expect(description).toMatch(/\bfollows the routine the person's care team set\b/i);
    expect(description).toMatch(/\bin an emergency, call your local emergency number\b/i);
    expect(description).not.toMatch(/\b911\b|\b999\b|\b112\b|\b000\b/); // the number differs by market
  });

  it.each(LOCALES)('%s: speaks of the clinician as the market does', (locale) => {
    const { description } = info(locale);
    const { clinician } = MARKETS[locale];
    expect(description).toContain(clinician);
    expect(description).not.toContain(clinician === 'physio' ? 'therapist' : 'physio');
  });

  it('claims nowhere that the exercises treat, cure, slow or prevent anything', () => {
    const texts = [
      publishing.testingInstructions,
      ...LOCALES.flatMap((locale) => {
        const { name, summary, description, keywords, examplePhrases } = info(locale);
        return [name, summary, description, ...keywords, ...examplePhrases];
      }),
    ];
    for (const text of texts) for (const claim of FORBIDDEN_CLAIMS) expect(text).not.toMatch(claim);
  });

  it.each(LOCALES)('%s: has at most three example phrases, the first one opening the skill', (locale) => {
    const { examplePhrases } = info(locale);
    expect(examplePhrases.length).toBeGreaterThanOrEqual(1);
    expect(examplePhrases.length).toBeLessThanOrEqual(3);
    expect(examplePhrases[0]).toBe('Alexa, open range of motion coach');
    for (const phrase of examplePhrases) expect(phrase).toMatch(/^Alexa, [a-z ']+$/);
  });

  it.each(LOCALES)('%s: points at the two store icons in the skill package', (locale) => {
    const { smallIconUri, largeIconUri } = info(locale);
    expect(pngSize(smallIconUri)).toEqual({ width: 108, height: 108 });
    expect(pngSize(largeIconUri)).toEqual({ width: 512, height: 512 });
  });

  it('tells certifiers about the silences, the pain stop, the emergency answer, the stored data and reminders', () => {
    const instructions = publishing.testingInstructions;
    expect(instructions.length).toBeLessThanOrEqual(4000);
    expect(instructions).toMatch(/one response/i);
    expect(instructions).toMatch(/10 second breaks/i);
    expect(instructions).toContain('"Alexa, stop"');
    expect(instructions).toContain('"Alexa, that hurts"');
    expect(instructions).toMatch(/local emergency number.*ends the session/is);
    expect(instructions).toMatch(/Nothing said about pain is stored: no body part, no score, no reason/);
    expect(instructions).toMatch(/stopped before the end, with no reason/);
    expect(instructions).toMatch(/does not answer when it last hurt/);
    expect(instructions).toMatch(/reminders permission by voice/i);
    expect(instructions).toMatch(/confirms the time and that the reminder repeats every day/i);
  });
});

describe('privacy and compliance', () => {
  const privacy = manifest.privacyAndCompliance;

  it('answers the questions truthfully: personal info (progress per user), no children, purchases or ads', () => {
    expect(privacy).toMatchObject({
      usesPersonalInfo: true,
      isChildDirected: false,
      allowsPurchases: false,
      containsAds: false,
      isExportCompliant: true,
    });
    // usesHealthInfo is only for HIPAA covered entities; this skill stores no health details.
    expect(privacy).not.toHaveProperty('usesHealthInfo');
  });

  it.each(LOCALES)('%s: links the privacy policy and terms from infrastructure/publishing-links.json', (locale) => {
    const links = privacy.locales[locale];
    expect(links).toEqual(linksFor(loadPublishingLinks(), locale));
    for (const url of Object.values(links ?? {})) {
      expect(new URL(url).protocol).toBe('https:');
      expect(new URL(url).hostname).not.toMatch(/amazon|alexa/i);
    }
  });

  it('links every published locale and no other', () => {
    expect(Object.keys(privacy.locales).sort()).toEqual([...LOCALES].sort());
  });
});

describe('permissions, events and endpoints', () => {
  it('asks only for the reminders permission (the daily reminder)', () => {
    expect(manifest.permissions).toEqual([{ name: 'alexa::alerts:reminders:skill:readwrite' }]);
  });


  it('leaves the endpoints and the events to ask deploy (skillEvents in ask-resources.json), or has the deployed Lambda for both', () => {
    expect(Object.keys(manifest.apis)).toEqual(['custom']);
    const custom = manifest.apis.custom.endpoint?.uri;
    if (custom === undefined) {
      expect(manifest).not.toHaveProperty('events');
    } else {
      // After a deploy ask-cli writes the stack's SkillEndpoint and the events here (the developer's copy only).
      expect(custom).toMatch(/^arn:aws:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9-_]+(:live)?$/);
      expect(manifest.events).toEqual({ endpoint: { uri: custom }, subscriptions: [{ eventName: 'SKILL_DISABLED' }] });
    }
  });
});

describe('every example phrase works as a one-shot', () => {
  const spoken = (phrase: string): string => phrase.replace(/^Alexa,\s*/, '');

  it('en-US: through the real skill, each phrase gets a relevant answer', async () => {
    const strings = stringsFor('en-US');
    const [open, legs, summary] = info('en-US').examplePhrases.map(spoken);

    const launched = await (await openDialog()).say(open ?? '');
    expect(launched.exchange.envelope.request.type).toBe('LaunchRequest');
    expect(launched.open).toBe(true);
    expect(launched.text).toMatch(/welcome to range of motion coach/i);

    const started = await (await openDialog()).say(legs ?? '');
    expect(started.intent).toBe('StartRoutineIntent');
    expect(started.exchange.envelope.session?.new).toBe(true);
    expect(started.text).toMatch(/leg/i);
    expect(started.open).toBe(true);

    const told = await (await openDialog()).say(summary ?? '');
    expect(told.intent).toBe('SummaryIntent');
    expect(told.text).toMatch(/today/i);

    for (const reply of [launched, started, told]) {
      expect(reply.text).not.toContain(strings.notUnderstood);
      expect(reply.text).not.toContain(strings.errorApology);
    }
  });

  describe.each(LOCALES)('%s: against the committed interaction model', (locale) => {
    const modelFile = path.join(SKILL_PACKAGE, 'interactionModels', 'custom', `${locale}.json`);
    const run = existsSync(modelFile) ? it : it.skip;
    const title = existsSync(modelFile)
      ? 'resolves each phrase to the skill and to an intent other than AMAZON.FallbackIntent'
      : `skipped: skill-package/interactionModels/custom/${locale}.json is not generated yet`;

    run(title, () => {
      const model = committedModel(locale);
      const resolver = createResolver(model);
      for (const phrase of info(locale).examplePhrases) {
        const invocation = parseInvocation(spoken(phrase), model.interactionModel.languageModel.invocationName);
        expect({ phrase, invocation: invocation?.kind ?? 'does not name the skill' }).not.toEqual({
          phrase,
          invocation: 'does not name the skill',
        });
        if (invocation?.kind === 'one-shot') {
          expect({ phrase, intent: resolver.resolve(invocation.utterance).intent.name }).not.toEqual({
            phrase,
            intent: 'AMAZON.FallbackIntent',
          });
        }
      }
    });
  });
});

/** Width and height from a PNG's IHDR chunk, for a file:// URI relative to the skill package. */
function pngSize(uri: string): { width: number; height: number } {
  expect(uri).toMatch(/^file:\/\/assets\/images\/[A-Za-z0-9_-]+\.png$/);
  const bytes = readFileSync(path.join(SKILL_PACKAGE, uri.slice('file://'.length)));
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
