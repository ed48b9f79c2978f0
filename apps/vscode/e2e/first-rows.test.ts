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
2026-11-30 01:29:28.082 [info] [+4650 ms] First rows, 4 ms after the view asked for them, 1784 ms after the view asked for rows, 1 change(s) told to the view before, asked for them 2 time(s) (activation started at 2026-11-30T01:29:24.317Z)
2026-11-30 01:29:28.090 [info] Told the view of a change (connection), 8 ms after the first rows
2026-11-30 01:29:28.300 [info] View asked for the first rows' list again, 210 ms after the first rows
2026-11-30 01:29:29.000 [info] [Local emulator] listGroups page 2: 50 items of 10007, 20 ms`;

describe('firstRowsTimeline', () => {
  it('puts each step relative to the view asking, the screen by the activation wall clock', () => {
    const onScreen = Date.parse('2026-11-30T01:29:24.317Z') + 4700;
    const timeline = firstRowsTimeline(log, 'Local emulator', onScreen);
    expect(timeline.steps.map(({ step, at }) => `${step} ${at}`)).toEqual(
      [
        'activation started -4646',
        'activation done -4589',
        'secret read started -4589',
        'client ready -2928',
        'view asked for rows -1780',
        'page 1 called -1886',
        'page 1 request sent -1866',
        'page 1 reply -1746',
        'page 1 read -1736',
        'view asked for the group rows 0',
        'rows to the view 4',
        'rows on screen 54',
        'view told of a change 12',
        'view asked again 214',
      ].sort((a, b) => Number(a.split(' ').at(-1)) - Number(b.split(' ').at(-1))),
    );
    expect(timeline).toMatchObject({
      askToScreenMs: 54,
      firstAskToScreenMs: 1834,
      roundTripMs: 120,
      changesBefore: 1,
      changesAfter: 1,
      askedAgain: true,
      asks: 2,
    });
    expect(formatTimeline(timeline)).toContain('  client ready                    -2928 ms  (setup 183 ms)');
    expect(() => firstRowsTimeline(log, 'Staging', onScreen)).toThrow('no line for the client setup');
  });
});
