// The bundles under test: the skill's (`npm run build`, unchanged) and the floor's, built with the
// very options the skill's build passes to esbuild (captured from that build), plus the worker.
import { spawnSync } from 'node:child_process';
import { BUNDLE_OPTIONS } from '../../scripts/build';
import { mkdirSync, readFileSync, statSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions, type Metafile } from 'esbuild';

export const ROOT = path.join(__dirname, '..', '..');
export const BENCH = path.join(ROOT, 'bench');
export const BUILD_DIR = path.join(BENCH, '.build');
export const SKILL_BUNDLE = path.join(ROOT, 'dist', 'lambda', 'index.js');
export const SKILL_META = path.join(ROOT, 'dist', 'meta.json');
export const FLOOR_BUNDLE = path.join(BUILD_DIR, 'floor', 'index.js');
export const FLOOR_META = path.join(BUILD_DIR, 'floor-meta.json');
export const WORKER_SCRIPT = path.join(BUILD_DIR, 'worker.js');
/** Unminified twins, for CPU profiles only: V8 reports ticks per line, and a minified bundle is a few long lines. */
export const PROFILE_BUNDLES = {
  skill: path.join(BUILD_DIR, 'profile', 'skill', 'index.js'),
  floor: path.join(BUILD_DIR, 'profile', 'floor', 'index.js'),
} as const;

/** scripts/build.ts's own options; used only if capturing them from the build fails. */
const FALLBACK_OPTIONS: BuildOptions = BUNDLE_OPTIONS;

export type SkillBuild = { options: BuildOptions; captured: boolean; buildMs: number };

/** Runs `npm run build` as it is, recording the options it hands to esbuild. */
export function buildSkillBundle(): SkillBuild {
  mkdirSync(BUILD_DIR, { recursive: true });
  const captureFile = path.join(BUILD_DIR, 'skill-esbuild-options.json');
  rmSync(captureFile, { force: true });
  const preload = path.join(BENCH, 'lib', 'capture-esbuild-options.cjs');
  const started = performance.now();
  const result = spawnSync('npm', ['run', '--silent', 'build'], {
    cwd: ROOT,
    env: { ...process.env, BENCH_CAPTURE_ESBUILD: captureFile, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${preload}`.trim() },
    encoding: 'utf8',
  });
  const buildMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
  if (!existsSync(captureFile)) return { options: FALLBACK_OPTIONS, captured: false, buildMs };
  const captured = JSON.parse(readFileSync(captureFile, 'utf8')) as BuildOptions;
  const { entryPoints: _entry, outfile: _out, outdir: _dir, ...options } = captured;
  void _entry;
  void _out;
  void _dir;
  return { options, captured: true, buildMs };
}

export async function buildFloorBundle(options: BuildOptions): Promise<void> {
  mkdirSync(path.dirname(FLOOR_BUNDLE), { recursive: true });
  const result = await build({
    ...options,
    entryPoints: [path.join(BENCH, 'floor', 'index.ts')],
    outfile: FLOOR_BUNDLE,
    metafile: true,
    absWorkingDir: ROOT,
  });
  writeFileSync(FLOOR_META, JSON.stringify(result.metafile));
}

export async function buildProfileBundles(options: BuildOptions): Promise<void> {
  for (const [variant, entry] of [
    ['skill', path.join(ROOT, 'lambda', 'index.ts')],
    ['floor', path.join(BENCH, 'floor', 'index.ts')],
  ] as const) {
    mkdirSync(path.dirname(PROFILE_BUNDLES[variant]), { recursive: true });
    await build({ ...options, entryPoints: [entry], outfile: PROFILE_BUNDLES[variant], minify: false, sourcemap: true, metafile: false, absWorkingDir: ROOT });
  }
}

export async function buildWorker(): Promise<void> {
  await build({
    entryPoints: [path.join(BENCH, 'runtime', 'worker.ts')],
    outfile: WORKER_SCRIPT,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    logLevel: 'warning',
  });
}

export type BundleSize = { rawBytes: number; gzipBytes: number };

export function bundleSize(file: string): BundleSize {
  const content = readFileSync(file);
  return { rawBytes: statSync(file).size, gzipBytes: gzipSync(content, { level: 9 }).length };
}

/** Bytes in the output per package (node_modules/<pkg>) or per source folder (lambda/<dir>). */
export function bytesByPackage(metaFile: string, outputFile: string): Array<{ module: string; bytes: number }> {
  const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Metafile;
  const relative = path.relative(ROOT, outputFile).split(path.sep).join('/');
  const output = meta.outputs[relative] ?? Object.values(meta.outputs).find((o) => o.entryPoint !== undefined);
  if (output === undefined) return [];
  const totals = new Map<string, number>();
  for (const [file, input] of Object.entries(output.inputs)) {
    const key = moduleOf(file);
    totals.set(key, (totals.get(key) ?? 0) + input.bytesInOutput);
  }
  return [...totals.entries()].map(([module, bytes]) => ({ module, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/** "node_modules/@smithy/core/dist-es/x.js" -> "@smithy/core"; "lambda/engine/x.ts" -> "lambda/engine". */
export function moduleOf(file: string): string {
  const normalized = file.split(path.sep).join('/');
  const at = normalized.lastIndexOf('node_modules/');
  if (at >= 0) {
    const parts = normalized.slice(at + 'node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const parts = normalized.replace(/^(\.\.\/)+/, '').split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

/** zod's share broken down by its own folders (locales, core, classic, ...). */
export function zodBreakdown(metaFile: string): Array<{ part: string; bytes: number }> {
  const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Metafile;
  const output = Object.values(meta.outputs).find((o) => o.entryPoint !== undefined);
  if (output === undefined) return [];
  const totals = new Map<string, number>();
  for (const [file, input] of Object.entries(output.inputs)) {
    const m = /node_modules\/zod\/(.*)$/.exec(file);
    if (m === null) continue;
    const segments = m[1]!.split('/');
    const part = segments.length > 2 ? `${segments[0]}/${segments[1]}` : segments[0]!;
    totals.set(part, (totals.get(part) ?? 0) + input.bytesInOutput);
  }
  return [...totals.entries()].map(([part, bytes]) => ({ part, bytes })).sort((a, b) => b.bytes - a.bytes);
}
