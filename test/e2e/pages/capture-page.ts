// Page object for the capture screen's first stages: document type, scan steps, live MRZ, and the
// stage bar (scan / review / details). Runs in the Playwright test process.
import { expect, type Locator, type Page } from '@playwright/test';

export type DocumentTypeId = 'passport' | 'id-card' | 'driving-licence' | 'residence-permit' | 'other';
export type Side = 'front' | 'back';
export type Light = 'white' | 'ir' | 'uv';

export class CapturePage {
  readonly start: Locator;
  readonly scanStage: Locator;
  readonly guidance: Locator;
  readonly mrzStatus: Locator;
  readonly deviceLine: Locator;
  constructor(readonly page: Page) {
    this.start = page.getByTestId('capture-start');
    this.scanStage = page.getByTestId('scan-stage');
    this.guidance = page.getByTestId('scan-guidance');
    this.mrzStatus = page.getByTestId('mrz-status');
    this.deviceLine = page.getByTestId('device-line');
  }

  /** Chooses the document type on the start screen and waits for the first scan step. */
  async begin(type: DocumentTypeId): Promise<void> {
    await expect(this.start).toBeVisible();
    await this.start.getByTestId(`type-${type}`).click();
    await expect(this.scanStage).toBeVisible();
  }

  /** The side and light the screen is waiting for, or null when every step of the document is done. */
  async currentStep(): Promise<{ side: string; light: string } | null> {
    const step = this.page.getByTestId('scan-step');
    if (!(await step.isVisible())) return null;
    return { side: (await step.getAttribute('data-side')) ?? '', light: (await step.getAttribute('data-light')) ?? '' };
  }

  async expectStepCaptured(side: Side, light: Light, timeout = 15_000): Promise<void> {
    await expect(this.page.getByTestId(`step-${side}-${light}`)).toHaveAttribute('data-done', 'true', { timeout });
  }

  /** Presses Scan (readers with a trigger only). */
  async scan(): Promise<void> {
    await this.page.getByTestId('scan-button').click();
  }

  mrzField(name: string): Locator {
    return this.page.getByTestId(`mrz-field-${name}`);
  }

  /** Waits for an MRZ field to appear with its verdict; returns the row. */
  async expectMrzField(name: string, valid: boolean, timeout = 15_000): Promise<Locator> {
    const row = this.mrzField(name);
    await expect(row).toHaveAttribute('data-valid', String(valid), { timeout });
    return row;
  }

  async acceptCorrections(): Promise<void> {
    await this.page.getByTestId('accept-corrections').click();
    await expect(this.page.getByTestId('mrz-corrections')).toBeHidden();
  }

  /** Goes to a stage through the stage bar. */
  async goToStage(stage: 'scan' | 'review' | 'details'): Promise<void> {
    await this.page.getByTestId(`stage-${stage}`).click();
    await expect(this.page.getByTestId('capture-screen')).toHaveAttribute('data-stage', stage);
  }

  async expectStage(stage: 'scan' | 'review' | 'details', timeout = 15_000): Promise<void> {
    await expect(this.page.getByTestId('capture-screen')).toHaveAttribute('data-stage', stage, { timeout });
  }

  /** Cancels the whole check (confirmed), which deletes the draft and returns home. */
  async cancelCheck(): Promise<void> {
    await this.page.getByTestId('cancel-capture').click();
    await this.page.getByTestId('cancel-capture-dialog').getByRole('button', { name: 'Yes, cancel and delete' }).click();
  }

  /** Camera desks: takes a still from the live preview (Chromium's fake camera in tests). */
  async takeCameraPhoto(): Promise<void> {
    const panel = this.page.getByTestId('camera-panel');
    await expect(panel).toHaveAttribute('data-phase', /live|sent/, { timeout: 15_000 });
    await this.page.getByTestId('camera-take').click();
    await expect(panel).toHaveAttribute('data-phase', 'sent', { timeout: 15_000 });
  }
}
