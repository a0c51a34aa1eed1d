// The capture journey's new states in a DOM against a fake bridge (issues 10 §1, 11 §1–§2): the
// unfinished check met when starting one, the documents of two people, the submitted screen
// following its application to the verdict, and the result notice in the frame.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureDraft, SessionView } from '../../../../preload/contract';
import { useNavigation } from '../../../../renderer/src/app/navigation-store';
import { resetVisitor } from '../../../../renderer/src/app/visitor-reset';
import { setBridge } from '../../../../renderer/src/bridge';
import { ResultNotice } from '../../../../renderer/src/components/ResultNotice';
import { CaptureScreen } from '../../../../renderer/src/features/capture/CaptureScreen';
import { setUpI18n } from '../../../../renderer/src/i18n';
import { useCaptureStore } from '../../../../renderer/src/stores/capture-store';
import { useResultNotices } from '../../../../renderer/src/stores/result-notices';
import { useSessionStore } from '../../../../renderer/src/stores/session-store';
import { captureBridge, fullPassport, installDecoder, submissionView } from './fixtures';

beforeAll(() => setUpI18n('en'));
afterEach(() => {
  cleanup();
  resetVisitor();
  useResultNotices.setState({ arrivals: [] });
  useSessionStore.setState({ session: null });
  useNavigation.getState().reset('home');
  setBridge(null);
});

function twoDocuments(identity: CaptureDraft['identity']): CaptureDraft {
  const passport = fullPassport();
  return { ...passport, documents: [passport.documents[0]!, { ...passport.documents[0]!, index: 1, type: 'id-card' }], identity };
}

describe('starting a check while one is open', () => {
  it('asks resume or discard instead of reopening it, showing no personal data', async () => {
    const bridge = captureBridge({ 'capture.get': fullPassport(), 'capture.discard': undefined });
    useNavigation.getState().navigate('capture');
    render(<CaptureScreen params={{}} />);
    const panel = await screen.findByTestId('capture-unfinished');
    expect(panel.textContent).toMatch(/Documents: 1\. Images: 3\./);
    expect(screen.queryByTestId('review-stage')).toBeNull();
    fireEvent.click(screen.getByTestId('unfinished-discard'));
    fireEvent.click(within(await screen.findByTestId('unfinished-discard-dialog')).getByRole('button', { name: 'Yes, discard it' }));
    expect(await screen.findByTestId('capture-start')).toBeTruthy();
    expect(bridge.calls.map(([c]) => c)).toContain('capture.discard');
  });

  it('carries on without asking when the same screen comes back (after the idle lock)', async () => {
    captureBridge({ 'capture.get': fullPassport() });
    installDecoder();
    useNavigation.getState().navigate('capture');
    const first = render(<CaptureScreen params={{}} />);
    fireEvent.click(await screen.findByTestId('unfinished-resume'));
    await screen.findByTestId('details-stage');
    first.unmount();
    render(<CaptureScreen params={{}} />);
    expect(await screen.findByTestId('details-stage')).toBeTruthy();
    expect(screen.queryByTestId('capture-unfinished')).toBeNull();
  });
});

describe('after a restart', () => {
  it('shows checks saved before it, with their state and what happens, where staff would start scanning again', async () => {
    captureBridge({ 'capture.recovered': [submissionView({ applicationId: 'old-1', localReference: 'ABC-123', stage: 'sending' })] });
    render(<CaptureScreen params={{}} />);
    const item = await screen.findByTestId('recovered-check');
    expect(item.textContent).toContain('ABC-123');
    expect(item.textContent).toContain('Being sent');
    expect(item.textContent).toContain('sent to TrustID automatically, exactly once');
    expect(screen.getByTestId('recovered-checks').textContent).toContain('Do not scan these visitors again.');
  });
});

describe('one person per check', () => {
  it('names what differs and keeps Submit disabled when two people’s documents are mixed', async () => {
    const draft = twoDocuments({
      issues: [{ kind: 'different-person', documents: [0, 1], fields: ['birthDate', 'givenNames'], overridable: false }],
      notes: [],
      blocking: true,
      canOverride: false,
      override: null,
    });
    captureBridge({ 'capture.get': { ...draft, personConfirmed: true } });
    installDecoder();
    render(<CaptureScreen params={{}} />);
    fireEvent.click(await screen.findByTestId('to-details'));
    expect((await screen.findByTestId('identity-issues')).textContent).toBe(
      'Document 1 (passport) and document 2 (ID card) do not belong to the same person: the date of birth and given names differ. Remove the document that is not the visitor’s.',
    );
    expect(screen.getByTestId('submit')).toHaveProperty('disabled', true);
    expect(screen.queryByTestId('identity-override-form')).toBeNull();
  });

  it('lets staff vouch with a coded reason where the rules allow, then Submit is enabled', async () => {
    const blocked = twoDocuments({ issues: [{ kind: 'different-person', documents: [0, 1], fields: ['givenNames'], overridable: true }], notes: [], blocking: true, canOverride: true, override: null });
    const vouched = { ...blocked, personConfirmed: true, identity: { ...blocked.identity, blocking: false, override: 'spelling-differs' as const } };
    const bridge = captureBridge({ 'capture.get': { ...blocked, personConfirmed: true }, 'capture.confirmSamePerson': vouched });
    installDecoder();
    render(<CaptureScreen params={{}} />);
    fireEvent.click(await screen.findByTestId('to-details'));
    const form = await screen.findByTestId('identity-override-form');
    expect(screen.getByTestId('identity-confirm')).toHaveProperty('disabled', true);
    fireEvent.click(within(form).getByLabelText('The name is spelt differently on the documents'));
    fireEvent.click(screen.getByTestId('identity-confirm'));
    expect((await screen.findByTestId('identity-override')).textContent).toContain('The name is spelt differently on the documents');
    expect(bridge.calls).toContainEqual(['capture.confirmSamePerson', { reason: 'spelling-differs' }]);
    expect(screen.getByTestId('submit')).toHaveProperty('disabled', false);
  });
});

describe('in Welsh', () => {
  it('names the differing fields with Welsh joining words (a / ac), not English ones', async () => {
    setUpI18n('cy');
    try {
      const draft = twoDocuments({
        issues: [{ kind: 'different-person', documents: [0, 1], fields: ['birthDate', 'givenNames'], overridable: false }],
        notes: [],
        blocking: true,
        canOverride: false,
        override: null,
      });
      captureBridge({ 'capture.get': draft });
      installDecoder();
      render(<CaptureScreen params={{}} />);
      fireEvent.click(await screen.findByTestId('to-details'));
      const text = (await screen.findByTestId('identity-issues')).textContent ?? '';
      expect(text).toContain('mae’r dyddiad geni ac enwau cyntaf yn wahanol');
      expect(text).not.toMatch(/\band\b/);
    } finally {
      setUpI18n('en');
    }
  });
});

describe('after Submit', () => {
  async function submitted() {
    const bridge = captureBridge({
      'capture.get': { ...fullPassport(), personConfirmed: true },
      'capture.submit': { applicationId: 'app-1', localReference: 'K7-2041', queued: false, message: 'Sending.' },
      'capture.submission': submissionView({ stage: 'sending' }),
      'capture.finish': undefined,
    });
    installDecoder();
    render(<CaptureScreen params={{}} />);
    fireEvent.click(await screen.findByTestId('to-details'));
    fireEvent.click(await screen.findByTestId('submit'));
    await screen.findByTestId('receipt');
    return bridge;
  }

  it('follows the application: image by image, being checked with the time, then the verdict with Open result', async () => {
    const bridge = await submitted();
    await act(async () => bridge.emit('capture.submissionChanged', submissionView({ stage: 'sending', images: { total: 3, sent: 1, current: { number: 2, percent: 40 } } })));
    expect(screen.getByTestId('submitted-upload').textContent).toContain('Image 2 of 3: 40 %');
    await act(async () => bridge.emit('capture.submissionChanged', submissionView({ stage: 'checking', sentAt: Date.now() - 75_000, images: { total: 3, sent: 3, current: null } })));
    expect(screen.getByTestId('submitted-elapsed').textContent).toMatch(/1 min 1[45] s/);
    expect(screen.getByTestId('submitted-checking').textContent).toContain('up to an hour');
    expect(screen.getByTestId('submitted-sending').textContent).toContain('Sent to TrustID');
    await act(async () => bridge.emit('capture.submissionChanged', submissionView({ stage: 'result', verdict: 'accepted', sentAt: 1 })));
    expect(screen.getByTestId('submitted-verdict').textContent).toBe('Accepted: the documents passed TrustID’s checks.');
    fireEvent.click(screen.getByTestId('open-result'));
    await waitFor(() => expect(useNavigation.getState().route).toEqual({ screen: 'result-detail', params: { id: 'app-1' } }));
    expect(useCaptureStore.getState().receipt).toBeNull();
  });

  it('ignores news of another application', async () => {
    const bridge = await submitted();
    await act(async () => bridge.emit('capture.submissionChanged', submissionView({ applicationId: 'other', stage: 'result', verdict: 'failed' })));
    expect(screen.getByTestId('receipt').dataset.stage).toBe('sending');
  });
});

describe('the result notice in the frame', () => {
  const session = (state: SessionView['state']) =>
    ({ state, accountMode: 'shared', staff: null, admin: false, adminPinSet: true, idleTimeoutSeconds: 120, idleWarningSeconds: 30, offlinePinSet: false }) as unknown as SessionView;

  it('shows the kiosk reference and opens the result; never while the screen is locked', async () => {
    const bridge = captureBridge({});
    useSessionStore.setState({ session: session('locked') });
    render(<ResultNotice />);
    await act(async () => bridge.emit('results.arrived', { id: 'app-9', reference: 'K7Q-4M2', origin: 'kiosk', at: 1 }));
    expect(screen.queryByTestId('result-notice')).toBeNull();
    await act(async () => useSessionStore.setState({ session: session('signed-in') }));
    expect(screen.getByTestId('result-notice').textContent).toContain('A result has arrived for check K7Q-4M2.');
    fireEvent.click(screen.getByTestId('result-notice-open'));
    expect(useNavigation.getState().route).toEqual({ screen: 'result-detail', params: { id: 'app-9' } });
    expect(screen.queryByTestId('result-notice')).toBeNull();
  });
});
