import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The menus of package.json, checked where a mistake would not show until someone clicks.
interface MenuEntry {
  readonly command: string;
  readonly when?: string;
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: { menus: Record<string, MenuEntry[]> };
};
const menus = manifest.contributes.menus;
const commandsOf = (menu: string) => (menus[menu] ?? []).map((entry) => entry.command);

describe('menus', () => {
  it("offers the title bar a Refresh that reloads every connection, not the focused row's", () => {
    // VS Code passes the focused row to view/title commands: `refresh` would reload that row only.
    expect(commandsOf('view/title')).toContain('genauthGroups.refreshAll');
    expect(commandsOf('view/title')).not.toContain('genauthGroups.refresh');
    expect(commandsOf('view/item/context')).toContain('genauthGroups.refresh');
  });

  it('offers write commands only on rows of connections that allow changes, and nowhere else', () => {
    const writes = ['newGroup', 'editGroup', 'deleteGroup', 'addMembers', 'removeMembers'].map(
      (name) => `genauthGroups.${name}`,
    );
    const entries = Object.entries(menus).flatMap(([menu, list]) =>
      list.filter((entry) => writes.includes(entry.command)).map((entry) => ({ menu, ...entry })),
    );
    expect(entries.length).toBeGreaterThan(writes.length);
    for (const entry of entries) {
      const guarded =
        entry.when === 'false' ||
        /viewItem =~ \/\\bwritable\\b\//.test(entry.when ?? '') ||
        /\bgenauthGroups\.anyWritable\b/.test(entry.when ?? '');
      expect(guarded, `${entry.menu}: ${entry.command} when ${entry.when}`).toBe(true);
    }
  });
});
