// Page object for guest links: create one, read its QR code's link, the stored list with states.
// Runs in the Playwright test process.
import { expect, type Locator, type Page } from '@playwright/test';

export class GuestPage {
  readonly screen: Locator;
  readonly qr: Locator;
  readonly url: Locator;
  constructor(readonly page: Page) {
    this.screen = page.getByTestId('guest-screen');
    this.qr = page.getByTestId('qr-code');
    this.url = page.getByTestId('guest-url');
  }

  async expectShown(): Promise<void> {
    await expect(this.screen).toBeVisible();
  }

  /** Creates a link and waits for its QR code; returns the link the code holds. */
  async create(name: string, email: string): Promise<string> {
    await this.page.getByTestId('guest-name').fill(name);
    await this.page.getByTestId('guest-email').fill(email);
    await this.page.getByTestId('guest-create').click();
    await expect(this.qr).toBeVisible();
    return (await this.qr.getAttribute('data-text')) ?? '';
  }

  async createAnother(): Promise<void> {
    await this.page.getByTestId('guest-another').click();
  }

  /** A link's row by the visitor's name; its `data-state` is the contract's state (waiting, result, …). */
  recent(name: string): Locator {
    return this.page.getByTestId('guest-list').getByRole('listitem').filter({ hasText: name });
  }
}
