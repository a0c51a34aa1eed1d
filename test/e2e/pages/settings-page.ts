// Page object for settings: the admin PIN gate, TrustID environment and credentials, secret
// storage, readers, the kiosk section, staff accounts. Runs in the Playwright test process.
import { expect, type Locator, type Page } from '@playwright/test';

export class SettingsPage {
  readonly screen: Locator;
  constructor(readonly page: Page) {
    this.screen = page.getByTestId('settings-screen');
  }

  /** Passes the gate: sets the first admin PIN when none exists, else enters it. */
  async unlockWithAdminPin(pin: string): Promise<void> {
    const setFirst = this.page.getByTestId('settings-set-admin-pin');
    const gate = this.page.getByTestId('settings-admin-gate');
    await expect(setFirst.or(gate).or(this.screen)).toBeVisible();
    if (await setFirst.isVisible()) {
      await this.page.getByTestId('admin-pin-new-input').fill(pin);
      await this.page.getByRole('button', { name: 'Next' }).click();
      await this.page.getByTestId('admin-pin-new-again-input').fill(pin);
      await this.page.getByRole('button', { name: 'Save admin PIN' }).click();
    } else if (await gate.isVisible()) {
      await this.page.getByTestId('admin-pin-input').fill(pin);
      await this.page.getByRole('button', { name: 'Open settings' }).click();
    }
    await expect(this.screen).toBeVisible();
  }

  async chooseEnvironment(name: 'Demo' | 'Sandbox' | 'Production' | 'Custom', customUrl?: string): Promise<void> {
    const section = this.page.getByTestId('settings-trustid');
    await section.getByRole('radio', { name: new RegExp(`^${name}`) }).check();
    if (customUrl) await section.getByTestId('settings-custom-url').fill(customUrl);
    await section.getByTestId('settings-trustid-save').click();
    await expect(section.getByText('Saved.')).toBeVisible();
  }

  async setSecret(name: 'trustid.apiKey' | 'trustid.username' | 'trustid.password', value: string): Promise<void> {
    const field = this.page.getByTestId(`secret-${name}`);
    await field.locator('input[type="password"]').fill(value);
    await field.getByRole('button', { name: 'Save' }).click();
    await expect(field.getByTestId(`secret-${name}-status`)).toContainText('Set');
  }

  secretStatus(name: 'trustid.apiKey' | 'trustid.username' | 'trustid.password'): Locator {
    return this.page.getByTestId(`secret-${name}-status`);
  }

  async setIdleTimeout(seconds: number): Promise<void> {
    const section = this.page.getByTestId('settings-kiosk');
    await section.getByLabel('Lock the screen after').selectOption(String(seconds));
    await section.getByTestId('settings-kiosk-save').click();
    await expect(section.getByText('Saved.')).toBeVisible();
  }

  async setLanguage(language: 'en' | 'cy'): Promise<void> {
    const section = this.page.getByTestId('settings-kiosk');
    await section.getByLabel('Language').selectOption(language);
    await section.getByTestId('settings-kiosk-save').click();
  }

  device(label: string): Locator {
    return this.page.getByTestId('settings-readers').getByRole('listitem', { name: label });
  }

  async testRead(label: string): Promise<void> {
    await this.device(label).getByTestId('device-test').click();
  }

  async addStaff(name: string, pin: string, role: 'staff' | 'admin' = 'staff'): Promise<void> {
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
