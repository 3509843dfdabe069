// `npm run package [-- --release]`: after `npm run build`, writes what `ask deploy` would upload, so it can be
// checked without an AWS account: dist/skill-code.zip (the Lambda code, index.js at the zip root, as ask-cli
// zips dist/lambda) and skill-package/skill.json with the publishing links of
// infrastructure/publishing-links.json applied to every locale. With --release it refuses placeholder links
// (example.* and the reserved test domains) before writing anything.
import AdmZip from 'adm-zip';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const ROOT = path.join(__dirname, '..');
export const PATHS = {
  codeDir: path.join(ROOT, 'dist', 'lambda'),
  codeZip: path.join(ROOT, 'dist', 'skill-code.zip'),
  manifest: path.join(ROOT, 'skill-package', 'skill.json'),
  publishingLinks: path.join(ROOT, 'infrastructure', 'publishing-links.json'),
} as const;

/** The entry file the handler `index.handler` names; it must sit at the zip root. */
export const ENTRY_FILE = 'index.js';

// A fixed time for every entry, so the same bundle always gives the same zip bytes.
const ENTRY_TIME = new Date('2020-01-01T00:00:00Z');

export type CodeZip = { file: string; bytes: number; unpackedBytes: number; entries: string[] };

/** Zips every file under srcDir, paths relative to it (POSIX separators), files readable by all (0644). */
export function writeCodeZip(srcDir: string, outFile: string): CodeZip {
  const files = listFiles(srcDir);
  if (!files.includes(ENTRY_FILE)) {
    throw new Error(`${path.relative(ROOT, srcDir) || srcDir} has no ${ENTRY_FILE}: run npm run build first`);
  }
  const zip = new AdmZip();
  let unpackedBytes = 0;
  for (const name of files) {
    const content = readFileSync(path.join(srcDir, ...name.split('/')));
    unpackedBytes += content.length;
    const entry = zip.addFile(name, content, '', 0o644);
    entry.header.time = ENTRY_TIME;
  }
  zip.writeZip(outFile);
  return { file: outFile, bytes: statSync(outFile).size, unpackedBytes, entries: files };
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((dirent) => {
      const name = prefix === '' ? dirent.name : `${prefix}/${dirent.name}`;
      if (dirent.isDirectory()) return listFiles(path.join(dir, dirent.name), name);
      return dirent.isFile() ? [name] : [];
    });
}

// --- Publishing links: the privacy policy and terms of use, kept in one file ---

const httpsUrl = z
  .string()
  .refine((value) => URL.canParse(value) && new URL(value).protocol === 'https:', 'must be an https URL')
  .refine(
    (value) => !URL.canParse(value) || !/amazon|alexa/i.test(new URL(value).hostname),
    'the domain may not contain "amazon" or "alexa" (certification rule)',
  );
const LinksSchema = z.object({ privacyPolicyUrl: httpsUrl, termsOfUseUrl: httpsUrl }).strict();
const PublishingLinksSchema = z.object({
  $comment: z.string().optional(),
  default: LinksSchema,
  /** A locale whose pages differ (e.g. a page per market) overrides the default here. */
  locales: z.record(z.string().regex(/^[a-z]{2}-[A-Z]{2}$/), LinksSchema).default({}),
});

export type PublishingLinks = z.infer<typeof PublishingLinksSchema>;
export type Links = z.infer<typeof LinksSchema>;

export function parsePublishingLinks(json: unknown): PublishingLinks {
  const parsed = PublishingLinksSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`infrastructure/publishing-links.json: ${issues}`);
  }
  return parsed.data;
}

export function loadPublishingLinks(file = PATHS.publishingLinks): PublishingLinks {
  return parsePublishingLinks(JSON.parse(readFileSync(file, 'utf8')));
}

export function linksFor(links: PublishingLinks, locale: string): Links {
  return links.locales[locale] ?? links.default;
}

/** A host no one publishes on: example.<anything> and the reserved .example, .test, .invalid and .localhost (RFC 2606). */
export const isPlaceholderHost = (hostname: string): boolean =>
  /(^|\.)example\.[a-z.]+$/i.test(hostname) || /(^|\.)(example|test|invalid|localhost)$/i.test(hostname);

/** Placeholders still in use: fine for a development skill, refused by --release (certification opens them). */
export function placeholderLinks(links: PublishingLinks): string[] {
  return [...new Set([links.default, ...Object.values(links.locales)].flatMap((l) => [l.privacyPolicyUrl, l.termsOfUseUrl]))].filter((url) =>
    isPlaceholderHost(new URL(url).hostname),
  );
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function objectAt(root: Json, keys: string[]): Json {
  let node: Json = root;
  for (const key of keys) {
    const next = node[key];
    if (!isObject(next)) throw new Error(`skill.json: ${keys.join('.')} is missing`);
    node = next;
  }
  return node;
}

/** Sets privacyAndCompliance.locales.<locale> for every published locale; returns whether anything changed. */
export function applyPublishingLinks(manifestFile: Json, links: PublishingLinks): boolean {
  const manifest = objectAt(manifestFile, ['manifest']);
  const locales = Object.keys(objectAt(manifest, ['publishingInformation', 'locales']));
  const privacy = objectAt(manifest, ['privacyAndCompliance']);
  const before = JSON.stringify(privacy.locales);
  privacy.locales = Object.fromEntries(locales.map((locale) => [locale, { ...linksFor(links, locale) }]));
  return JSON.stringify(privacy.locales) !== before;
}

export function readJson(file: string): Json {
  const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!isObject(value)) throw new Error(`${path.relative(ROOT, file)} is not a JSON object`);
  return value;
}

export function writeJson(file: string, value: unknown): void {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** Brings skill-package/skill.json in line with infrastructure/publishing-links.json; returns whether it wrote. */
export function syncManifestLinks(manifestPath = PATHS.manifest, linksPath = PATHS.publishingLinks): boolean {
  const manifest = readJson(manifestPath);
  const changed = applyPublishingLinks(manifest, loadPublishingLinks(linksPath));
  if (changed) writeJson(manifestPath, manifest);
  return changed;
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;

function main(args: readonly string[]): void {
  const links = loadPublishingLinks();
  const placeholders = placeholderLinks(links);
  if (args.includes('--release') && placeholders.length > 0) {
    throw new Error(
      `refusing a release package: ${placeholders.join(', ')} ${placeholders.length === 1 ? 'is a placeholder' : 'are placeholders'}; ` +
        'publish your own privacy policy and terms pages and set them in infrastructure/publishing-links.json (the README says what they must state)',
    );
  }
  if (!existsSync(PATHS.codeDir)) throw new Error('dist/lambda is missing: run npm run build first');
  if (syncManifestLinks()) console.log('updated the privacy and terms links in skill-package/skill.json');
  if (placeholders.length > 0) {
    console.log(
      `note: ${placeholders.join(', ')} ${placeholders.length === 1 ? 'is a placeholder' : 'are placeholders'}; ` +
        'fine for a development skill; `--release` refuses them (replace them in infrastructure/publishing-links.json)',
    );
  }
  const zip = writeCodeZip(PATHS.codeDir, PATHS.codeZip);
  console.log(
    `wrote ${path.relative(ROOT, zip.file)}: ${kib(zip.bytes)} zipped, ${kib(zip.unpackedBytes)} unpacked ` +
      `(Lambda allows 50 MB zipped, 250 MB unpacked): ${zip.entries.join(', ')}`,
  );
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
