// Page object for results: search, the list, one result's detail, images on demand, the PDF.
// Runs in the Playwright test process.
import { expect, type Locator, type Page } from '@playwright/test';

export type VerdictId = 'accepted' | 'referred' | 'failed' | 'rejected' | 'no-validation' | 'processing' | 'undefined';

export class ResultsPage {
  readonly screen: Locator;
  readonly list: Locator;
  readonly count: Locator;
  readonly detail: Locator;
  readonly overall: Locator;
  constructor(readonly page: Page) {
    this.screen = page.getByTestId('results-screen');
    this.list = page.getByTestId('results-list');
    this.count = page.getByTestId('results-count');
    this.detail = page.getByTestId('result-detail');
    this.overall = page.getByTestId('result-overall');
  }

  async expectShown(): Promise<void> {
    await expect(this.screen).toBeVisible();
  }

  /** Fills the search form (only the given parts; dates as yyyy-mm-dd) and searches. */
  async search(filter: { name?: string; verdict?: VerdictId | ''; from?: string; to?: string }): Promise<void> {
    if (filter.name !== undefined) await this.page.getByTestId('results-name').fill(filter.name);
    if (filter.verdict !== undefined) await this.page.getByTestId('results-verdict').selectOption(filter.verdict);
    if (filter.from !== undefined) await this.page.getByTestId('results-from').fill(filter.from);
    if (filter.to !== undefined) await this.page.getByTestId('results-to').fill(filter.to);
    await this.page.getByTestId('results-submit').click();
    await expect(this.count).toContainText('Applications found');
  }

  /** The list's rows, each a button naming the visitor, reference, time and verdict. */
  rows(): Locator {
    return this.list.getByRole('listitem');
  }

  /** A row by its local reference (from the receipt). */
  row(localReference: string): Locator {
    return this.list.getByRole('button', { name: new RegExp(localReference) });
  }

  async open(localReference: string): Promise<void> {
    await this.row(localReference).click();
    await expect(this.overall).toBeVisible();
  }

  /** Waits until the open result shows this overall verdict (results may arrive after polling). */
  async expectVerdict(verdict: VerdictId, timeout = 30_000): Promise<void> {
    await expect(this.overall).toHaveAttribute('data-verdict', verdict, { timeout });
  }

  documentVerdict(index: number): Locator {
    return this.page.getByTestId(`result-document-${index}`);
  }

  async showImage(label: string): Promise<void> {
    await this.page.getByRole('button', { name: `Show ${label}` }).click();
    await expect(this.detail.getByRole('img', { name: label }).first()).toBeVisible();
  }

  async openPdf(): Promise<void> {
    await this.page.getByTestId('open-pdf').click();
    await expect(this.page.getByTestId('pdf-frame')).toHaveAttribute('src', /^blob:/);
  }

  async closePdf(): Promise<void> {
    await this.page.getByTestId('close-pdf').click();
  }

  async back(): Promise<void> {
    await this.page.getByTestId('result-back').click();
    await this.expectShown();
  }
}
