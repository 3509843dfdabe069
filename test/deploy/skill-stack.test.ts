// The CloudFormation stack ask-cli's cfn-deployer deploys, read as CloudFormation reads it. Nothing here
// reaches AWS: these tests are the only check the template gets before a real `ask deploy`.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { TABLE_KEYS } from '../../lambda/store/table';
import {
  loadTemplate,
  namedResource,
  onlyResource,
  parseTemplate,
  referencesIn,
  resourcesOfType,
  type TemplateResource,
} from './support/cloudformation';

const ROOT = path.join(__dirname, '..', '..');
const TEMPLATE_PATH = path.join(ROOT, 'infrastructure', 'cfn-deployer', 'skill-stack.yaml');
const template = loadTemplate(TEMPLATE_PATH);

// What the Lambda's code really does, read from its sources, so the stack follows the code.
const LAMBDA_DIR = path.join(ROOT, 'lambda');
const lambdaSources = (readdirSync(LAMBDA_DIR, { recursive: true }) as string[])
  .filter((file) => file.endsWith('.ts'))
  .map((file) => ({ file: file.split(path.sep).join('/'), text: readFileSync(path.join(LAMBDA_DIR, file), 'utf8') }));
// store/table.ts creates tables for db:create and the local console; the Lambda never calls it.
const TABLE_MANAGEMENT = 'store/table.ts';
// The report page's own code (issue 15): its function and role are checked apart from the skill's.
const REPORT_PAGE_FILES = (file: string) => file.startsWith('report/') || file === 'store/report-access.ts';
/**
 * <service>:<Operation> for every `new <Operation>Command(` the skill's code sends with that service's clients;
 * lib-dynamodb's document commands drop "Item" from the name (GetCommand is GetItem, BatchWriteCommand is BatchWriteItem).
 */
const actionsInCode = (service: string, clients: readonly string[], operationOf: (command: string) => string = (command) => command, files: (file: string) => boolean = (file) => !REPORT_PAGE_FILES(file)): string[] =>
  [
    ...new Set(
      lambdaSources
        .filter(({ file, text }) => file !== TABLE_MANAGEMENT && files(file) && clients.some((client) => text.includes(`'@aws-sdk/${client}'`)))
        .flatMap(({ text }) => [...text.matchAll(/new ([A-Z][A-Za-z]+)Command\(/g)].map((match) => `${service}:${operationOf(match[1]!)}`)),
    ),
  ].sort();
const dynamoOperationOf = (command: string) => (/Item$|^Query$|^Scan$/.test(command) ? command : `${command}Item`);
const itemActionsInCode = actionsInCode('dynamodb', ['client-dynamodb', 'lib-dynamodb'], dynamoOperationOf);
const secretActionsInCode = actionsInCode('secretsmanager', ['client-secrets-manager']);
/** The variables lambda/config.ts parses. */
const configSource = readFileSync(path.join(LAMBDA_DIR, 'config.ts'), 'utf8');
const envInConfig = [...configSource.matchAll(/^\s+([A-Z][A-Z0-9_]+): z\./gm)].map((match) => match[1] as string);
// Set by Lambda itself (reserved), for local runs only (a secret in the environment, the local stand-ins), or for
// unpublished deployments only.
const NOT_DEPLOYED = ['AWS_REGION', 'DYNAMODB_ENDPOINT', 'HEALTH_LOG', 'USER_KEY_SECRET', 'SECRETS_MANAGER_ENDPOINT'];

const [functionId, fn] = namedResource(template, 'SkillFunction', 'AWS::Lambda::Function');
const SECRET_ARN = { 'Fn::If': ['CreateUserKeySecret', { Ref: 'UserKeySecret' }, { Ref: 'UserKeySecretArn' }] };
const [tableId, table] = onlyResource(template, 'AWS::DynamoDB::Table');
const PITR_DAYS = (table.Properties.PointInTimeRecoverySpecification as { RecoveryPeriodInDays?: number }).RecoveryPeriodInDays ?? 35;
const [roleId, role] = namedResource(template, 'SkillFunctionRole', 'AWS::IAM::Role');
const [logGroupId, logGroup] = namedResource(template, 'SkillLogGroup', 'AWS::Logs::LogGroup');

type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Principal?: unknown };
type Policy = { PolicyName: string; PolicyDocument: { Statement: Statement[] } };

const policies = (role.Properties.Policies ?? []) as Policy[];
const statements = policies.flatMap((policy) => policy.PolicyDocument.Statement);
const actionsOf = (statement: Statement): string[] =>
  Array.isArray(statement.Action) ? statement.Action : [statement.Action];
const env = ((fn.Properties.Environment as { Variables: Record<string, unknown> } | undefined)?.Variables ?? {});

describe('the short-form tag reader', () => {
  it('turns !Ref, !GetAtt, !Sub and !Join into their long form', () => {
    const parsed = parseTemplate(
      [
        'Resources:',
        '  A:',
        '    Type: T',
        '    Properties:',
        '      R: !Ref Thing',
        '      G: !GetAtt Thing.Arn',
        '      S: !Sub /aws/lambda/${Fn}',
        "      J: !Join ['', ['a', !Ref B]]",
        '      M: !Sub',
        '        - x${Y}',
        '        - Y: !Ref Z',
      ].join('\n'),
    );
    expect(parsed.Resources.A?.Properties).toEqual({
      R: { Ref: 'Thing' },
      G: { 'Fn::GetAtt': ['Thing', 'Arn'] },
      S: { 'Fn::Sub': '/aws/lambda/${Fn}' },
      J: { 'Fn::Join': ['', ['a', { Ref: 'B' }]] },
      M: { 'Fn::Sub': ['x${Y}', { Y: { Ref: 'Z' } }] },
    });
  });
});

describe('skill-stack.yaml parameters', () => {
  it('declares every parameter ask-cli passes, as a String', () => {
    for (const name of ['SkillId', 'LambdaRuntime', 'LambdaHandler', 'CodeBucket', 'CodeKey', 'CodeVersion']) {
      expect(template.Parameters[name]?.Type).toBe('String');
    }
  });

  it('takes no secret as a parameter: at most the ARN of a kept secret, empty by default', () => {
    expect(Object.entries(template.Parameters).filter(([, parameter]) => parameter.NoEcho === true)).toEqual([]);
    expect(template.Parameters.UserKeySecretArn).toMatchObject({ Type: 'String', Default: '' });
    const pattern = new RegExp(template.Parameters.UserKeySecretArn?.AllowedPattern ?? '^$');
    expect(pattern.test('')).toBe(true);
    expect(pattern.test('arn:aws:secretsmanager:us-east-1:123456789012:secret:range-of-motion-coach-beta/user-key-AbCdEf')).toBe(true);
    expect(pattern.test('k3Y-0f-at-least-16-characters')).toBe(false);
  });

  it('has a log retention parameter CloudWatch accepts, defaulting to 30 days', () => {
    const retention = template.Parameters.LogRetentionDays;
    expect(retention?.Default).toBe(30);
    expect(retention?.AllowedValues).toEqual(expect.arrayContaining([1, 7, 14, 30, 90, 365]));
  });

  it('uses every parameter it declares', () => {
    const used = new Set(referencesIn([template.Resources, template.Outputs]));
    expect(Object.keys(template.Parameters).filter((name) => !used.has(name))).toEqual([]);
  });

  it('refers only to declared parameters, resources and pseudo parameters', () => {
    const known = new Set([...Object.keys(template.Parameters), ...Object.keys(template.Resources)]);
    const unknown = referencesIn([template.Resources, template.Outputs]).filter(
      (id) => !known.has(id) && !id.startsWith('AWS::'),
    );
    expect(unknown).toEqual([]);
  });
});

describe('the Lambda function', () => {
  it('runs the bundle on Node.js 22 on arm64, from the code ask-cli uploaded', () => {
    expect(fn.Properties).toMatchObject({
      Runtime: { Ref: 'LambdaRuntime' },
      Handler: { Ref: 'LambdaHandler' },
      Architectures: ['arm64'],
      Role: { 'Fn::GetAtt': [roleId, 'Arn'] },
      Code: { S3Bucket: { Ref: 'CodeBucket' }, S3Key: { Ref: 'CodeKey' }, S3ObjectVersion: { Ref: 'CodeVersion' } },
    });
    expect(template.Parameters.LambdaRuntime?.AllowedValues).toEqual(['nodejs22.x']);
  });

  it('times out before Alexa gives up on the response (8 s), with memory bought for CPU', () => {
    expect(fn.Properties.Timeout).toBeLessThan(8);
    expect(fn.Properties.Timeout).toBeGreaterThanOrEqual(3);
    expect(fn.Properties.MemorySize).toBeGreaterThanOrEqual(256);
    expect(fn.Properties.MemorySize).toBeLessThanOrEqual(1769);
  });

  it('gets exactly the environment the skill reads in a published configuration, and nothing secret', () => {
    expect(env).toEqual({
      SKILL_TABLE: { Ref: tableId },
      SKILL_ID: { Ref: 'SkillId' },
      USER_KEY_SECRET_ARN: SECRET_ARN,
      HISTORY_RETENTION_DAYS: { Ref: 'HistoryRetentionDays' },
      LOG_LEVEL: { Ref: 'LogLevel' },
      REPORT_URL: { 'Fn::GetAtt': ['ReportFunctionUrl', 'FunctionUrl'] },
    });
    expect(env).not.toHaveProperty('USER_KEY_SECRET');
    expect(template.Parameters.LogLevel).toMatchObject({ Default: 'warn', AllowedValues: ['info', 'warn', 'error'] });
    expect(envInConfig).toEqual(expect.arrayContaining(['SKILL_TABLE', 'SKILL_ID', 'USER_KEY_SECRET_ARN', 'HEALTH_LOG']));
    expect(Object.keys(env).sort()).toEqual(envInConfig.filter((name) => !NOT_DEPLOYED.includes(name)).sort());
    // A published skill stores no health details; AWS_REGION is reserved and set by Lambda itself.
    expect(env).not.toHaveProperty('HEALTH_LOG');
    expect(env).not.toHaveProperty('AWS_REGION');
    expect(env).not.toHaveProperty('DYNAMODB_ENDPOINT');
  });

  it('may be invoked by the Alexa Skills Kit for this skill id only', () => {
    const permissions = resourcesOfType(template, 'AWS::Lambda::Permission').filter(([, p]) => referencesIn(p.Properties.FunctionName).includes(functionId));
    expect(permissions).toHaveLength(1);
    const [, permission] = permissions[0] as [string, TemplateResource];
    expect(permission.Properties).toEqual({
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [functionId, 'Arn'] },
      Principal: 'alexa-appkit.amazon.com',
      EventSourceToken: { Ref: 'SkillId' },
    });
  });

  it('has no smart home trigger', () => {
    expect(JSON.stringify(template)).not.toContain('alexa-connectedhome');
  });
});

describe('the DynamoDB table', () => {
  it('has the keys the store uses: pk (HASH) and sk (RANGE), both strings', () => {
    expect(table.Properties.KeySchema).toEqual([
      { AttributeName: TABLE_KEYS.partition, KeyType: 'HASH' },
      { AttributeName: TABLE_KEYS.sort, KeyType: 'RANGE' },
    ]);
    expect(table.Properties.AttributeDefinitions).toEqual([
      { AttributeName: TABLE_KEYS.partition, AttributeType: 'S' },
      { AttributeName: TABLE_KEYS.sort, AttributeType: 'S' },
    ]);
  });

  it('bills on demand, with point-in-time recovery for a stated period, encryption at rest and the TTL attribute', () => {
    expect(table.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: PITR_DAYS },
      SSESpecification: { SSEEnabled: true },
      TimeToLiveSpecification: { AttributeName: TABLE_KEYS.ttl, Enabled: true },
    });
    expect(table.Properties).not.toHaveProperty('ProvisionedThroughput');
  });

  it('survives a stack deletion or replacement by mistake', () => {
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
  });

  it('keeps backups no longer than the README, the privacy answers and testingInstructions say', () => {
    expect(PITR_DAYS).toBeGreaterThanOrEqual(1);
    expect(PITR_DAYS).toBeLessThanOrEqual(35);
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`restorable from backups for ${PITR_DAYS} days`);
    const manifest = readFileSync(path.join(ROOT, 'skill-package', 'skill.json'), 'utf8');
    expect(manifest).toContain(`backups keep it restorable for ${PITR_DAYS} days`);
    // The template's own comment says which items expire and which do not (the default plan and SETTINGS).
    const text = readFileSync(TEMPLATE_PATH, 'utf8');
    expect(text).not.toMatch(/every item still expires/i);
    expect(text).toMatch(/What does not: the deployment-wide DEFAULT plan/);
  });
});

describe('the IAM role (least privilege)', () => {
  it('can be assumed by Lambda only', () => {
    expect(role.Properties.AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
    expect(role.Properties).not.toHaveProperty('ManagedPolicyArns');
    expect(resourcesOfType(template, 'AWS::IAM::Policy')).toEqual([]);
    expect(resourcesOfType(template, 'AWS::IAM::ManagedPolicy')).toEqual([]);
  });

  it('allows only the item actions the skill uses, on its own table only', () => {
    const dynamo = statements.filter((statement) => actionsOf(statement).some((action) => action.startsWith('dynamodb:')));
    expect(dynamo).toHaveLength(1);
    const [statement] = dynamo as [Statement];
    expect(statement.Effect).toBe('Allow');
    expect([...actionsOf(statement)].sort()).toEqual(itemActionsInCode);
    expect(statement.Resource).toEqual({ 'Fn::GetAtt': [tableId, 'Arn'] });
  });

  it('is checked against the code: the item actions lambda/ sends, and no table management', () => {
    expect(itemActionsInCode).toEqual(
      expect.arrayContaining(['dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem', 'dynamodb:Query', 'dynamodb:BatchWriteItem']),
    );
    expect(itemActionsInCode.filter((action) => !/Item$|^dynamodb:Query$/.test(action))).toEqual([]);
    const callers = lambdaSources.filter(({ file, text }) => file !== TABLE_MANAGEMENT && /\bensureTable\b/.test(text));
    expect(callers.map(({ file }) => file)).toEqual([]);
  });

  it('writes logs to its own log group only, without creating groups', () => {
    const logs = statements.filter((statement) => actionsOf(statement).some((action) => action.startsWith('logs:')));
    expect(logs).toHaveLength(1);
    const [statement] = logs as [Statement];
    expect([...actionsOf(statement)].sort()).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
    expect(statement.Resource).toEqual({ 'Fn::GetAtt': [logGroupId, 'Arn'] });
  });

  it('has no Scan, no wildcard action, no "*" resource and no Deny to reason about', () => {
    for (const statement of statements) {
      expect(statement.Effect).toBe('Allow');
      for (const action of actionsOf(statement)) {
        expect(action).not.toContain('*');
        expect(action.toLowerCase()).not.toBe('dynamodb:scan');
      }
      expect(JSON.stringify(statement.Resource)).not.toContain('*');
    }
    expect(statements.map((statement) => actionsOf(statement).length).reduce((a, b) => a + b, 0)).toBe(
      2 + itemActionsInCode.length + secretActionsInCode.length,
    );
  });
});

describe('the log group', () => {
  it('is the function’s own /aws/lambda group, with a retention period, deleted with the stack', () => {
    expect(logGroup.Properties.LogGroupName).toEqual({ 'Fn::Sub': '/aws/lambda/${DeploymentName}' });
    expect(fn.Properties.FunctionName).toEqual({ Ref: 'DeploymentName' });
    expect(logGroup.Properties.RetentionInDays).toEqual({ Ref: 'LogRetentionDays' });
    expect(logGroup.DeletionPolicy).toBe('Delete');
  });
});

describe('the user-key secret (Secrets Manager)', () => {
  const [secretId, secret] = onlyResource(template, 'AWS::SecretsManager::Secret');

  it('is generated by the stack, one per stage, as {"keyId","key"}, and kept when the stack goes', () => {
    expect(secretId).toBe('UserKeySecret');
    expect(secret).toMatchObject({ Condition: 'CreateUserKeySecret', DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    expect(secret.Properties.Name).toEqual({ 'Fn::Sub': '${DeploymentName}/user-key' });
    const generate = secret.Properties.GenerateSecretString as Record<string, unknown>;
    expect(JSON.parse(String(generate.SecretStringTemplate))).toEqual({ keyId: 'k1' });
    expect(generate.GenerateStringKey).toBe('key');
    expect(generate.PasswordLength).toBeGreaterThanOrEqual(32);
    expect(secret.Properties).not.toHaveProperty('SecretString'); // no value written in the template
  });

  it('is created unless the ARN of a kept one is passed, and the function is given that ARN either way', () => {
    expect((template as unknown as { Conditions: Record<string, unknown> }).Conditions.CreateUserKeySecret).toEqual({ 'Fn::Equals': [{ Ref: 'UserKeySecretArn' }, ''] });
    expect(env.USER_KEY_SECRET_ARN).toEqual(SECRET_ARN);
    expect(template.Outputs.UserKeySecretArn?.Value).toEqual(SECRET_ARN);
  });

  it('may be read by the function with GetSecretValue on that ARN only: what lambda/ sends', () => {
    expect(secretActionsInCode).toEqual(['secretsmanager:GetSecretValue']);
    const secrets = statements.filter((statement) => actionsOf(statement).some((action) => action.startsWith('secretsmanager:')));
    expect(secrets).toHaveLength(1);
    expect(actionsOf(secrets[0]!)).toEqual(secretActionsInCode);
    expect(secrets[0]!.Resource).toEqual(SECRET_ARN);
  });
});

describe('nothing secret in the working tree', () => {
  // A long random-looking value assigned to something called a secret or key, in any tracked text file.
  const ASSIGNED_SECRET = /(secret|key|token|password)[A-Za-z_]*["']?\s*[:=]\s*["'`]?[A-Za-z0-9+/_=-]{32,}/gi;
  // Test fixtures and the development key are made up and say so.
  const ALLOWED = /^(test\/|bench\/|scripts\/local\/secrets-manager-stub\.ts$|package-lock\.json$)/;
  const tracked = spawnSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\n').filter((file) => file !== '' && !ALLOWED.test(file));

  it('no tracked file assigns a secret-looking value', () => {
    expect(tracked.length).toBeGreaterThan(50);
    const found = tracked.flatMap((file) => {
      let text: string;
      try {
        text = readFileSync(path.join(ROOT, file), 'utf8');
      } catch {
        return [];
      }
      if (text.includes('\u0000')) return []; // binary (icons)
      return [...text.matchAll(ASSIGNED_SECRET)].map((match) => `${file}: ${match[0].slice(0, 60)}`);
    });
    expect(found).toEqual([]);
  });

  it('the detector finds the old kind of leak', () => {
    expect('"UserKeySecret": "Zk3vQ0m2b8Wc1xY7nTq4LrJ9sEaHdUfP"'.match(ASSIGNED_SECRET)).not.toBeNull();
    expect('export USER_KEY_SECRET=Zk3vQ0m2b8Wc1xY7nTq4LrJ9sEaHdUfP'.match(ASSIGNED_SECRET)).not.toBeNull();
  });
});

describe('outputs', () => {
  it('gives ask-cli the Lambda ARN as SkillEndpoint', () => {
    expect(template.Outputs.SkillEndpoint?.Value).toEqual({ 'Fn::GetAtt': [functionId, 'Arn'] });
  });
});

describe('the report page (issue 15)', () => {
  const [reportId, report] = namedResource(template, 'ReportFunction', 'AWS::Lambda::Function');
  const [, reportRole] = namedResource(template, 'ReportFunctionRole', 'AWS::IAM::Role');
  const [reportLogId, reportLog] = namedResource(template, 'ReportLogGroup', 'AWS::Logs::LogGroup');
  const [, url] = onlyResource(template, 'AWS::Lambda::Url');
  const reportStatements = ((reportRole.Properties.Policies ?? []) as Policy[]).flatMap((policy) => policy.PolicyDocument.Statement);
  const pageActions = actionsInCode('dynamodb', ['client-dynamodb', 'lib-dynamodb'], dynamoOperationOf, (file) => file === 'store/report-access.ts');

  it('runs report.handler from the same code zip, with its own role and log group', () => {
    expect(report.Properties).toMatchObject({
      Handler: 'report.handler',
      Code: fn.Properties.Code,
      Runtime: { Ref: 'LambdaRuntime' },
      Role: { 'Fn::GetAtt': ['ReportFunctionRole', 'Arn'] },
    });
    expect(reportLog.Properties.LogGroupName).toEqual({ 'Fn::Sub': '/aws/lambda/${DeploymentName}-report' });
    expect(report.Properties.FunctionName).toEqual({ 'Fn::Sub': '${DeploymentName}-report' });
    expect(readFileSync(path.join(ROOT, 'scripts', 'build.ts'), 'utf8')).toContain("'report'");
  });

  it('is reached by a public Function URL (both permissions), whose address is the ReportUrl output and the skill\'s REPORT_URL', () => {
    expect(url.Properties).toEqual({ TargetFunctionArn: { 'Fn::GetAtt': [reportId, 'Arn'] }, AuthType: 'NONE', InvokeMode: 'BUFFERED' });
    const permissions = resourcesOfType(template, 'AWS::Lambda::Permission').filter(([, p]) => referencesIn(p.Properties.FunctionName).includes(reportId));
    expect(permissions.map(([, p]) => p.Properties.Action).sort()).toEqual(['lambda:InvokeFunction', 'lambda:InvokeFunctionUrl']);
    for (const [, p] of permissions) expect(p.Properties.Principal).toBe('*');
    expect(template.Outputs?.ReportUrl).toMatchObject({ Value: { 'Fn::GetAtt': ['ReportFunctionUrl', 'FunctionUrl'] } });
  });

  it('reads the table and writes only in the code, session and wrong-code partitions', () => {
    const dynamo = reportStatements.filter((statement) => actionsOf(statement).some((action) => action.startsWith('dynamodb:')));
    const all = dynamo.flatMap(actionsOf).sort();
    expect(all).toEqual(pageActions);
    expect(all).not.toContain('dynamodb:Scan');
    for (const statement of dynamo) expect(statement.Resource).toEqual({ 'Fn::GetAtt': [tableId, 'Arn'] });
    const writes = dynamo.filter((statement) => actionsOf(statement).some((action) => /Put|Delete|Update|Write/.test(action)));
    expect(writes).toHaveLength(1);
    expect((writes[0] as Statement & { Condition?: unknown }).Condition).toEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['REPORTCODE#*', 'REPORTSESSION#*', 'REPORTLIMIT#*'] },
    });
    const logs = reportStatements.filter((statement) => actionsOf(statement).some((action) => action.startsWith('logs:')));
    expect(logs.map((statement) => statement.Resource)).toEqual([{ 'Fn::GetAtt': [reportLogId, 'Arn'] }]);
    expect(reportStatements.filter((statement) => actionsOf(statement).some((action) => action.startsWith('secretsmanager:'))).map((s) => s.Resource)).toEqual([SECRET_ARN]);
  });

  it('gets the skill\'s environment but REPORT_URL, and no health log', () => {
    const reportEnv = (report.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    const { REPORT_URL: _url, ...skillEnv } = env;
    expect(reportEnv).toEqual(skillEnv);
    expect(reportEnv).not.toHaveProperty('HEALTH_LOG');
  });
});
