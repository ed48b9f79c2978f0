import type { Locator, Page } from 'playwright-core';

/** Timeouts for a 2-core machine under load: workbench start took up to 10 s there, rows up to 3 s. */
export const WORKBENCH_TIMEOUT = 90_000;
export const ROW_TIMEOUT = 30_000;
/** How long the command palette may take to accept typing before it is opened again. */
const PALETTE_TIMEOUT = 5_000;

/** The parts of the workbench the test talks to, by the selectors that hold in Code 1.139. */
export class Workbench {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** Our activity-bar entry. */
  get activityIcon(): Locator {
    return this.page.locator('.part.activitybar [aria-label^="GenAuth Groups"]').first();
  }

  /**
   * Opens our view container unless it is open: the side bar comes back as it was left, sometimes
   * seconds after the workbench, and a click on an open container's icon would close it.
   */
  async openView(timeout = ROW_TIMEOUT): Promise<void> {
    const deadline = Date.now() + timeout;
    const item = this.page
      .locator('.part.activitybar .action-item')
      .filter({ has: this.page.locator('[aria-label^="GenAuth Groups"]') })
      .first();
    while (!(await this.view.isVisible())) {
      if (Date.now() > deadline) throw new Error(`the GenAuth Groups view did not open within ${timeout} ms`);
      const open = await item.evaluate((element) => element.classList.contains('checked')).catch(() => false);
      if (!open) await this.activityIcon.click();
      await this.page.waitForTimeout(1000);
    }
  }

  /** The view container of the extension. */
  get view(): Locator {
    return this.page.locator('[id="workbench.view.extension.genauthGroups"]');
  }

  /** The tree rows whose text contains `text`. */
  row(text: string | RegExp): Locator {
    return this.view.locator('[role="treeitem"]', { hasText: text });
  }

  /** Moves the tree's focus to its last row, which scrolls it into view (rows off screen are not rendered). */
  async scrollToEnd(): Promise<void> {
    await this.view.locator('.monaco-list').first().focus();
    await this.page.keyboard.press('End');
  }

  /**
   * Waits until the tree's last row matches `text`, scrolling to the end while it grows; returns
   * the milliseconds since `since`.
   */
  async untilLastRow(text: string | RegExp, since: number, timeout = ROW_TIMEOUT): Promise<number> {
    const deadline = Date.now() + timeout;
    for (;;) {
      await this.scrollToEnd();
      const last = await this.lastRowText().catch(() => '');
      if (typeof text === 'string' ? last.includes(text) : text.test(last)) return Date.now() - since;
      if (Date.now() > deadline) throw new Error(`no last row like ${String(text)} within ${timeout} ms`);
      await this.page.waitForTimeout(250);
    }
  }

  /**
   * The text of the last row rendered (after {@link scrollToEnd}, the tree's last row): rows are
   * recycled, so the highest `data-index` counts, not the DOM order; sticky headers are skipped.
   */
  lastRowText(): Promise<string> {
    return this.view.locator('.monaco-list-rows > [role="treeitem"]').evaluateAll((rows) => {
      const last = rows.reduce<Element | undefined>(
        (best, row) =>
          Number(row.getAttribute('data-index')) >= Number(best?.getAttribute('data-index') ?? -1)
            ? row
            : best,
        undefined,
      );
      return last?.textContent ?? '';
    });
  }

  /** Drags the side bar's edge so that it is `width` pixels wide, for readable screenshots. */
  async widenSideBar(width: number): Promise<void> {
    const box = await this.page.locator('.part.sidebar').boundingBox();
    if (!box) return;
    const edge = box.x + box.width;
    await this.page.mouse.move(edge + 1, box.y + box.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + width, box.y + box.height / 2, { steps: 5 });
    await this.page.mouse.up();
  }

  /** The open quick input's text box. */
  get quickInput(): Locator {
    return this.page.locator('.quick-input-widget .quick-input-box input');
  }

  /** Waits until a quick input titled like `title` is open, types `text` and presses Enter. */
  async answer(title: string | RegExp, text: string, pick?: string | RegExp): Promise<void> {
    await this.page
      .locator('.quick-input-widget .quick-input-title', { hasText: title })
      .waitFor({ timeout: ROW_TIMEOUT });
    await this.quickInput.fill(text);
    if (pick) {
      await this.page
        .locator('.quick-input-widget .monaco-list-row.focused', { hasText: pick })
        .waitFor({ timeout: ROW_TIMEOUT });
    }
    await this.page.keyboard.press('Enter');
  }

  /**
   * Goes through Add Connection's five input boxes, already open: host (its suggestion `pick`
   * chosen), access key id, scheme, secret (a password box) and label.
   */
  async addConnection(connection: {
    readonly host: string;
    readonly pick: string;
    readonly accessKeyId: string;
    readonly scheme: 'Signature' | 'Management token';
    readonly secret: string;
    readonly label: string;
  }): Promise<void> {
    await this.answer('(1/5)', connection.host, connection.pick);
    await this.answer('(2/5)', connection.accessKeyId);
    await this.answer('(3/5)', connection.scheme, connection.scheme);
    await this.answer('(4/5)', connection.secret);
    await this.answer('(5/5)', connection.label);
  }

  /** Runs a command from the command palette by its title. */
  async command(title: string): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.page.keyboard.press('F1');
        await this.quickInput.waitFor({ timeout: ROW_TIMEOUT });
        await this.quickInput.fill(`>${title}`, { timeout: PALETTE_TIMEOUT });
        // Clicked rather than Enter: a focus change that lands while the palette is open (the
        // tree settling after a page load) closes it, and Enter then goes to the tree (seen in
        // CI: it opened the last member's details instead of the command). A click on a row
        // that is gone fails, and the palette is opened again.
        await this.page
          .locator('.quick-input-widget .monaco-list-row.focused', { hasText: title })
          .click({ timeout: ROW_TIMEOUT });
        return;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  }

  /**
   * When a row of our tree containing `text` is first in the page (epoch ms, read in the page on
   * each animation frame, so without the driver's polling delay). Start it before what shows the row.
   */
  async rowShownAt(text: string, timeout = WORKBENCH_TIMEOUT): Promise<number> {
    const shown = await this.page.waitForFunction(
      (wanted) => {
        const view = document.getElementById('workbench.view.extension.genauthGroups');
        const rows = view?.querySelectorAll('[role="treeitem"]') ?? [];
        return [...rows].some((row) => row.textContent?.includes(wanted)) && Date.now();
      },
      text,
      { polling: 'raf', timeout },
    );
    return Number(await shown.jsonValue());
  }

  /** Waits for `locator`; returns the milliseconds it took since `since`. */
  async until(locator: Locator, since: number, timeout = ROW_TIMEOUT): Promise<number> {
    await locator.first().waitFor({ state: 'visible', timeout });
    return Date.now() - since;
  }

  /** The document of the active webview panel (two iframes deep). */
  get webview() {
    return this.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  }

  /** Right-clicks `row` and returns the labels of its context menu, which stays open. */
  async contextMenu(row: Locator): Promise<string[]> {
    await row.first().click({ button: 'right' });
    const items = this.page.getByRole('menuitem');
    await items.first().waitFor({ timeout: ROW_TIMEOUT });
    return (await items.allTextContents()).map((label) => label.trim());
  }

  /**
   * Clicks an item of the open context menu, and again while the menu stays open: once in CI a
   * click landed on the highlighted item (the tree had just redrawn a row) and the menu stayed
   * open, its command not run. The menu closes before its command runs, so a click on an item
   * still shown has not run it yet.
   */
  async menuItem(label: string): Promise<void> {
    const item = this.page.getByRole('menuitem', { name: label, exact: true });
    for (let attempt = 1; ; attempt += 1) {
      await item.click();
      try {
        await item.waitFor({ state: 'hidden', timeout: 3_000 });
        return;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  }

  /** The open modal dialog. */
  get dialog(): Locator {
    return this.page.locator('.monaco-dialog-box');
  }

  /** Waits for a modal dialog whose text matches `text`, and clicks its button `button`. */
  async confirm(text: string | RegExp, button: string): Promise<void> {
    await this.dialog.filter({ hasText: text }).waitFor({ timeout: ROW_TIMEOUT });
    await this.dialog.getByRole('button', { name: button, exact: true }).click();
    await this.dialog.waitFor({ state: 'hidden', timeout: ROW_TIMEOUT });
  }

  /** A row of the open quick input's list. */
  pickRow(text: string | RegExp): Locator {
    return this.page.locator('.quick-input-widget .monaco-list-row', { hasText: text });
  }

  /** Types `text` into an open multi-select quick input, waits for `row` and ticks it. */
  async searchAndTick(text: string, row: string | RegExp): Promise<void> {
    await this.quickInput.fill(text);
    const found = this.pickRow(row).first();
    await found.waitFor({ timeout: ROW_TIMEOUT });
    await found.getByRole('checkbox').or(found.locator('.monaco-checkbox')).first().click();
    await found
      .locator('[aria-checked="true"]')
      .or(found.and(this.page.locator('[aria-checked="true"]')))
      .first()
      .waitFor({ timeout: ROW_TIMEOUT });
  }
}
