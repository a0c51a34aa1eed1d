// Page object for the disk-full state (issue 12 §2): the frame's notice, the health pill and the
// waiting panel shown while the services wait for free space. Runs in the Playwright test process.
import { expect, type Locator, type Page } from '@playwright/test';

export class DiskFullPage {
  readonly notice: Locator;
  readonly pill: Locator;
  readonly waiting: Locator;
  constructor(readonly page: Page) {
    this.notice = page.getByTestId('disk-notice');
    this.pill = page.getByTestId('health-indicator');
    this.waiting = page.getByTestId('disk-waiting');
  }

  async expectFull(texts: { title: string; pill: string }): Promise<void> {
    await expect(this.notice).toHaveAttribute('data-state', 'full');
    await expect(this.notice.getByRole('heading', { name: texts.title })).toBeVisible();
    await expect(this.pill).toHaveText(texts.pill);
    await expect(this.pill).toHaveAttribute('data-state', 'down');
    await expect(this.waiting).toBeVisible();
  }
}
