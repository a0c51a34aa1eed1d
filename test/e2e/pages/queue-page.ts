// Page object for the queue screen: items by local reference, their state words, progress,
// staff actions, Sync now, admin discard. Runs in the Playwright test process.
import { expect, type Locator, type Page } from '@playwright/test';

export class QueuePage {
  readonly screen: Locator;
  constructor(readonly page: Page) {
    this.screen = page.getByTestId('queue-screen');
  }

  async expectShown(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Queue' })).toBeVisible();
  }

  item(localReference: string): Locator {
    return this.screen.getByRole('listitem', { name: localReference });
  }

  /** Waits until the item reads `state` (e.g. "Saved on this kiosk", "Result ready"). */
  async expectState(localReference: string, state: string | RegExp, timeout = 30_000): Promise<void> {
    await expect(this.item(localReference).getByTestId('queue-item-state')).toContainText(state, { timeout });
  }

  async expectEmpty(): Promise<void> {
    await expect(this.screen.getByTestId('queue-empty')).toBeVisible();
  }

  async syncNow(): Promise<void> {
    await this.screen.getByTestId('queue-sync-now').click();
  }

  /** A staff action offered on the item; confirms when the action asks for it. */
  async act(localReference: string, actionLabel: string): Promise<void> {
    await this.item(localReference).getByRole('button', { name: actionLabel }).click();
    const dialog = this.page.getByRole('alertdialog');
    if (await dialog.isVisible()) await dialog.getByRole('button', { name: actionLabel }).click();
  }

  async openResult(localReference: string): Promise<void> {
    await this.item(localReference).getByTestId('queue-open-result').click();
  }

  /** `reasonLabel` is the reason's visible words, e.g. "The visitor left or withdrew". */
  async discard(localReference: string, reasonLabel: string): Promise<void> {
    await this.item(localReference).getByTestId('queue-discard').click();
    const dialog = this.page.getByTestId('queue-discard-dialog');
    await dialog.getByLabel(reasonLabel).check();
    await dialog.getByRole('button', { name: 'Discard application' }).click();
    await expect(dialog).toBeHidden();
  }
}
