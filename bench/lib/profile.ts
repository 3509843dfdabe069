// Where the time goes, from V8 CPU profiles (100 us sampling) written by the worker's inspector for
// one window each (the init, the first request, a stretch of warm turns). Profiles are taken of an
// unminified build of the same entry with the same esbuild options, so that V8's line ticks map
// through the source map to the original file; each sample's self time goes to the package or
// first-party folder of its line, and to the first-party file whose function was running it (the
// nearest lambda/ frame up the stack; top-level module code has none). Idle and (program) are left out.
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { moduleOf, ROOT } from './bundles';

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[]; positionTicks?: Array<{ line: number; ticks: number }> };
export type CpuProfile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

export type Attribution = {
  totalMs: number;
  /** Self time by where the running line is: a package, a first-party folder, Node's internals, V8. */
  byModule: Array<{ name: string; ms: number }>;
  /** The same, with Node-internal and native time charged to the bundle code that called into it. */
  byCallingModule: Array<{ name: string; ms: number }>;
  /** First-party self time by file, plus package time charged to the first-party function on the stack. */
  byFirstPartyFile: Array<{ name: string; ms: number }>;
};

export function readProfile(file: string): CpuProfile | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as CpuProfile) : null;
}

const FIRST_PARTY = /^(lambda|bench\/floor)\//;

export type Window = { fromUs: number; toUs: number };

/**
 * Attributes the profile's samples (all of them, or those inside `windows`, e.g. the handler's own
 * intervals). Line ticks cannot be windowed, so a node's windowed self time is split by its line ticks.
 */
export function attribute(profile: CpuProfile, bundleFile: string, options: { windows?: readonly Window[] } = {}): Attribution {
  const map = new SourceMap(JSON.parse(readFileSync(`${bundleFile}.map`, 'utf8')) as ConstructorParameters<typeof SourceMap>[0]);
  const bundleLines = readFileSync(bundleFile, 'utf8').split('\n');
  const bundleUrls = new Set([pathToFileURL(bundleFile).href, bundleFile]);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const lineSource = new Map<number, string>();
  /** The original file of a 0-based bundle line (its first non-blank column). */
  const sourceOfLine = (line: number): string => {
    const cached = lineSource.get(line);
    if (cached !== undefined) return cached;
    const text = bundleLines[line] ?? '';
    const column = Math.max(0, text.length - text.trimStart().length);
    const entry = map.findEntry(line, column) as { originalSource?: string };
    const original = entry.originalSource ?? '';
    const source =
      original === ''
        ? '(bundle helpers)'
        : path.relative(ROOT, original.startsWith('file:') ? new URL(original).pathname : path.resolve(path.dirname(bundleFile), original)).split(path.sep).join('/');
    lineSource.set(line, source);
    return source;
  };
  const inBundle = (node: ProfileNode) => bundleUrls.has(node.callFrame.url);
  const isWrapper = (node: ProfileNode) => inBundle(node) && node.callFrame.lineNumber === 0 && node.callFrame.functionName === '';
  const functionSource = (node: ProfileNode): string => {
    const { url, functionName, lineNumber } = node.callFrame;
    if (isWrapper(node)) return '(top-level module code)';
    if (inBundle(node)) return sourceOfLine(lineNumber);
    if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
    if (url.startsWith('node:')) return `(node: ${url.replace(/^node:(internal\/)?(deps\/)?/, '').split('/').slice(0, 2).join('/')})`;
    return `(other) ${path.basename(url)}`;
  };
  const moduleName = (source: string): string => (source.startsWith('(') ? source : moduleOf(source));
  const callingCache = new Map<number, string | null>();
  /** The module of the nearest bundle function up the stack (this node included), or null. */
  const callingModule = (nodeId: number): string | null => {
    if (callingCache.has(nodeId)) return callingCache.get(nodeId)!;
    let id: number | undefined = nodeId;
    let found: string | null = null;
    while (id !== undefined) {
      const node = byId.get(id)!;
      if (inBundle(node)) {
        found = isWrapper(node) ? '(top-level module code)' : moduleName(functionSource(node));
        break;
      }
      id = parent.get(id);
    }
    callingCache.set(nodeId, found);
    return found;
  };
  const callerCache = new Map<number, string>();
  const firstPartyCaller = (nodeId: number): string => {
    const cached = callerCache.get(nodeId);
    if (cached !== undefined) return cached;
    let id: number | undefined = nodeId;
    let found = '(no first-party function on the stack)';
    while (id !== undefined) {
      const node = byId.get(id)!;
      const source = functionSource(node);
      if (FIRST_PARTY.test(source)) {
        found = source;
        break;
      }
      if (source === '(top-level module code)') {
        found = source;
        break;
      }
      id = parent.get(id);
    }
    callerCache.set(nodeId, found);
    return found;
  };

  // Self time per node from the sample deltas, inside the windows if any.
  const windows = [...(options.windows ?? [])].sort((a, b) => a.fromUs - b.fromUs);
  let w = 0;
  const inWindow = (t: number): boolean => {
    if (windows.length === 0) return true;
    while (w < windows.length && windows[w]!.toUs < t) w += 1;
    return w < windows.length && windows[w]!.fromUs <= t;
  };
  const selfUs = new Map<number, number>();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i += 1) {
    t += profile.timeDeltas[i] ?? 0;
    if (!inWindow(t)) continue;
    const id = profile.samples[i]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  }
  const modules = new Map<string, number>();
  const calling = new Map<string, number>();
  const files = new Map<string, number>();
  let total = 0;
  const add = (m: Map<string, number>, key: string, us: number) => m.set(key, (m.get(key) ?? 0) + us);
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)' || node.callFrame.functionName === '(program)') continue;
    total += us;
    const ticks = inBundle(node) ? (node.positionTicks ?? []) : [];
    const tickSum = ticks.reduce((n, t) => n + t.ticks, 0);
    const caller = firstPartyCaller(id);
    if (tickSum === 0) {
      const own = moduleName(functionSource(node));
      add(modules, own, us);
      add(calling, inBundle(node) ? own : (callingModule(id) ?? own), us);
      add(files, caller, us);
      continue;
    }
    for (const tick of ticks) {
      const share = (us * tick.ticks) / tickSum;
      const source = sourceOfLine(tick.line - 1);
      add(modules, moduleName(source), share);
      add(calling, moduleName(source), share);
      add(files, FIRST_PARTY.test(source) ? source : caller, share);
    }
  }
  const list = (m: Map<string, number>) => [...m.entries()].map(([name, us]) => ({ name, ms: us / 1000 })).sort((a, b) => b.ms - a.ms);
  return { totalMs: total / 1000, byModule: list(modules), byCallingModule: list(calling), byFirstPartyFile: list(files) };
}
