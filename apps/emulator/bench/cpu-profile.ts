/**
 * Reads a CPU profile of the emulator (`BENCH_CPU_PROF=<dir> pnpm bench`, or any `--cpu-prof`
 * output) and prints where the time went once it served: each function's share of the samples
 * taken after start-up (seeding is left out), by self time, or by inclusive time with `--inclusive`.
 *
 * Run: `node bench/cpu-profile.ts <dir or .cpuprofile> [top=30] [--inclusive]`; a directory means
 * its newest profile.
 *
 * @module
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const args = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const inclusive = process.argv.includes('--inclusive');
const [target = '.', top = '30'] = args;
const file = statSync(target).isDirectory()
  ? join(
      target,
      readdirSync(target)
        .filter((name) => name.endsWith('.cpuprofile'))
        .sort()
        .at(-1) ?? '',
    )
  : target;
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parents = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);

/** A function's name and where it is: `listGroups src/store/store.ts:130`. */
function nameOf(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url.replace(/^.*\/node_modules\//, '').replace(/^.*\/apps\/emulator\//, '');
  return `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
}

function stackOf(id: number): ProfileNode[] {
  const stack: ProfileNode[] = [];
  for (let node = nodes.get(id); node; node = nodes.get(parents.get(node.id) ?? -1)) stack.push(node);
  return stack;
}

// Start-up ends with the last sample taken inside startEmulator (seeding included).
let first = 0;
profile.samples.forEach((id, index) => {
  if (stackOf(id).some((node) => node.callFrame.functionName === 'startEmulator')) first = index + 1;
});

const shares = new Map<string, number>();
let total = 0;
for (let index = first; index < profile.samples.length; index++) {
  // A sample's time is the delta to the next one.
  const time = profile.timeDeltas[index + 1] ?? 0;
  total += time;
  const stack = stackOf(profile.samples[index] as number);
  const names = inclusive ? new Set(stack.map(nameOf)) : [nameOf(stack[0] as ProfileNode)];
  for (const name of names) shares.set(name, (shares.get(name) ?? 0) + time);
}

console.log(
  `${file}: ${(total / 1e6).toFixed(1)} s after start-up, ${inclusive ? 'inclusive' : 'self'} time`,
);
for (const [name, time] of [...shares].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) {
  console.log(`${((100 * time) / total).toFixed(1).padStart(5)} %  ${name}`);
}
