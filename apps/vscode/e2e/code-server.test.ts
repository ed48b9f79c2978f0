import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeRunDir } from './code-server.ts';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('makeRunDir', () => {
  it('removes earlier runs whose process is gone, and leaves those of runs still going', () => {
    const root = mkdtempSync(join(tmpdir(), 'run-dir-test-'));
    roots.push(root);
    const run = (name: string, owner?: number) => {
      mkdirSync(join(root, name));
      if (owner !== undefined) writeFileSync(join(root, name, 'owner'), String(owner));
      return join(root, name);
    };
    // A process that has exited: its pid names no process now (pids are not reused this fast).
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    const finished = run('run.finished', gone);
    const ownerless = run('run.ownerless');
    const going = run('run.going', process.pid);
    const otherKind = run('bench.other', gone);

    const dir = makeRunDir(root, 'run');

    expect([finished, ownerless].map(existsSync)).toEqual([false, false]);
    expect([going, otherKind].map(existsSync)).toEqual([true, true]);
    expect(dir.startsWith(join(root, 'run.'))).toBe(true);
    expect(readFileSync(join(dir, 'owner'), 'utf8')).toBe(String(process.pid));
  });
});
