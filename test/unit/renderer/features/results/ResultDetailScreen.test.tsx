// A result in a DOM against a fake bridge: verdict, facts, images on demand, PDF, forgetting.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ResultDetail } from '../../../../../preload/contract';
import { useNavigation } from '../../../../../renderer/src/app/navigation-store';
import { setImageDecoder, useMediaStore } from '../../../../../renderer/src/stores/media-store';
import { useResultsStore } from '../../../../../renderer/src/stores/results-store';
import { recordingDecoder } from '../capture/capture-fixtures';
import { detail, openResults, freshResultsDom } from './results-fixtures';

freshResultsDom();

describe('result detail', () => {
  it('explains the overall verdict and each document’s, with failed facts first in plain words', async () => {
    openResults({}, 'result-detail', { id: 'r2' });
    const overall = await screen.findByTestId('result-overall');
    expect(overall.dataset.verdict).toBe('failed');
    expect(overall.textContent).toContain('Do not accept this document');
    expect(screen.getByTestId('result-attention')).toBeTruthy();
    const doc = screen.getByTestId('result-document-0');
    expect(within(doc).getByTestId('failed-facts-0').textContent).toContain('The check digit of the document number does not match.');
    expect(within(doc).getByTestId('passed-facts-0').textContent).toContain('Document expiry');
    expect(within(doc).getByTestId('passed-facts-0').textContent).toContain('Passed.');
    expect(within(doc).getByText('ERIKSSON')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Result K7-2042');
  });

  it('shows a guest application’s origin, reference, and the guest’s name and e-mail as TrustID stored them', async () => {
    const guest: ResultDetail = { ...detail, origin: 'guest_link', localReference: 'REF-77', guest: { name: 'Gwen Guest', email: 'gwen@example.org' }, fields: [{ label: 'Visitor reference', value: 'V-12' }] };
    openResults({ 'results.get': guest }, 'result-detail', { id: 'r2' });
    const box = await screen.findByTestId('result-guest');
    expect(box.textContent).toContain('Gwen Guest');
    expect(box.textContent).toContain('gwen@example.org');
    expect(screen.getByTestId('result-meta').textContent).toContain('Started: Guest link');
    expect(screen.getByTestId('result-meta').textContent).toContain('REF-77');
    expect(screen.getByTestId('result-application-fields').textContent).toContain('V-12');
  });

  it('fetches an image from TrustID only when staff ask for it', async () => {
    const { decoder, bitmaps } = recordingDecoder();
    setImageDecoder(decoder);
    const bridge = openResults({ 'results.image': { mime: 'image/jpeg', base64: 'front', width: 1200, height: 800 } }, 'result-detail', { id: 'r2' });
    await screen.findByTestId('result-overall');
    expect(bridge.calls.some(([c]) => c === 'results.image')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Show Front, white light' }));
    await waitFor(() => expect(bitmaps).toHaveLength(1));
    expect(bridge.calls).toContainEqual(['results.image', { id: 'r2', imageId: 'i1' }]);
    expect(within(screen.getByTestId('result-image-i1')).getByRole('img', { name: 'Front, white light' })).toBeTruthy();
  });

  it('opens the PDF report in an in-app view and lets it go on close', async () => {
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    const bridge = openResults({ 'results.pdf': { base64: 'JVBERi0xLjQ=' } }, 'result-detail', { id: 'r2' });
    fireEvent.click(await screen.findByTestId('open-pdf'));
    const frame = (await screen.findByTestId('pdf-frame')) as HTMLIFrameElement;
    expect(frame.getAttribute('src')).toMatch(/^blob:/);
    expect(bridge.calls).toContainEqual(['results.pdf', { id: 'r2' }]);
    const url = frame.getAttribute('src');
    fireEvent.click(screen.getByTestId('close-pdf'));
    expect(revoke).toHaveBeenCalledWith(url);
    expect(screen.queryByTestId('pdf-frame')).toBeNull();
  });

  it('releases the images and the report when staff leave the result', async () => {
    const { decoder, bitmaps } = recordingDecoder();
    setImageDecoder(decoder);
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    openResults({ 'results.image': { mime: 'image/jpeg', base64: 'front', width: 12, height: 8 }, 'results.pdf': { base64: 'JVBERi0xLjQ=' } }, 'result-detail', { id: 'r2' });
    fireEvent.click(await screen.findByRole('button', { name: 'Show Front, white light' }));
    fireEvent.click(screen.getByTestId('open-pdf'));
    const url = (await screen.findByTestId('pdf-frame')).getAttribute('src');
    await waitFor(() => expect(bitmaps).toHaveLength(1));
    act(() => useNavigation.getState().navigate('home'));
    expect(bitmaps[0]!.closed).toBe(true);
    expect(revoke).toHaveBeenCalledWith(url);
    expect(useMediaStore.getState()).toEqual({ images: {}, urls: {} });
    expect(useResultsStore.getState().detail).toBeNull();
  });

  it('says when TrustID no longer holds the images and report, and offers neither', async () => {
    openResults({ 'results.get': { ...detail, remoteAvailable: false } }, 'result-detail', { id: 'r2' });
    expect(await screen.findByTestId('result-remote-gone')).toBeTruthy();
    expect(screen.getByTestId('show-image-i1')).toHaveProperty('disabled', true);
    expect(screen.getByTestId('open-pdf')).toHaveProperty('disabled', true);
  });
});
