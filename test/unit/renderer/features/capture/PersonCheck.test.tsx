// One person per check, in a DOM against a fake bridge (issue 10 §1): documents of two people
// keep Submit disabled unless staff vouch; the differences are named in English and Welsh.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CaptureDraft } from '../../../../../preload/contract';
import { CaptureScreen } from '../../../../../renderer/src/features/capture/CaptureScreen';
import { setUpI18n } from '../../../../../renderer/src/i18n';
import { captureBridge, fullPassport, installDecoder, freshCaptureDom } from './capture-fixtures';

freshCaptureDom();

function twoDocuments(identity: CaptureDraft['identity']): CaptureDraft {
  const passport = fullPassport();
  return { ...passport, documents: [passport.documents[0]!, { ...passport.documents[0]!, index: 1, type: 'id-card' }], identity };
}

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
