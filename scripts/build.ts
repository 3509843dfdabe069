// `npm run build`: bundles the Lambda handler into one CommonJS file, dist/lambda/index.js, and the therapist's
// report page (issue 15) into its own, dist/lambda/report.js: the same zip, a second function (handler report.handler).
// The folder holds no package.json, so ask-cli zips it as it is. The skill uses the exercise catalog without
// validating it, so an invalid catalog stops the build here instead. The source map goes to dist/index.js.map,
// outside that folder: Lambda never reads it, and it was three quarters of the zip.
import { build, type BuildOptions } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EXERCISE_DATA } from '../lambda/catalog/exercises';
import { parseCatalog } from '../lambda/catalog/parse-catalog';

const root = path.join(__dirname, '..');

/** How the Lambda is bundled; the benchmark bundles its floor skill the same way. */
export const BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  minify: true,
  // No sourceMappingURL comment: the map is not shipped next to the bundle.
  sourcemap: 'external',
  metafile: true,
  legalComments: 'none',
  logLevel: 'warning',
  // The Secrets Manager client's CommonJS build is one 29 KB file that cannot be tree-shaken; its ES build (the
  // package declares no side effects) keeps only GetSecretValue: 4 KB less gzipped (bench/FINDINGS.md). The other
  // AWS packages keep their CommonJS builds, shared with the floor the benchmark compares against.
  alias: { '@aws-sdk/client-secrets-manager': '@aws-sdk/client-secrets-manager/dist-es/index.js' },
} as const satisfies BuildOptions;

/** Why the catalog may not be bundled, or null when it is valid. */
export function catalogProblem(data: unknown): string | null {
  try {
    parseCatalog(data);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Bundles lambda/index.ts into distDir/lambda/index.js (the folder ask-cli zips), its map and metafile beside that folder. */
export async function buildLambda(distDir: string): Promise<number> {
  return bundle(distDir, path.join('lambda', 'index.ts'), 'index');
}

/** Bundles lambda/report/index.ts into distDir/lambda/report.js, its map and metafile (report-meta.json) beside the folder. */
export async function buildReport(distDir: string): Promise<number> {
  return bundle(distDir, path.join('lambda', 'report', 'index.ts'), 'report');
}

async function bundle(distDir: string, entry: string, name: 'index' | 'report'): Promise<number> {
  const outdir = path.join(distDir, 'lambda');
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    entryPoints: [path.join(root, entry)],
    outfile: path.join(outdir, `${name}.js`),
    absWorkingDir: root,
    ...BUNDLE_OPTIONS,
  });
  renameSync(path.join(outdir, `${name}.js.map`), path.join(distDir, `${name}.js.map`));
  writeFileSync(path.join(distDir, name === 'index' ? 'meta.json' : 'report-meta.json'), JSON.stringify(result.metafile));
  return Object.values(result.metafile.outputs).find((o) => o.entryPoint !== undefined)?.bytes ?? 0;
}

async function main(): Promise<void> {
  const problem = catalogProblem(EXERCISE_DATA);
  if (problem !== null) {
    console.error(`build refused: lambda/catalog/exercises.ts is not a valid catalog, fix it first.\n${problem}`);
    process.exit(1);
  }
  const bytes = await buildLambda(path.join(root, 'dist'));
  console.log(`built dist/lambda/index.js (${(bytes / 1024).toFixed(0)} KiB)`);
  const reportBytes = await buildReport(path.join(root, 'dist'));
  console.log(`built dist/lambda/report.js (${(reportBytes / 1024).toFixed(0)} KiB)`);
}

if (require.main === module) main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
