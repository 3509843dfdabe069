// ask-resources.json: what `ask deploy` builds, uploads and deploys for each stage, checked against the pinned
// ask-cli's own code (test/deploy/support/ask-cli.ts) and against the template.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { STAGE_PACKAGES, stageManifest } from '../../scripts/stages';
import { askDeployAfterStack, pinnedAskCliVersion } from './support/ask-cli';
import { loadTemplate } from './support/cloudformation';

const ROOT = path.join(__dirname, '..', '..');
const RESOURCES_TEXT = readFileSync(path.join(ROOT, 'ask-resources.json'), 'utf8');
const resources = JSON.parse(RESOURCES_TEXT) as { askcliResourcesVersion: string; profiles: Record<string, Profile> };
type Profile = {
  skillMetadata: { src: string };
  code: Record<string, { src: string }>;
  skillInfrastructure: {
    type: string;
    userConfig: {
      runtime: string;
      handler: string;
      templatePath: string;
      awsRegion: string;
      targetEndpoint?: string[];
      skillEvents?: { subscriptions?: string[]; publications?: string[] };
      cfn: { parameters: Record<string, unknown> };
    };
  };
};
const PROFILES = Object.entries(resources.profiles);
const template = loadTemplate(path.join(ROOT, 'infrastructure', 'cfn-deployer', 'skill-stack.yaml'));
const PUBLISHED_MANIFEST = readFileSync(path.join(ROOT, 'skill-package', 'skill.json'), 'utf8');
const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:range-of-motion-coach-beta';

// ask-cli passes these itself and refuses them in cfn.parameters.
const RESERVED = ['SkillId', 'SkillClientId', 'SkillClientSecret', 'LambdaRuntime', 'LambdaHandler', 'CodeBucket', 'CodeKey', 'CodeVersion'];

/** The committed skill.json as the profile deploys it (the dev stage's generated copy, or skill-package/ itself). */
function manifestFor(profile: string): string {
  const stage = STAGE_PACKAGES.find((s) => s.profile === profile);
  const committed = JSON.parse(PUBLISHED_MANIFEST) as Record<string, unknown>;
  return `${JSON.stringify(stage === undefined ? committed : stageManifest(committed, stage), null, 2)}\n`;
}

function projectFor(resourcesText: string, profile: string): Record<string, string> {
  const src = (JSON.parse(resourcesText) as typeof resources).profiles[profile]?.skillMetadata.src ?? '';
  return { 'ask-resources.json': resourcesText, [path.join(src, 'skill.json')]: manifestFor(profile) };
}

describe('ask-resources.json', () => {
  it('is an ask-cli v2 project with the stages dev and beta, each with the CloudFormation deployer', () => {
    expect(resources.askcliResourcesVersion).toBe('2020-03-31');
    expect(Object.keys(resources.profiles).sort()).toEqual(['beta', 'dev']);
    for (const [, profile] of PROFILES) expect(profile.skillInfrastructure.type).toBe('@ask-cli/cfn-deployer');
  });

  it('beta deploys the committed skill package; dev its generated copy with its own invocation name', () => {
    expect(resources.profiles.beta?.skillMetadata.src).toBe('./skill-package');
    expect(existsSync(path.join(ROOT, 'skill-package', 'skill.json'))).toBe(true);
    const dev = STAGE_PACKAGES.find((s) => s.profile === 'dev');
    expect(resources.profiles.dev?.skillMetadata.src).toBe(`./${dev?.dir}`);
    expect(dev?.invocationName).toBe('range of motion coach dev');
    expect(readFileSync(path.join(ROOT, '.gitignore'), 'utf8')).toMatch(/^\/stages\/$/m);
  });

  it.each(PROFILES)('%s uploads the esbuild output folder, which has no package.json, so ask-cli zips it as it is', (_, profile) => {
    expect(Object.keys(profile.code)).toEqual(['default']);
    expect(profile.code.default?.src).toBe('./dist/lambda');
    // What `npm run build` writes there is checked by building it (test/deploy/build-script.test.ts).
    // With a package.json in the folder ask-cli would switch to its npm build flow (npm ci, node_modules).
    expect(existsSync(path.join(ROOT, 'dist', 'lambda', 'package.json'))).toBe(false);
    expect(existsSync(path.join(ROOT, 'hooks', 'build.sh'))).toBe(false); // that would replace the zip-only flow
  });

  it.each(PROFILES)('%s runs index.handler on nodejs22.x in us-east-1 (serves every English locale)', (_, profile) => {
    const userConfig = profile.skillInfrastructure.userConfig;
    expect(userConfig).toMatchObject({
      runtime: 'nodejs22.x',
      handler: 'index.handler',
      awsRegion: 'us-east-1',
      templatePath: './infrastructure/cfn-deployer/skill-stack.yaml',
    });
    expect(template.Parameters.LambdaRuntime?.AllowedValues).toContain(userConfig.runtime);
  });
});

describe(`ask-cli's contract (the pinned ask-cli ${pinnedAskCliVersion()}, its own code run offline)`, () => {
  it('is pinned exactly in devDependencies, and the deploy script runs that copy', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(pkg.devDependencies['ask-cli']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pinnedAskCliVersion()).toBe(pkg.devDependencies['ask-cli']);
    expect(readFileSync(path.join(ROOT, 'scripts', 'deploy.ts'), 'utf8')).toMatch(/node_modules', '\.bin', 'ask'/);
  });

  it.each(PROFILES)('%s: SKILL_DISABLED is a skillEvents subscription; targetEndpoint is not set', (_, profile) => {
    const userConfig = profile.skillInfrastructure.userConfig;
    expect(userConfig.skillEvents).toEqual({ subscriptions: ['SKILL_DISABLED'] });
    // targetEndpoint names API domains (custom, smartHome, ...); left out, ask-cli takes the manifest's own.
    expect(userConfig).not.toHaveProperty('targetEndpoint');
  });

  it('the committed skill.json has only the custom API and no events: ask-cli writes them once the Lambda exists', () => {
    const manifest = (JSON.parse(PUBLISHED_MANIFEST) as { manifest: Record<string, unknown> }).manifest;
    const apis = manifest.apis as Record<string, { endpoint?: unknown }>;
    expect(Object.keys(apis)).toEqual(['custom']);
    // A developer's working copy after `npm run deploy -- -p beta` holds what ask-cli wrote; the committed one nothing.
    if (apis.custom?.endpoint === undefined) expect(manifest).not.toHaveProperty('events');
  });

  it.each(PROFILES)('%s: after the stack deploys, ask-cli points the custom API and SKILL_DISABLED at the Lambda, and enables the skill', (name) => {
    const outcome = askDeployAfterStack(projectFor(RESOURCES_TEXT, name), name, ARN);
    expect(outcome.error).toBeNull();
    expect(outcome.manifest.manifest.apis).toEqual({ custom: { endpoint: { uri: ARN } } });
    expect(outcome.manifest.manifest.events).toEqual({ endpoint: { uri: ARN }, subscriptions: [{ eventName: 'SKILL_DISABLED' }] });
    expect(outcome.reuploaded).toBe(true); // the same ask deploy uploads the manifest with both endpoints
    expect(outcome.enable).toBe('enabled');
  });

  it('would have caught the old setting: targetEndpoint ["custom", "events"] writes an "events" API and blocks enabling', () => {
    const old = JSON.parse(RESOURCES_TEXT) as typeof resources;
    const userConfig = old.profiles.beta!.skillInfrastructure.userConfig;
    delete userConfig.skillEvents;
    userConfig.targetEndpoint = ['custom', 'events'];
    const outcome = askDeployAfterStack(projectFor(JSON.stringify(old), 'beta'), 'beta', ARN);
    expect(outcome.manifest.manifest.apis).toEqual({ custom: { endpoint: { uri: ARN } }, events: { endpoint: { uri: ARN } } });
    expect(outcome.manifest.manifest).not.toHaveProperty('events');
    expect(outcome.enable).toMatch(/multiple api domains cannot be enabled/);
  });
});

describe('the stack parameters of each stage', () => {
  it('give every stage its own deployment name (function, log group, secret name) and its own log level', () => {
    const parameters = PROFILES.map(([, p]) => p.skillInfrastructure.userConfig.cfn.parameters);
    const names = parameters.map((p) => p.DeploymentName);
    expect(new Set(names).size).toBe(PROFILES.length);
    expect(resources.profiles.dev?.skillInfrastructure.userConfig.cfn.parameters.LogLevel).toBe('info');
    expect(resources.profiles.beta?.skillInfrastructure.userConfig.cfn.parameters.LogLevel).toBe('warn');
  });

  it.each(PROFILES)('%s passes only declared, non-reserved template parameters, all as strings', (_, profile) => {
    for (const [name, value] of Object.entries(profile.skillInfrastructure.userConfig.cfn.parameters)) {
      expect(RESERVED).not.toContain(name);
      expect(template.Parameters).toHaveProperty(name);
      expect(typeof value).toBe('string');
    }
  });

  it.each(PROFILES)('%s gives a value to every template parameter without a default that ask-cli does not pass', (_, profile) => {
    const needed = Object.entries(template.Parameters)
      .filter(([name, parameter]) => !RESERVED.includes(name) && parameter.Default === undefined)
      .map(([name]) => name);
    expect(needed.filter((name) => !(name in profile.skillInfrastructure.userConfig.cfn.parameters))).toEqual([]);
  });

  it.each(PROFILES)('%s keeps to the parameters’ allowed values and patterns', (_, profile) => {
    for (const [name, value] of Object.entries(profile.skillInfrastructure.userConfig.cfn.parameters)) {
      const parameter = template.Parameters[name];
      if (parameter?.AllowedValues !== undefined) expect(parameter.AllowedValues.map(String)).toContain(value);
      if (parameter?.AllowedPattern !== undefined) expect(String(value)).toMatch(new RegExp(parameter.AllowedPattern));
      if (parameter?.Type === 'Number') {
        expect(String(value)).toMatch(/^\d+$/);
        if (parameter.MinValue !== undefined) expect(Number(value)).toBeGreaterThanOrEqual(parameter.MinValue);
        if (parameter.MaxValue !== undefined) expect(Number(value)).toBeLessThanOrEqual(parameter.MaxValue);
      }
    }
  });

  it('hold no secret: the user-key secret is generated by the stack, never a parameter value', () => {
    expect(RESOURCES_TEXT).not.toMatch(/secret/i);
    expect(Object.keys(template.Parameters).filter((name) => /secret/i.test(name))).toEqual(['UserKeySecretArn']);
  });
});
