// One person per check (renderer, issue 11 §1): what main found when it compared the documents'
// reads — a retake showing another document, documents of different people, the type taken from
// the MRZ — in plain words naming the fields, and, where the rules allow, "these belong to the same
// person" with a coded reason (`capture.confirmSamePerson`, audited in main).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HolderField, IdentityView, SamePersonReason } from '../../../../preload/contract';
import { StatusBadge } from '../../components/StatusBadge';
import { confirmSamePerson, useCaptureStore } from '../../stores/capture-store';

/** Sentences may start with a document's name ("document 2 (ID card) and …"). */
const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

const reasons: SamePersonReason[] = ['name-changed', 'spelling-differs', 'names-reordered', 'checked-other-evidence'];

/** "document 2 (ID card)", or "the passport" when the check has one document. */
export function useDocumentName(): (index: number) => string {
  const { t } = useTranslation();
  const documents = useCaptureStore((s) => s.draft?.documents ?? []);
  return (index) => {
    const doc = documents[index];
    const type = doc ? t(`capture.identity.types.${doc.type}`) : '';
    return documents.length === 1 ? t('capture.identity.theDocument', { type }) : t('capture.identity.numbered', { n: index + 1, type });
  };
}

/**
 * "date of birth and given names". Joined here rather than with Intl.ListFormat, whose Welsh data
 * Chromium lacks (it says "and"); Welsh takes "ac" before a vowel and "a" otherwise.
 */
export function useFieldList(): (fields: readonly HolderField[]) => string {
  const { t } = useTranslation();
  return (fields) => {
    const names = fields.map((f) => t(`capture.identity.fields.${f}`));
    const last = names.pop();
    if (last === undefined) return '';
    if (names.length === 0) return last;
    const and = /^[aeiouwyâêîôûŵŷ]/i.test(last) ? t('capture.identity.andBeforeVowel') : t('capture.identity.and');
    return `${names.join(', ')} ${and} ${last}`;
  };
}

/** The problems and notes as plain sentences; `only` limits them to one document (scan and review). */
export function IdentityMessages({ identity, only }: { identity: IdentityView; only?: number }) {
  const { t } = useTranslation();
  const name = useDocumentName();
  const list = useFieldList();
  const issues = identity.issues.filter((i) => only === undefined || i.documents.includes(only));
  const notes = identity.notes.filter((n) => only === undefined || n.documents.includes(only));
  if (issues.length === 0 && notes.length === 0) return null;
  return (
    <>
      {issues.length > 0 && (
        <div className="capture-problem" role="alert" data-testid="identity-issues">
          <ul className="plain-list">
            {issues.map((issue) => {
              const [a = 0, b = 0] = issue.documents;
              const fields = list(issue.fields);
              const text =
                issue.kind === 'different-document'
                  ? t('capture.identity.differentDocument', { document: name(a), fields })
                  : issue.overridable
                    ? t('capture.identity.mayBeSamePerson', { a: name(a), b: name(b), fields })
                    : t('capture.identity.differentPerson', { a: name(a), b: name(b), fields });
              return <li key={`${issue.kind}-${issue.documents.join('-')}`}>{capitalise(text)}</li>;
            })}
          </ul>
        </div>
      )}
      {notes.length > 0 && (
        <ul className="capture-note plain-list" data-testid="identity-notes">
          {notes.map((note) => (
            <li key={`${note.kind}-${note.documents.join('-')}`}>
              <StatusBadge tone="info">{t('capture.identity.note')}</StatusBadge>{' '}
              {note.kind === 'type-from-mrz'
                ? t('capture.identity.typeFromMrz', { document: name(note.documents[0] ?? 0), chosen: t(`capture.types.${note.chosen ?? 'other'}`), read: t(`capture.types.${note.read ?? 'other'}`) })
                : capitalise(t('capture.identity.allowedDifference', { a: name(note.documents[0] ?? 0), b: name(note.documents[1] ?? 0), fields: list(note.fields) }))}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The section on the last stage: the messages, and the same-person confirmation where allowed. */
export function IdentityCheck() {
  const { t } = useTranslation();
  const identity = useCaptureStore((s) => s.draft?.identity ?? null);
  const busy = useCaptureStore((s) => s.busy === 'identity');
  const error = useCaptureStore((s) => (s.error?.task === 'identity' ? s.error.message : null));
  const [reason, setReason] = useState<SamePersonReason | null>(null);
  if (!identity || (identity.issues.length === 0 && identity.notes.length === 0)) return null;
  return (
    <section className="capture-section" aria-labelledby="identity-title" data-testid="identity-section">
      <h2 id="identity-title">{t('capture.identity.title')}</h2>
      <IdentityMessages identity={identity} />
      {identity.canOverride &&
        (identity.override ? (
          <p role="status" data-testid="identity-override">
            <StatusBadge tone="ok">{t('capture.identity.vouched', { reason: t(`capture.identity.reasons.${identity.override}`) })}</StatusBadge>{' '}
            <button type="button" className="button button-quiet" disabled={busy} onClick={() => void confirmSamePerson(null)}>
              {t('capture.identity.withdraw')}
            </button>
          </p>
        ) : (
          <fieldset className="identity-override" data-testid="identity-override-form">
            <legend>{t('capture.identity.overrideQuestion')}</legend>
            {reasons.map((r) => (
              <label key={r} className="check-label">
                <input type="radio" name="same-person-reason" value={r} checked={reason === r} onChange={() => setReason(r)} />
                {t(`capture.identity.reasons.${r}`)}
              </label>
            ))}
            <button type="button" className="button" disabled={!reason || busy} onClick={() => reason && void confirmSamePerson(reason)} data-testid="identity-confirm">
              {t('capture.identity.confirm')}
            </button>
          </fieldset>
        ))}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
