// Page object for the idle warning and the lock screen. Runs in the Playwright test process.
// The idle time is the kiosk's setting (at least 30 s); tests that wait for the real lock should
// set it low in settings.json, or use Playwright's clock (page.clock) to move time on.
import { expect, type Locator, type Page } from '@playwright/test';

export class LockPage {
  readonly screen: Locator;
  readonly warning: Locator;
  constructor(readonly page: Page) {
    this.screen = page.getByTestId('lock-screen');
    this.warning = page.getByTestId('idle-warning');
  }

  async expectWarning(timeout = 60_000): Promise<void> {
    await expect(this.warning).toBeVisible({ timeout });
  }

  async stillHere(): Promise<void> {
    await this.page.getByTestId('idle-still-here').click();
    await expect(this.warning).toBeHidden();
  }

  async expectLocked(timeout = 90_000): Promise<void> {
    await expect(this.screen).toBeVisible({ timeout });
  }

  async unlockWithPin(pin: string): Promise<void> {
    await this.page.getByTestId('unlock-pin-input').fill(pin);
    await this.page.getByRole('button', { name: 'Unlock' }).click();
    await expect(this.screen).toBeHidden();
  }

  async unlockWithPassword(password: string): Promise<void> {
    if (!(await this.page.getByTestId('unlock-password').isVisible())) await this.page.getByRole('button', { name: 'Use my password instead' }).click();
    await this.page.getByTestId('unlock-password').fill(password);
    await this.page.getByRole('button', { name: 'Unlock' }).click();
    await expect(this.screen).toBeHidden();
  }

  async signOutAndStartAgain(): Promise<void> {
    await this.page.getByTestId('lock-start-again').click();
    await this.page.getByTestId('lock-start-again-dialog').getByRole('button', { name: 'Sign out' }).click();
    await expect(this.page.getByTestId('sign-in-screen')).toBeVisible();
  }
}
