// The end-to-end walk of the write commands, on a connection to the emulator that allows changes:
// create a group, add two members found by search, see them, remove one, export the group to CSV
// and check the file, delete the group; then make the connection read-only and see that none of
// it is offered. Called by run.ts while the emulator is the only connection.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Workbench } from './workbench.ts';

const WRITES = ['New Group…', 'Add Members…', 'Edit Group…', 'Delete Group…', 'Remove from Group'];

/** What the walk needs from run.ts. */
export interface ManageContext {
  readonly wb: Workbench;
  readonly page: Page;
  /** The workbench's folder, where the export is saved by default. */
  readonly workspace: string;
  readonly step: (name: string) => void;
  readonly check: (condition: boolean, message: string) => void;
  readonly shot: (page: Page, name: string) => Promise<void>;
}

export async function manageGroups(context: ManageContext): Promise<void> {
  const { wb, page, workspace, step, check, shot } = context;

  // One connection: its groups are the top level, so the commands come from the palette.
  step('New Group…: code, name, description');
  await wb.command('GenAuth Groups: New Group…');
  await wb.answer('(1/3)', 'e2e-team');
  await wb.answer('(2/3)', 'E2E Team');
  await wb.answer('(3/3)', 'Made by the end-to-end test');
  const group = wb.row('E2E Team');
  await wb.until(group, Date.now());

  step('Add Members…: search the pool as you type, tick two users');
  check((await wb.contextMenu(group)).includes('Add Members…'), 'a group offers Add Members…');
  await wb.menuItem('Add Members…');
  await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: 'Add Members' }).waitFor();
  await wb.searchAndTick('alice', 'Alice Wang');
  await wb.searchAndTick('bob', 'Bob Li');
  // Alice stays listed and ticked while Bob is searched for.
  await wb.until(wb.pickRow('Alice Wang'), Date.now());
  await page.mouse.move(900, 700); // no hover tooltip in the picture
  await shot(page, '07-add-members');
  // The focus is on the last checkbox ticked, where Enter would untick it: accept with OK.
  await page.locator('.quick-input-widget').getByRole('button', { name: 'OK' }).click();

  step('see both members in the tree');
  await group.first().click();
  await wb.until(wb.row('Alice Wang'), Date.now());
  await wb.until(wb.row('Bob Li'), Date.now());
  await wb.until(wb.row(/E2E Team.*2 members/s), Date.now());

  step('Remove from Group: one member, confirmed');
  check(
    (await wb.contextMenu(wb.row('Bob Li'))).includes('Remove from Group'),
    'a member offers Remove from Group',
  );
  await wb.menuItem('Remove from Group');
  await wb.confirm(/Remove Bob Li from the group e2e-team/, 'Remove');
  await wb.row('Bob Li').first().waitFor({ state: 'detached', timeout: 30_000 });
  await wb.until(wb.row(/E2E Team.*1 member\b/s), Date.now());
  await page.mouse.move(900, 700);
  await shot(page, '08-group-members');

  step('export the group to CSV and check the file');
  await wb.contextMenu(group);
  await wb.menuItem('Export to CSV or JSON Lines…');
  await wb.answer('Export Format', 'CSV', 'CSV');
  // The save dialog proposes <workspace>/e2e-team-members.csv: accept it.
  await page
    .locator('.quick-input-widget .quick-input-title', { hasText: 'Export the Members of e2e-team' })
    .waitFor({ timeout: 30_000 });
  await page.locator('.quick-input-widget').getByRole('button', { name: 'OK' }).click();
  const file = join(workspace, 'e2e-team-members.csv');
  await wb.until(wb.page.locator('.tab', { hasText: 'e2e-team-members.csv' }), Date.now());
  const csv = readFileSync(file, 'utf8').split('\r\n');
  check(csv[0]?.startsWith('userId,username,name,') === true, 'the CSV starts with its header');
  check(
    csv.length === 3 && csv[2] === '' && csv[1]?.includes(',alice,Alice Wang,') === true,
    'the CSV holds alice only',
  );

  step('Delete Group…: the modal names the group and its member count');
  await wb.contextMenu(group);
  await wb.menuItem('Delete Group…');
  await wb.confirm(/E2E Team \(e2e-team\) and its 1 membership/, 'Delete');
  await group.first().waitFor({ state: 'detached', timeout: 30_000 });

  step('make the connection read-only: no write command anywhere');
  await wb.command('GenAuth Groups: Make Read-Only');
  // The switch goes to the settings, which reload the connection: its rows come back read-only.
  const deadline = Date.now() + 30_000;
  for (const row of [wb.row('team-10000'), wb.row('team-09999')]) {
    for (;;) {
      await wb.until(row, Date.now());
      const labels = await wb.contextMenu(row);
      await page.keyboard.press('Escape');
      const offered = labels.filter((label) => WRITES.includes(label));
      if (offered.length === 0) break;
      check(Date.now() < deadline, `a read-only connection still offers ${offered.join(', ')}`);
      await page.waitForTimeout(500);
    }
  }
}
