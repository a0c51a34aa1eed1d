// Page object for the capture's review stage and its details stage: image tabs, viewer (zoom,
// rotate, crop), quality checks, retake, documents, custom fields, photo check, Submit.
// Runs in the Playwright test process.
import { expect, type Locator, type Page } from '@playwright/test';
import type { DocumentTypeId, Light, Side } from './capture-page';

export class ReviewPage {
  readonly stage: Locator;
  readonly viewer: Locator;
  readonly zoom: Locator;
  readonly details: Locator;
  readonly submitButton: Locator;
  readonly blockers: Locator;
  constructor(readonly page: Page) {
    this.stage = page.getByTestId('review-stage');
    this.viewer = page.getByTestId('image-viewer');
    this.zoom = page.getByTestId('viewer-zoom');
    this.details = page.getByTestId('details-stage');
    this.submitButton = page.getByTestId('submit');
    this.blockers = page.getByTestId('submit-blockers');
  }

  async expectShown(timeout = 15_000): Promise<void> {
    await expect(this.stage).toBeVisible({ timeout });
  }

  tab(side: Side, light: Light): Locator {
    return this.page.getByTestId(`review-tab-${side}-${light}`);
  }

  async selectImage(side: Side, light: Light): Promise<void> {
    await this.tab(side, light).click();
    await expect(this.tab(side, light)).toHaveAttribute('aria-selected', 'true');
  }

  /** The id of the image open in the viewer (changes after a retake). */
  async openImageId(): Promise<string> {
    return (await this.page.getByTestId('image-review').getAttribute('data-image-id')) ?? '';
  }

  /** Waits until the viewer has the image's pixels (not only its reserved box). */
  async expectImageLoaded(timeout = 15_000): Promise<void> {
    await expect(this.viewer.locator('canvas')).toBeVisible({ timeout });
  }

  async zoomIn(times = 1): Promise<void> {
    for (let i = 0; i < times; i++) await this.page.getByRole('button', { name: 'Zoom in' }).click();
  }

  /** Zooms with the keyboard: focuses the viewer and presses + the given number of times. */
  async zoomWithKeys(times: number): Promise<void> {
    await this.viewer.focus();
    for (let i = 0; i < times; i++) await this.page.keyboard.press('+');
  }

  async expectZoom(percent: number): Promise<void> {
    await expect(this.zoom).toHaveText(`${percent} %`);
  }

  async rotate(): Promise<void> {
    await this.page.getByTestId('rotate').click();
  }

  /** Crops by moving the top-left corner with the keyboard (Shift+arrow = 5 % per press). */
  async cropFromTopLeft(stepsRight: number, stepsDown: number): Promise<void> {
    await this.page.getByTestId('crop-toggle').click();
    const corner = this.page.getByRole('button', { name: 'Top-left corner of the crop' });
    await corner.focus();
    for (let i = 0; i < stepsRight; i++) await this.page.keyboard.press('Shift+ArrowRight');
    for (let i = 0; i < stepsDown; i++) await this.page.keyboard.press('Shift+ArrowDown');
    await this.page.getByTestId('crop-toggle').click();
  }

  async saveAdjustments(): Promise<void> {
    await this.page.getByTestId('save-adjustment').click();
    await expect(this.page.getByTestId('adjust-status')).toHaveText('');
  }

  /** Retakes the open image; the capture goes back to scanning for just that step. */
  async retake(): Promise<void> {
    await this.page.getByTestId('retake').click();
    await expect(this.page.getByTestId('scan-stage')).toBeVisible();
  }

  quality(id: 'blur' | 'glare' | 'dark' | 'resolution'): Locator {
    return this.page.getByTestId(`quality-${id}`);
  }

  /** From review to the details stage (saving unsaved rotation/crop on the way). */
  async continueToDetails(): Promise<void> {
    await this.page.getByTestId('to-details').click();
    await expect(this.details).toBeVisible();
  }

  async addDocument(type: DocumentTypeId): Promise<void> {
    await this.page.getByTestId('add-document').click();
    await this.page.getByTestId('add-document-types').getByTestId(`type-${type}`).click();
    await expect(this.page.getByTestId('scan-stage')).toBeVisible();
  }

  /** Custom fields: fills one by its definition id (text, number, date, choice or boolean). */
  async setField(id: string, value: string | boolean): Promise<void> {
    const input = this.page.getByTestId(`field-${id}`);
    if (typeof value === 'boolean') await input.setChecked(value);
    else if ((await input.evaluate((el) => el.tagName)) === 'SELECT') await input.selectOption(value);
    else await input.fill(value);
  }

  async saveFields(): Promise<void> {
    await this.page.getByTestId('save-fields').click();
  }

  async confirmPerson(matches = true): Promise<void> {
    await this.page.getByTestId(matches ? 'person-yes' : 'person-no').click();
    if (matches) await expect(this.page.getByTestId('person-status')).toContainText('matches the photo');
  }

  async submit(): Promise<void> {
    await expect(this.submitButton).toBeEnabled();
    await this.submitButton.click();
  }
}
