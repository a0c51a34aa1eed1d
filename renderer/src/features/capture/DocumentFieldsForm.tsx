// Document-level custom fields at review (renderer, issue 10 §5): the account's questions asked of
// each document (definitions from `capture.documentFieldDefinitions`, which main fetches and caches),
// saved per document with `capture.setDocumentFields`. Nothing is shown when the account has none.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Res } from '../../../../preload/contract';
import { getBridge } from '../../bridge';
import { useCaptureStore } from '../../stores/capture-store';
import { FieldInputs } from '../../components/FieldInputs';
import { missingRequired } from '../../components/use-field-definitions';

type Definition = Res<'capture.documentFieldDefinitions'>[number];

export function DocumentFieldsForm() {
  const { t } = useTranslation();
  const [definitions, setDefinitions] = useState<Definition[] | null>(null);
  const documents = useCaptureStore((s) => s.draft?.documents ?? []);

  useEffect(() => {
    let cancelled = false;
    getBridge()
      .invoke('capture.documentFieldDefinitions')
      // Document fields are extra questions: when they cannot be had, none are asked (main agrees).
      .then(
        (list) => !cancelled && setDefinitions(list),
        () => !cancelled && setDefinitions([]),
      );
    return () => {
      cancelled = true;
    };
  }, []);

  if (definitions === null) {
    return (
      <p className="capture-status" aria-busy="true" data-testid="document-fields-loading">
        {t('capture.documentFields.loading')}
      </p>
    );
  }
  if (definitions.length === 0 || documents.length === 0) return null;
  return (
    <section className="capture-section" aria-labelledby="document-fields-title" data-testid="document-fields-section">
      <h2 id="document-fields-title">{t('capture.documentFields.title')}</h2>
      {documents.map((doc) => (
        <OneDocument key={`${doc.index}-${doc.type}`} index={doc.index} name={t(`capture.types.${doc.type}`)} saved={doc.fields ?? {}} definitions={definitions} />
      ))}
    </section>
  );
}

function OneDocument({ index, name, saved, definitions }: { index: number; name: string; saved: Record<string, string>; definitions: Definition[] }) {
  const { t } = useTranslation();
  const [edits, setEdits] = useState<Record<string, string> | null>(null);
  const [showMissing, setShowMissing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const values = edits ?? saved;
  const missing = missingRequired(definitions, values);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (missing.length > 0) {
      setShowMissing(true);
      return;
    }
    setShowMissing(false);
    setSaving(true);
    setError(null);
    try {
      // The draft comes back through capture.changed; the form then shows what main kept.
      await getBridge().invoke('capture.setDocumentFields', { documentIndex: index, values });
      setEdits(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="document-fields" onSubmit={(e) => void submit(e)} noValidate data-testid={`document-fields-${index}`}>
      <h3>{t('capture.documentFields.document', { name, number: index + 1 })}</h3>
      <FieldInputs definitions={definitions} values={values} onChange={setEdits} showMissing={showMissing} />
      <div className="button-row">
        <button type="submit" className="button" disabled={saving || !edits} data-testid={`save-document-fields-${index}`}>
          {saving ? t('capture.working') : t('capture.documentFields.save')}
        </button>
        <span role="status" aria-live="polite" className="capture-status">
          {edits ? t('capture.fields.unsaved') : Object.keys(saved).length > 0 ? t('capture.fields.saved') : ''}
        </span>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
