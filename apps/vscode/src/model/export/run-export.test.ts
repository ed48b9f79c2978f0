import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Emulator, startEmulator } from '@genauth-groups/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatorEntry, treeHarness } from '../test-harness.ts';
import { groupsSource, membersSource } from './export-source.ts';
import { runExport } from './run-export.ts';

const SIZE = 230;
const TRICKY = [
  { username: 'formula', name: '=HYPERLINK("http://evil.example","click")' },
  { username: 'comma', name: 'Wang, Alice' },
  { username: 'quote', name: 'say "hi"' },
  { username: 'plus', name: '+1 555', nickname: '@admin' },
  { username: 'newline', name: 'two\nlines' },
];

let emulator: Emulator;
let dir: string;

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    demo: false,
    load: {
      groups: [
        { code: 'big', name: 'Big' },
        { code: 'evil', name: '-cmd|calc', description: '=1+1' },
      ],
      users: (function* () {
        for (const user of TRICKY) yield { ...user, groups: ['big'] };
        for (let i = TRICKY.length; i < SIZE; i++) yield { username: `member${i}`, groups: ['big'] };
      })(),
    },
  });
  dir = mkdtempSync(join(tmpdir(), 'genauth-export-'));
}, 30_000);
afterAll(async () => {
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

function harness() {
  const secrets = new Map([
    [`${emulator.url}|${emulator.credentials.accessKeyId}`, emulator.credentials.accessKeySecret],
  ]);
  return treeHarness({ entries: [emulatorEntry(emulator)], secrets });
}

/** A minimal RFC 4180 reader, to check that the file reads back as written. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted && char === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && char === '"') quoted = false;
    else if (quoted || (char !== '"' && char !== ',' && char !== '\r')) field += char;
    else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++; // the \n of CRLF
    }
  }
  return records;
}

// Each case makes several requests to the emulator: a loaded 2-core machine needs more than 5 s.
describe('runExport against the emulator', { timeout: 30_000 }, () => {
  it("streams a group's members to CSV, quoted, with formulas defused, paged through every page", async () => {
    const { registry, log } = harness();
    const api = await registry.api(registry.connections[0]?.id ?? '');
    const path = join(dir, 'big-members.csv');
    const progress: number[] = [];
    const count = await runExport(membersSource('big'), api, {
      path,
      format: 'csv',
      signal: new AbortController().signal,
      onProgress: (n) => progress.push(n),
      log,
      label: 'Emulator',
    });
    expect(count).toBe(SIZE);
    const records = parseCsv(readFileSync(path, 'utf8'));
    expect(records[0]).toEqual([
      'userId',
      'username',
      'name',
      'nickname',
      'email',
      'phone',
      'status',
      'externalId',
      'createdAt',
    ]);
    expect(records).toHaveLength(SIZE + 1);
    const byUsername = new Map(records.slice(1).map((record) => [record[1], record]));
    expect(new Set(byUsername.keys()).size).toBe(SIZE);
    expect(byUsername.get('formula')?.[2]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(byUsername.get('comma')?.[2]).toBe('Wang, Alice');
    expect(byUsername.get('quote')?.[2]).toBe('say "hi"');
    expect(byUsername.get('plus')?.slice(2, 4)).toEqual(["'+1 555", "'@admin"]);
    expect(byUsername.get('newline')?.[2]).toBe('two\nlines');
    // Progress came page by page, not once at the end.
    expect(progress.length).toBeGreaterThanOrEqual(4);
    expect(progress.at(-1)).toBe(SIZE);
    expect(
      log.lines.some((line) => /export members of big as csv to big-members\.csv: 230 rows/.test(line)),
    ).toBe(true);
  });

  it("writes a pool's groups as JSON Lines, one record per line", async () => {
    const { registry, log } = harness();
    const api = await registry.api(registry.connections[0]?.id ?? '');
    const path = join(dir, 'groups.jsonl');
    const count = await runExport(groupsSource('Emulator', undefined), api, {
      path,
      format: 'jsonl',
      signal: new AbortController().signal,
      log,
      label: 'Emulator',
    });
    const lines = readFileSync(path, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(count).toBe(2);
    expect(lines.map((group) => group.code).sort()).toEqual(['big', 'evil']);
    expect(lines.find((group) => group.code === 'evil')).toMatchObject({
      name: '-cmd|calc',
      description: '=1+1',
    });
  });

  it('stops when cancelled and leaves no file behind', async () => {
    const { registry, log } = harness();
    const api = await registry.api(registry.connections[0]?.id ?? '');
    const path = join(dir, 'cancelled.csv');
    const controller = new AbortController();
    const run = runExport(membersSource('big'), api, {
      path,
      format: 'csv',
      signal: controller.signal,
      onProgress: (n) => {
        if (n >= 50) controller.abort();
      },
      log,
      label: 'Emulator',
    });
    await expect(run).rejects.toThrow();
    expect(readdirSync(dir).filter((name) => name.startsWith('cancelled'))).toEqual([]);
    expect(log.lines.some((line) => line.includes('cancelled, partial file removed'))).toBe(true);
  });

  it('reports a failure and leaves no file behind', async () => {
    const { registry, log } = harness();
    const api = await registry.api(registry.connections[0]?.id ?? '');
    const path = join(dir, 'missing-group.csv');
    const run = runExport(membersSource('no-such-group'), api, {
      path,
      format: 'csv',
      signal: new AbortController().signal,
      log,
      label: 'Emulator',
    });
    await expect(run).rejects.toThrow();
    expect(readdirSync(dir).filter((name) => name.startsWith('missing-group'))).toEqual([]);
    expect(
      log.lines.some((line) => line.startsWith('error') && line.includes('missing-group.csv failed')),
    ).toBe(true);
  });
});
