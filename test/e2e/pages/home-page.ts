// Page object for home and the frame around every screen (sync pill, staff name, sign-out, Home).
// Runs in the Playwright test process.
import { expect, type Locator, type Page } from '@playwright/test';

export type HomeTile = 'newCheck' | 'queue' | 'results' | 'guest' | 'queued' | 'queuedPrepare' | 'settings';

export class HomePage {
  readonly screen: Locator;
  readonly syncPill: Locator;
  readonly staffName: Locator;
  constructor(readonly page: Page) {
    this.screen = page.getByTestId('home-screen');
    this.syncPill = page.getByTestId('sync-pill');
    this.staffName = page.getByTestId('staff-name');
  }

  async expectShown(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Ready for the next visitor' })).toBeVisible();
  }

  async open(tile: HomeTile): Promise<void> {
    await this.page.getByTestId(`tile-${tile}`).click();
  }

  /** From any screen, back home through the frame. */
  async goHome(): Promise<void> {
    await this.page.getByTestId('frame-home').click();
    await this.expectShown();
  }

  async expectSync(text: string | RegExp): Promise<void> {
    await expect(this.syncPill).toContainText(text);
  }

  async signOut(): Promise<void> {
    await this.page.getByTestId('sign-out').click();
    await this.page.getByTestId('sign-out-dialog').getByRole('button', { name: 'Sign out' }).click();
    await expect(this.page.getByTestId('sign-in-screen')).toBeVisible();
  }
}
