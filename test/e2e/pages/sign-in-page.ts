// Page object for the sign-in screen (personal and shared mode, offline PIN, lockout, password
// change, the offline-PIN offer after sign-in). Runs in the Playwright test process.
import { expect, type Locator, type Page } from '@playwright/test';

export class SignInPage {
  readonly screen: Locator;
  constructor(readonly page: Page) {
    this.screen = page.getByTestId('sign-in-screen');
  }

  async expectShown(): Promise<void> {
    await expect(this.screen).toBeVisible();
  }

  /** Personal mode, online: the staff member's own TrustID account. */
  async signInWithPassword(username: string, password: string): Promise<void> {
    await this.page.getByLabel('TrustID username').fill(username);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByTestId('sign-in-submit').click();
  }

  /** Personal mode, offline: username and the offline PIN, typed on the keyboard. */
  async signInWithOfflinePin(username: string, pin: string): Promise<void> {
    if (await this.page.getByTestId('sign-in-password').isVisible()) await this.page.getByRole('button', { name: 'Use my offline PIN' }).click();
    await this.page.getByLabel('TrustID username').fill(username);
    await this.enterPin('sign-in-pin', pin, 'Sign in');
  }

  /** Shared mode: pick the name, then the PIN on the pad (touch-style presses). */
  async signInAs(name: string, pin: string): Promise<void> {
    await this.page.getByRole('button', { name, exact: true }).click();
    await this.enterPin('sign-in-pin', pin, 'Sign in', { touch: true });
  }

  async changePassword(current: string, next: string): Promise<void> {
    await expect(this.page.getByTestId('change-password')).toBeVisible();
    await this.page.getByLabel('Current password').fill(current);
    await this.page.getByLabel('New password', { exact: true }).fill(next);
    await this.page.getByLabel('New password again').fill(next);
    await this.page.getByRole('button', { name: 'Change password and sign in' }).click();
  }

  async expectLockedOut(): Promise<void> {
    await expect(this.page.getByTestId('sign-in-locked')).toBeVisible();
  }

  async expectError(text: string | RegExp): Promise<void> {
    await expect(this.screen.getByRole('alert').filter({ hasText: text })).toBeVisible();
  }

  /** The "Set an offline PIN?" offer shown after a first online sign-in. */
  async setOfflinePin(pin: string): Promise<void> {
    const dialog = this.page.getByTestId('offline-pin-offer');
    await expect(dialog).toBeVisible();
    await this.enterPin('offline-pin', pin, 'Next');
    await this.enterPin('offline-pin-again', pin, 'Save offline PIN');
    await expect(dialog).toBeHidden();
  }

  async skipOfflinePin(): Promise<void> {
    await this.page.getByTestId('offline-pin-offer').getByRole('button', { name: 'Not now' }).click();
  }

  /** `pad` is the PinPad's testId; its field is `${pad}-input`. */
  private async enterPin(pad: string, pin: string, submit: string, opts: { touch?: boolean } = {}): Promise<void> {
    const field = this.page.getByTestId(`${pad}-input`);
    if (opts.touch) {
      for (const digit of pin) await this.page.getByRole('button', { name: digit, exact: true }).click();
    } else {
      await field.fill(pin);
    }
    await this.page.getByRole('button', { name: submit, exact: true }).click();
  }
}
