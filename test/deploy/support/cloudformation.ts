// Reads a CloudFormation YAML template with the short-form intrinsic tags (!Ref, !GetAtt, !Sub, ...)
// turned into their long form ({ Ref: ... }, { 'Fn::GetAtt': [...] }, ...), as CloudFormation reads it.
import { readFileSync } from 'node:fs';
import { parse, type CollectionTag, type ScalarTag } from 'yaml';

const FUNCTIONS = [
  'Base64',
  'Cidr',
  'Equals',
  'FindInMap',
  'GetAtt',
  'GetAZs',
  'If',
  'ImportValue',
  'Join',
  'Not',
  'And',
  'Or',
  'Select',
  'Split',
  'Sub',
  'Transform',
] as const;

function longForm(name: string, value: unknown): Record<string, unknown> {
  if (name === 'Ref') return { Ref: value };
  if (name === 'Condition') return { Condition: value };
  // !GetAtt Resource.Attribute is the short form of [Resource, Attribute].
  if (name === 'GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    return { 'Fn::GetAtt': [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [`Fn::${name}`]: value };
}

const toJs = (node: { toJSON(): unknown }): unknown => node.toJSON();

export const CLOUDFORMATION_TAGS: Array<ScalarTag | CollectionTag> = ['Ref', 'Condition', ...FUNCTIONS].flatMap((name) => [
  { tag: `!${name}`, resolve: (value: string) => longForm(name, value) } satisfies ScalarTag,
  { tag: `!${name}`, collection: 'seq', resolve: (value) => longForm(name, toJs(value)) } satisfies CollectionTag,
  { tag: `!${name}`, collection: 'map', resolve: (value) => longForm(name, toJs(value)) } satisfies CollectionTag,
]);

export type TemplateParameter = {
  Type: string;
  Default?: unknown;
  NoEcho?: boolean;
  MinLength?: number;
  MaxLength?: number;
  MinValue?: number;
  MaxValue?: number;
  AllowedValues?: unknown[];
  AllowedPattern?: string;
};

export type TemplateResource = {
  Type: string;
  Properties: Record<string, unknown>;
  DependsOn?: string | string[];
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
};

export type Template = {
  AWSTemplateFormatVersion?: string;
  Parameters: Record<string, TemplateParameter>;
  Resources: Record<string, TemplateResource>;
  Outputs: Record<string, { Value: unknown; Description?: string }>;
};

export function parseTemplate(text: string): Template {
  return parse(text, { customTags: CLOUDFORMATION_TAGS, prettyErrors: true }) as Template;
}

export function loadTemplate(file: string): Template {
  return parseTemplate(readFileSync(file, 'utf8'));
}

/** The resources of one type, by logical id. */
export function resourcesOfType(template: Template, type: string): Array<[string, TemplateResource]> {
  return Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);
}

/** The one resource of a type; fails when there is none or more than one. */
export function onlyResource(template: Template, type: string): [string, TemplateResource] {
  const found = resourcesOfType(template, type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0] as [string, TemplateResource];
}

/** The resource of this logical id, which must be of this type. */
export function namedResource(template: Template, id: string, type: string): [string, TemplateResource] {
  const found = resourcesOfType(template, type).find(([name]) => name === id);
  if (found === undefined) throw new Error(`expected ${type} ${id}`);
  return found;
}

/** Every logical id a value refers to, through Ref, Fn::GetAtt and ${...} in Fn::Sub. */
export function referencesIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(referencesIn);
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const own: string[] = [];
  if (typeof record.Ref === 'string') own.push(record.Ref);
  const getAtt = record['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') own.push(getAtt[0]);
  const sub = record['Fn::Sub'];
  const subText = typeof sub === 'string' ? sub : Array.isArray(sub) && typeof sub[0] === 'string' ? sub[0] : undefined;
  if (subText !== undefined) for (const match of subText.matchAll(/\$\{([A-Za-z0-9]+)(?:\.[A-Za-z]+)?\}/g)) own.push(match[1] as string);
  return [...own, ...Object.values(record).flatMap(referencesIn)];
}
