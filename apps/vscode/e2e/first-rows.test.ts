import { describe, expect, it } from 'vitest';
import { firstRowsTimeline, formatTimeline } from './first-rows.ts';

// A session's log as the extension writes it (the editor's own times are those of the channel
// opening: the same for the first lines).
const log = `2026-11-30 01:29:27.388 [info] [+57 ms] Activated in 57 ms: 2 connection(s), page size 50
2026-11-30 01:29:27.388 [info] [+1718 ms] [Local emulator] client ready: secret read 1478 ms, setup 183 ms
2026-11-30 01:29:27.388 [info] [+1725 ms] [Staging] POST /api/v3/get-management-token → HTTP 200, 1480 ms
2026-11-30 01:29:27.388 [info] [+2866 ms] View asked for rows
2026-11-30 01:29:27.566 [info] [+2900 ms] [Local emulator] GET /api/v3/list-groups → HTTP 200, 120 ms
2026-11-30 01:29:27.578 [info] [+2910 ms] [Local emulator] listGroups page 1: 50 items of 10007, 150 ms
2026-11-30 01:29:28.082 [info] [+2950 ms] First rows, 84 ms after the view asked (activation started at 2026-11-30T01:29:24.317Z)
2026-11-30 01:29:29.000 [info] [Local emulator] listGroups page 2: 50 items of 10007, 20 ms`;

describe('firstRowsTimeline', () => {
  it('puts each step relative to the view asking, the screen by the activation wall clock', () => {
    const onScreen = Date.parse('2026-11-30T01:29:24.317Z') + 3000;
    const timeline = firstRowsTimeline(log, 'Local emulator', onScreen);
    expect(timeline.steps.map(({ step, at }) => [step, at])).toEqual(
      [
        ['activation started', -2866],
        ['activation done', -2809],
        ['secret read started', -2809],
        ['client ready', -1148],
        ['view asked for rows', 0],
        ['page 1 called', -106],
        ['page 1 request sent', -86],
        ['page 1 reply', 34],
        ['page 1 read', 44],
        ['rows to the view', 84],
        ['rows on screen', 134],
      ].sort((a, b) => Number(a[1]) - Number(b[1])),
    );
    expect(timeline).toMatchObject({ askToScreenMs: 134, roundTripMs: 120 });
    expect(formatTimeline(timeline)).toContain('  client ready          -1148 ms  (setup 183 ms)');
    expect(() => firstRowsTimeline(log, 'Staging', onScreen)).toThrow('no line for the client setup');
  });
});
