// Page object for the receipt after Submit and Finish. Runs in the Playwright test process.
import { expect, type Locator, type Page } from '@playwright/test';

export class ReceiptPage {
  readonly receipt: Locator;
  readonly reference: Locator;
  constructor(readonly page: Page) {
    this.receipt = page.getByTestId('receipt');
    this.reference = page.getByTestId('receipt-reference');
  }

  async expectShown(timeout = 30_000): Promise<void> {
    await expect(this.receipt).toBeVisible({ timeout });
  }

  /** The local reference staff read to the visitor. */
  async localReference(): Promise<string> {
    return ((await this.reference.textContent()) ?? '').trim();
  }

  /** Whether the check was saved for later sync (offline) rather than sent right away. */
  async wasQueued(): Promise<boolean> {
    return (await this.receipt.getAttribute('data-queued')) === 'true';
  }

  /** Finish: forgets the visitor and returns home. */
  async finish(): Promise<void> {
    await this.page.getByTestId('finish').click();
    await expect(this.receipt).toBeHidden();
    await expect(this.page.getByTestId('home-screen')).toBeVisible();
  }
}
