// The way to the first group rows after a window reload, part by part, read from the extension's
// log of that session (each line carries its wall-clock time) and the moment the browser saw the
// first row. Printed by run.ts, so that a regression shows which part grew; nothing here is a
// timed assertion.

/** One step towards the first rows, in milliseconds relative to the view asking for rows. */
export interface FirstRowsStep {
  readonly step: string;
  readonly at: number;
  /** What the log says the step took, when it says (e.g. the secret read). */
  readonly note?: string;
}

/** The steps, and the figure the issue sets a target for. */
export interface FirstRowsTimeline {
  readonly steps: readonly FirstRowsStep[];
  /** From the view asking to the first row on screen. */
  readonly askToScreenMs: number;
  /** The page request's round trip, as the extension's fetch saw it. */
  readonly roundTripMs: number;
}

interface LogLine {
  readonly at: number;
  readonly text: string;
}

/** The lines of a `LogOutputChannel` file (`2026-11-30 01:14:15.050 [info] ...`), with their times. */
function logLines(log: string): LogLine[] {
  return [...log.matchAll(/^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3}) \[\w+\] (.*)$/gm)].map((match) => ({
    // The log writes local time; this process runs on the same machine, in the same zone.
    at: new Date(`${match[1]}T${match[2]}`).getTime(),
    text: match[3] ?? '',
  }));
}

/**
 * The timeline of one extension host session's first rows on the connection `label`.
 * @param log that session's log file.
 * @param onScreenAt when the browser first showed a group row (epoch ms).
 * @throws when a line the extension should have logged is missing.
 */
export function firstRowsTimeline(log: string, label: string, onScreenAt: number): FirstRowsTimeline {
  const lines = logLines(log);
  const find = (pattern: RegExp, what: string) => {
    for (const line of lines) {
      const match = pattern.exec(line.text);
      if (match) return { at: line.at, values: match.slice(1).map(Number) };
    }
    throw new Error(`the extension log has no line for ${what}`);
  };
  const tag = `\\[${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\]`;
  const activated = find(/^Activated in (\d+) ms/, 'the activation');
  const asked = find(/^View asked for rows (\d+) ms after activation/, 'the view asking');
  const ready = find(
    new RegExp(`^${tag} client ready: secret read (\\d+) ms, setup (\\d+) ms`),
    'the client setup',
  );
  const http = find(new RegExp(`^${tag} GET /api/v3/list-groups → HTTP 200, (\\d+) ms`), 'the page request');
  const page = find(new RegExp(`^${tag} listGroups page 1: .* (\\d+) ms$`), 'the first page');
  const rows = find(/^First rows (\d+) ms after activation/, 'the first rows');
  const [roundTripMs = 0] = http.values;
  const [pageMs = 0] = page.values;
  const [secretMs, setupMs] = ready.values;
  const origin = asked.at;
  const steps: FirstRowsStep[] = [
    { step: 'activation started', at: activated.at - (activated.values[0] ?? 0) - origin },
    { step: 'activation done', at: activated.at - origin },
    { step: 'client ready', at: ready.at - origin, note: `secret read ${secretMs} ms, setup ${setupMs} ms` },
    { step: 'view asked for rows', at: 0 },
    { step: 'page 1 called', at: page.at - pageMs - origin },
    { step: 'page 1 request sent', at: http.at - roundTripMs - origin },
    { step: 'page 1 reply', at: http.at - origin, note: `round trip ${roundTripMs} ms` },
    { step: 'page 1 read', at: page.at - origin },
    { step: 'rows to the view', at: rows.at - origin },
    { step: 'rows on screen', at: onScreenAt - origin },
  ];
  const token = lines.find((line) =>
    new RegExp(`^${tag} POST /api/v3/get-management-token → HTTP \\d+, (\\d+) ms`).test(line.text),
  );
  if (token) steps.push({ step: 'management token', at: token.at - origin });
  steps.sort((a, b) => a.at - b.at);
  return { steps, askToScreenMs: onScreenAt - origin, roundTripMs };
}

/** The timeline as aligned text lines, one step a line. */
export function formatTimeline(timeline: FirstRowsTimeline): string {
  const width = Math.max(...timeline.steps.map(({ step }) => step.length));
  return timeline.steps
    .map(
      ({ step, at, note }) =>
        `  ${step.padEnd(width)} ${`${at >= 0 ? '+' : ''}${at}`.padStart(7)} ms${note ? `  (${note})` : ''}`,
    )
    .join('\n');
}
