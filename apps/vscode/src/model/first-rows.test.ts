import { describe, expect, it } from 'vitest';
import { FirstRowsProbe } from './first-rows.ts';
import type { TreeNode } from './nodes/tree-node.ts';
import { MemoryLog } from './test-harness.ts';

const node = (kind: string) => ({ kind }) as TreeNode;
const activated = { at: 1000, wallClock: Date.UTC(2026, 10, 30, 1, 29, 24, 317) };

describe('FirstRowsProbe', () => {
  it('stamps lines with their time since activation until the first group row goes to the view', () => {
    let clock = activated.at;
    const memory = new MemoryLog();
    const probe = new FirstRowsProbe(memory, activated, () => clock);
    const connection = node('connection');
    clock += 57;
    probe.log.info('Activated in 57 ms');
    clock += 200;
    probe.asked(undefined);
    probe.shown(connection, undefined);
    clock += 50;
    probe.asked(undefined);
    probe.asked(connection); // the connection's rows, one round trip later
    probe.log.warn('[A] something');
    probe.shown(node('status'), connection);
    probe.changed(connection); // the page came after a loading row
    clock += 130;
    probe.asked(connection); // asked again once the page came
    probe.shown(node('group'), connection);
    probe.shown(node('group'), connection);
    probe.log.error('[A] later');
    clock += 40;
    probe.changed(undefined);
    probe.asked(undefined); // not the first rows' list
    probe.asked(connection);
    probe.asked(connection); // logged once
    clock += FirstRowsProbe.SETTLE_MS;
    probe.changed(connection); // too late to be about the first rows
    expect(memory.lines).toEqual([
      'info [+57 ms] Activated in 57 ms',
      'info [+257 ms] View asked for rows',
      'warn [+307 ms] [A] something',
      'info [+437 ms] First rows, 130 ms after the view asked for them, 180 ms after the view asked for rows, 1 change(s) told to the view before, asked for them 2 time(s) (activation started at 2026-11-30T01:29:24.317Z)',
      'error [A] later',
      'info Told the view of a change (top level), 40 ms after the first rows',
      "info View asked for the first rows' list again, 40 ms after the first rows",
    ]);
  });

  it('logs first rows the view did not ask for (a reveal, say)', () => {
    let clock = activated.at;
    const memory = new MemoryLog();
    const probe = new FirstRowsProbe(memory, activated, () => clock);
    clock += 40;
    probe.shown(node('group'), node('connection'));
    expect(memory.lines).toEqual([
      'info [+40 ms] First rows, 0 change(s) told to the view before, asked for them 0 time(s) (activation started at 2026-11-30T01:29:24.317Z)',
    ]);
  });
});
