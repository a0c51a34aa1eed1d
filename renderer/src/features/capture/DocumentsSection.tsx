// The documents of this check (renderer): how far each is, go back to scan or review one, remove
// one, add another.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { StatusBadge } from '../../components/StatusBadge';
import { BridgeError } from '../../bridge';
import { addDocument, removeDocument, setActiveDocument, useCaptureStore } from '../../stores/capture-store';
import { blockingImages, stepsDone } from './capture-steps';
import { DocumentTypePicker } from './DocumentTypePicker';

export function DocumentsSection() {
  const { t } = useTranslation();
  const documents = useCaptureStore((s) => s.draft?.documents ?? []);
  const adding = useCaptureStore((s) => s.busy === 'add');
  const addError = useCaptureStore((s) => (s.error?.task === 'add' ? s.error.message : null));
  const [choosing, setChoosing] = useState(false);

  async function remove(index: number) {
    if (!(await removeDocument(index))) {
      const error = useCaptureStore.getState().error;
      throw new BridgeError(error?.code ?? 'renderer.failed', error?.message ?? t('capture.details.removeFailed'));
    }
  }

  return (
    <section className="capture-section" aria-labelledby="documents-title" data-testid="documents-section">
      <h2 id="documents-title">{t('capture.details.documentsTitle')}</h2>
      <ol className="document-list">
        {documents.map((doc, i) => {
          const done = stepsDone(doc);
          const blocking = blockingImages(doc).length;
          const name = t(`capture.types.${doc.type}`);
          return (
            <li key={doc.index} className="document-item" data-testid={`document-${i}`}>
              <div className="document-summary">
                <strong>{name}</strong>
                <span>{t('capture.details.imagesDone', { done, total: doc.steps.length })}</span>
                {doc.mrz &&
                  (doc.mrz.valid ? <StatusBadge tone="ok">{t('capture.mrz.valid')}</StatusBadge> : <StatusBadge tone="bad">{t('capture.mrz.invalid')}</StatusBadge>)}
                {blocking > 0 && <StatusBadge tone="bad">{t('capture.details.mustRetake', { count: blocking })}</StatusBadge>}
              </div>
              <div className="button-row">
                <button type="button" className="button" onClick={() => setActiveDocument(i, done < doc.steps.length ? 'scan' : 'review')}>
                  {done < doc.steps.length ? t('capture.details.scanDocument', { document: name }) : t('capture.details.reviewDocument', { document: name })}
                </button>
                {documents.length > 1 && (
                  <ConfirmButton
                    title={t('capture.details.removeTitle', { document: name })}
                    message={t('capture.details.removeMessage')}
                    confirmLabel={t('capture.details.removeConfirm')}
                    tone="danger"
                    onConfirm={() => remove(i)}
                    testId={`remove-document-${i}`}
                  >
                    {t('capture.details.remove', { document: name })}
                  </ConfirmButton>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      {choosing ? (
        <div className="add-document">
          <p id="add-document-question">{t('capture.details.addQuestion')}</p>
          <DocumentTypePicker
            labelledBy="add-document-question"
            disabled={adding}
            testId="add-document-types"
            onPick={(type) => void addDocument(type).then((ok) => ok && setChoosing(false))}
          />
          <button type="button" className="button button-quiet" onClick={() => setChoosing(false)}>
            {t('capture.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="button" onClick={() => setChoosing(true)} data-testid="add-document">
          {t('capture.details.add')}
        </button>
      )}
      {addError && (
        <p className="error-text" role="alert">
          {addError}
        </p>
      )}
    </section>
  );
}
