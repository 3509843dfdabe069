// scripts/build.ts: the skill uses the exercise catalog unvalidated, so the build is where a bad catalog stops.
import { build } from 'esbuild';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXERCISE_DATA } from '../../lambda/catalog/exercises';
import { BUNDLE_OPTIONS, buildLambda, buildReport, catalogProblem } from '../../scripts/build';

const ROOT = path.join(__dirname, '..', '..');

describe('the build', () => {
  it('accepts the catalog as written', () => {
    expect(catalogProblem(EXERCISE_DATA)).toBeNull();
  });

  it('refuses a catalog that fails its schema, naming the entry, the field and the rule', () => {
    const [first, ...rest] = EXERCISE_DATA;
    const tooFast = { ...first, pace: { outSeconds: 1, pauseSeconds: 1, backSeconds: 3 } };
    expect(catalogProblem([tooFast, ...rest])).toMatch(/^Invalid exercise catalog: 0\.pace\.outSeconds \(hip-knee-flexion\): Too small/);
  });

  it('leaves the catalog schema and its parse out of the bundle, so zod does not run over it at cold start', async () => {
    const result = await build({ ...BUNDLE_OPTIONS, entryPoints: [path.join(ROOT, 'lambda', 'index.ts')], outfile: 'index.js', write: false, absWorkingDir: ROOT });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toContain('lambda/catalog/exercises.ts');
    expect(inputs.filter((file) => /catalog\/(exercise-schema|parse-catalog)\.ts$/.test(file))).toEqual([]);
  });

  it('puts only index.js and report.js in the folder ask-cli zips, with the source maps and metafiles outside it', async () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'rom-build-'));
    const table = process.env.SKILL_TABLE;
    try {
      await buildLambda(dist);
      await buildReport(dist);
      expect(readdirSync(path.join(dist, 'lambda')).sort()).toEqual(['index.js', 'report.js']);
      expect(readdirSync(dist).sort()).toEqual(['index.js.map', 'lambda', 'meta.json', 'report-meta.json', 'report.js.map']);
      expect(readFileSync(path.join(dist, 'lambda', 'index.js'), 'utf8')).not.toMatch(/sourceMappingURL/);
      // Each bundle loads on its own (its configuration read at load, as on Lambda) and exports its handler.
      process.env.SKILL_TABLE ??= 'rom-build-test';
      const handler = (require(path.join(dist, 'lambda', 'index.js')) as { handler?: unknown }).handler;
      expect(typeof handler).toBe('function');
      const reportHandler = (require(path.join(dist, 'lambda', 'report.js')) as { handler?: unknown }).handler;
      expect(typeof reportHandler).toBe('function');
      // The page's bundle carries no ask-sdk.
      const reportMeta = JSON.parse(readFileSync(path.join(dist, 'report-meta.json'), 'utf8')) as { inputs: Record<string, unknown> };
      expect(Object.keys(reportMeta.inputs).filter((file) => file.includes('ask-sdk'))).toEqual([]);
    } finally {
      if (table === undefined) delete process.env.SKILL_TABLE;
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
