import { describe, expect, it } from 'vitest';
import { FirstRowsProbe } from './first-rows.ts';
import type { TreeNode } from './nodes/tree-node.ts';
import { MemoryLog } from './test-harness.ts';

const node = (kind: TreeNode['kind']) => ({ kind }) as TreeNode;

describe('FirstRowsProbe', () => {
  it('logs when the view first asked and when the first group row went to it, once each', () => {
    let clock = 1000;
    const log = new MemoryLog();
    const probe = new FirstRowsProbe(log, clock, () => clock);
    clock += 40;
    probe.shown(node('group')); // before the view asked: a reveal, say; still the first rows
    expect(log.lines).toEqual(['info First rows 40 ms after activation']);
    const fresh = new MemoryLog();
    const second = new FirstRowsProbe(fresh, clock, () => clock);
    clock += 200;
    second.asked();
    clock += 50;
    second.asked();
    second.shown(node('status'));
    second.shown(node('connection'));
    clock += 130;
    second.shown(node('group'));
    second.shown(node('group'));
    expect(fresh.lines).toEqual([
      'info View asked for rows 200 ms after activation',
      'info First rows 380 ms after activation, 180 ms after the view asked',
    ]);
  });
});
