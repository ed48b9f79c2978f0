// The way to the first group rows after a window reload, part by part, read from the extension's
// log of that session and the moment the page showed the first row. Until its first rows, the
// extension stamps each line with its time since activation (`[+2866 ms] ...`; the editor's own
// line times are those of the channel opening, late), and the first-rows line says when
// activation started by the wall clock, which lines the page's clock up with the extension's.
// Printed by run.ts so that a regression shows which part grew; nothing here is a timed assertion.

/** One step towards the first rows, in milliseconds relative to the view asking for the group rows. */
export interface FirstRowsStep {
  readonly step: string;
  readonly at: number;
  /** What the log says the step took, when it says (e.g. the secret read). */
  readonly note?: string;
}

/** The steps, and the figures the issue sets a target on. */
export interface FirstRowsTimeline {
  readonly steps: readonly FirstRowsStep[];
  /** From the view asking for the group rows (the connection's children) to the first on screen. */
  readonly askToScreenMs: number;
  /** From the view's first ask (the top level) to the first group row on screen. */
  readonly firstAskToScreenMs: number;
  /** The page request's round trip, as the extension's fetch saw it. */
  readonly roundTripMs: number;
  /** How many times the view was told of a change before the first rows. */
  readonly changesBefore: number;
  /** How many times in the seconds after them (each makes the editor fetch rows again). */
  readonly changesAfter: number;
  /** Whether the view asked for the first rows' list again in the seconds after them. */
  readonly askedAgain: boolean;
  /** How many times the view asked for the first rows' list until they went to it. */
  readonly asks: number;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The timeline of one extension host session's first rows on the connection `label`.
 * @param log that session's log file.
 * @param onScreenAt when the page first showed a group row (epoch ms).
 * @throws when a line the extension should have logged is missing.
 */
export function firstRowsTimeline(log: string, label: string, onScreenAt: number): FirstRowsTimeline {
  const stamped = [...log.matchAll(/\[\+(\d+) ms\] (.*)$/gm)].map((match) => ({
    at: Number(match[1]),
    text: match[2] ?? '',
  }));
  const find = (pattern: RegExp, what: string) => {
    for (const line of stamped) {
      const match = pattern.exec(line.text);
      if (match) return { at: line.at, text: line.text, values: match.slice(1) };
    }
    throw new Error(`the extension log has no line for ${what}`);
  };
  const tag = `\\[${escapeRegExp(label)}\\]`;
  const activated = find(/^Activated in (\d+) ms/, 'the activation');
  const asked = find(/^View asked for rows/, 'the view asking');
  const ready = find(
    new RegExp(`^${tag} client ready: secret read (\\d+) ms, setup (\\d+) ms`),
    'the client setup',
  );
  const http = find(new RegExp(`^${tag} GET /api/v3/list-groups → HTTP 200, (\\d+) ms`), 'the page request');
  const page = find(new RegExp(`^${tag} listGroups page 1: .* (\\d+) ms$`), 'the first page');
  const rows = find(
    /^First rows, (\d+) ms after the view asked for them.* \(activation started at (\S+)\)$/,
    'the first rows',
  );
  // Logged after the first rows, so without a stamp: their time is since the first rows.
  const afterRows = (pattern: RegExp) =>
    [...log.matchAll(pattern)].map((match) => rows.at + Number(match[1]));
  const changesAfter = afterRows(/Told the view of a change \(.*\), (\d+) ms after the first rows$/gm);
  const askedAgain = afterRows(/View asked for the first rows' list again, (\d+) ms after the first rows$/gm);
  const number = (value: string | undefined) => Number(value ?? Number.NaN);
  const [secretMs, setupMs] = ready.values.map(number);
  const roundTripMs = number(http.values[0]);
  const wallClock = Date.parse(rows.values[1] ?? '');
  const origin = rows.at - number(rows.values[0]);
  const steps: FirstRowsStep[] = [
    { step: 'activation started', at: -origin },
    { step: 'activation done', at: activated.at - origin },
    {
      step: 'secret read started',
      at: ready.at - (secretMs ?? 0) - (setupMs ?? 0) - origin,
      note: `${secretMs} ms`,
    },
    { step: 'client ready', at: ready.at - origin, note: `setup ${setupMs} ms` },
    { step: 'view asked for rows', at: asked.at - origin },
    { step: 'view asked for the group rows', at: 0 },
    { step: 'page 1 called', at: page.at - number(page.values[0]) - origin },
    { step: 'page 1 request sent', at: http.at - roundTripMs - origin },
    { step: 'page 1 reply', at: http.at - origin, note: `round trip ${roundTripMs} ms` },
    { step: 'page 1 read', at: page.at - origin },
    { step: 'rows to the view', at: rows.at - origin },
    { step: 'rows on screen', at: Math.round(onScreenAt - wallClock) - origin },
  ];
  const token = stamped.find((line) =>
    new RegExp(`^${tag} POST /api/v3/get-management-token → `).test(line.text),
  );
  if (token) steps.push({ step: 'management token reply', at: token.at - origin });
  for (const at of changesAfter) steps.push({ step: 'view told of a change', at: at - origin });
  for (const at of askedAgain) steps.push({ step: 'view asked again', at: at - origin });
  steps.sort((a, b) => a.at - b.at);
  const onScreen = steps.find(({ step }) => step === 'rows on screen')?.at ?? Number.NaN;
  return {
    steps,
    askToScreenMs: onScreen,
    firstAskToScreenMs: onScreen - (asked.at - origin),
    roundTripMs,
    changesBefore: Number(/, (\d+) change\(s\) told to the view before/.exec(rows.text)?.[1] ?? 0),
    changesAfter: changesAfter.length,
    askedAgain: askedAgain.length > 0,
    asks: Number(/, asked for them (\d+) time\(s\)/.exec(rows.text)?.[1] ?? 1),
  };
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
