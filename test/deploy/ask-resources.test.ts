// ask-resources.json: what `ask deploy` builds, uploads and deploys, and that it matches the template.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SECRET_MIN_LENGTH, SECRET_PARAMETER, SECRET_PLACEHOLDER } from '../../scripts/deploy';
import { loadTemplate } from './support/cloudformation';

const ROOT = path.join(__dirname, '..', '..');
const resources = JSON.parse(readFileSync(path.join(ROOT, 'ask-resources.json'), 'utf8')) as {
  askcliResourcesVersion: string;
  profiles: Record<string, Profile>;
};
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
      cfn: { parameters: Record<string, unknown> };
    };
  };
};
const profile = resources.profiles.default as Profile;
const userConfig = profile.skillInfrastructure.userConfig;
const template = loadTemplate(path.join(ROOT, userConfig.templatePath));

// ask-cli passes these itself and refuses them in cfn.parameters.
const RESERVED = ['SkillId', 'SkillClientId', 'SkillClientSecret', 'LambdaRuntime', 'LambdaHandler', 'CodeBucket', 'CodeKey', 'CodeVersion'];

describe('ask-resources.json', () => {
  it('is an ask-cli v2 project with the CloudFormation deployer', () => {
    expect(resources.askcliResourcesVersion).toBe('2020-03-31');
    expect(profile.skillInfrastructure.type).toBe('@ask-cli/cfn-deployer');
    expect(profile.skillMetadata.src).toBe('./skill-package');
    expect(existsSync(path.join(ROOT, 'skill-package', 'skill.json'))).toBe(true);
  });

  it('uploads the esbuild output folder, which has no package.json, so ask-cli zips it as it is', () => {
    expect(Object.keys(profile.code)).toEqual(['default']);
    expect(profile.code.default?.src).toBe('./dist/lambda');
    // What `npm run build` writes there is checked by building it (test/deploy/build-script.test.ts).
    // With a package.json in the folder ask-cli would switch to its npm build flow (npm ci, node_modules).
    expect(existsSync(path.join(ROOT, 'dist', 'lambda', 'package.json'))).toBe(false);
    expect(existsSync(path.join(ROOT, 'hooks', 'build.sh'))).toBe(false); // that would replace the zip-only flow
  });

  it('runs index.handler on nodejs22.x in us-east-1 (serves every English locale)', () => {
    expect(userConfig).toMatchObject({
      runtime: 'nodejs22.x',
      handler: 'index.handler',
      awsRegion: 'us-east-1',
      templatePath: './infrastructure/cfn-deployer/skill-stack.yaml',
    });
    expect(template.Parameters.LambdaRuntime?.AllowedValues).toContain(userConfig.runtime);
  });

  it('asks ask-cli to fill both the custom and the events endpoint from SkillEndpoint', () => {
    expect(userConfig.targetEndpoint).toEqual(['custom', 'events']);
  });

  it('passes only declared, non-reserved template parameters, all as strings', () => {
    const parameters = userConfig.cfn.parameters;
    for (const [name, value] of Object.entries(parameters)) {
      expect(RESERVED).not.toContain(name);
      expect(template.Parameters).toHaveProperty(name);
      expect(typeof value).toBe('string');
    }
  });

  it('gives a value to every template parameter without a default that ask-cli does not pass', () => {
    const needed = Object.entries(template.Parameters)
      .filter(([name, parameter]) => !RESERVED.includes(name) && parameter.Default === undefined)
      .map(([name]) => name);
    expect(needed.filter((name) => !(name in userConfig.cfn.parameters))).toEqual([]);
  });

  it('holds only the secret placeholder, which the template rejects, never a real secret', () => {
    const committed = userConfig.cfn.parameters[SECRET_PARAMETER];
    expect(committed).toBe(SECRET_PLACEHOLDER);
    expect(SECRET_PLACEHOLDER.length).toBeLessThan(template.Parameters.UserKeySecret?.MinLength ?? 0);
    expect(template.Parameters.UserKeySecret?.MinLength).toBe(SECRET_MIN_LENGTH);
  });

  it('keeps the parameter defaults and the values passed in step', () => {
    for (const [name, value] of Object.entries(userConfig.cfn.parameters)) {
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
});
