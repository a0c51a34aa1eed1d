// Page object for settings: the admin PIN gate, one section at a time (TrustID, staff, readers,
// image quality, security, kiosk, language, demo rehearsal), each with its Save. Language-neutral
// where it can be (test ids), so it works for Welsh screens too. Runs in the Playwright test process.
import { expect, type Locator, type Page } from '@playwright/test';

export type SettingsSection = 'trustid' | 'staff' | 'readers' | 'quality' | 'security' | 'kiosk' | 'language' | 'demo';

export class SettingsPage {
  readonly screen: Locator;
  constructor(readonly page: Page) {
    this.screen = page.getByTestId('settings-screen');
  }

  /** Passes the gate: sets the first admin PIN when none exists, else enters it (Enter submits). */
  async unlockWithAdminPin(pin: string): Promise<void> {
    const setFirst = this.page.getByTestId('settings-set-admin-pin');
    const gate = this.page.getByTestId('settings-admin-gate');
    await expect(setFirst.or(gate).or(this.screen)).toBeVisible();
    if (await setFirst.isVisible()) {
      await this.page.getByTestId('admin-pin-new-input').fill(pin);
      await this.page.getByTestId('admin-pin-new-input').press('Enter');
      await this.page.getByTestId('admin-pin-new-again-input').fill(pin);
      await this.page.getByTestId('admin-pin-new-again-input').press('Enter');
    } else if (await gate.isVisible()) {
      await this.page.getByTestId('admin-pin-input').fill(pin);
      await this.page.getByTestId('admin-pin-input').press('Enter');
    }
    await expect(this.screen).toBeVisible();
  }

  async open(section: SettingsSection): Promise<void> {
    await this.page.getByTestId(`settings-nav-${section}`).click();
    await expect(this.screen).toHaveAttribute('data-section', section);
  }

  /** TrustID section: chooses an environment and fills what is given (nothing is saved). */
  async enterEnvironment(name: 'Demo' | 'Sandbox' | 'Production' | 'Custom', opts: { url?: string; apiKey?: string; username?: string; password?: string } = {}): Promise<void> {
    await this.open('trustid');
    const section = this.page.getByTestId('settings-trustid');
    await section.getByRole('radio', { name: new RegExp(`^${name}`) }).check();
    if (opts.url) await section.getByTestId('settings-custom-url').fill(opts.url);
    if (opts.apiKey) await section.getByTestId('secret-trustid.apiKey-input').fill(opts.apiKey);
    if (opts.username) await section.getByTestId('secret-trustid.username-input').fill(opts.username);
    if (opts.password) await section.getByTestId('secret-trustid.password-input').fill(opts.password);
  }

  /** Presses Test connection and answers the outcome main gave (`data-outcome`). */
  async testConnection(): Promise<string> {
    await this.page.getByTestId('settings-trustid-test').click();
    const result = this.page.getByTestId('settings-trustid-test-result');
    await expect(result).toBeVisible({ timeout: 20_000 });
    return (await result.getAttribute('data-outcome')) ?? '';
  }

  saveButton(section: string): Locator {
    return this.page.getByTestId(`settings-${section}-save`);
  }

  async setIdleTimeout(seconds: number): Promise<void> {
    await this.open('kiosk');
    await this.page.locator('#settings-idle').selectOption(String(seconds));
    await this.saveButton('kiosk').click();
    await expect(this.page.getByTestId('settings-kiosk').getByRole('status').first()).not.toBeEmpty();
  }

  device(label: string): Locator {
    return this.page.getByTestId('settings-readers').getByRole('listitem', { name: label });
  }

  async testRead(label: string): Promise<void> {
    await this.device(label).getByTestId('device-test').click();
  }

  async addStaff(name: string, pin: string, role: 'staff' | 'admin' = 'staff'): Promise<void> {
    await this.open('staff');
    await this.page.getByTestId('staff-add').click();
    const dialog = this.page.getByTestId('staff-dialog');
    await dialog.getByLabel(/^Name/).fill(name);
    await dialog.getByLabel('Role').selectOption(role);
    await dialog.getByLabel(/^PIN\s*\*?$/).fill(pin);
    await dialog.getByLabel('PIN again').fill(pin);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
  }
}
