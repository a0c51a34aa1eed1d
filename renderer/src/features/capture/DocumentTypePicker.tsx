// Choosing the document type (renderer): one large button per type, used to start a check, add a
// document, or start capturing into a queued application.
import { useTranslation } from 'react-i18next';
import type { DocumentType } from '../../../../preload/contract';
import { documentTypes } from './capture-steps';

type Props = { onPick(type: DocumentType): void; disabled?: boolean; labelledBy: string; testId?: string };

export function DocumentTypePicker({ onPick, disabled, labelledBy, testId = 'document-types' }: Props) {
  const { t } = useTranslation();
  return (
    <ul className="type-picker" aria-labelledby={labelledBy} data-testid={testId}>
      {documentTypes.map((type) => (
        <li key={type}>
          <button type="button" className="button type-button" disabled={disabled} onClick={() => onPick(type)} data-testid={`type-${type}`}>
            <span className="type-name">{t(`capture.types.${type}`)}</span>
            <span className="type-hint">{t(`capture.typeHints.${type}`)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
