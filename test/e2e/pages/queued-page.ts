// Page object for queued (prepared) applications: list, pick one, capture into it.
// Runs in the Playwright test process.
import { expect, type Locator, type Page } from '@playwright/test';
import type { DocumentTypeId } from './capture-page';

export class QueuedPage {
  readonly screen: Locator;
  readonly list: Locator;
  constructor(readonly page: Page) {
    this.screen = page.getByTestId('queued-screen');
    this.list = page.getByTestId('queued-list');
  }

  async expectShown(): Promise<void> {
    await expect(this.screen).toBeVisible();
  }

  async refresh(): Promise<void> {
    await this.page.getByTestId('queued-refresh').click();
  }

  item(name: string): Locator {
    return this.list.getByRole('listitem').filter({ hasText: name });
  }

  /** Picks the application by the visitor's name and starts capturing the given document into it. */
  async captureFor(name: string, type: DocumentTypeId): Promise<void> {
    await this.page.getByRole('button', { name: `Capture documents for ${name}` }).click();
    await this.item(name).getByTestId(`type-${type}`).click();
    await expect(this.page.getByTestId('capture-queued')).toContainText(name);
  }
}
