// Reading a retrieved application the way the kiosk presents it (RAW-API §5.7): processing state,
// per-document verdict, the application summary and the reasons to show. Pure; runs in main (plain Node).
import { DocumentStatus, DocumentStorageType, OverallStatus } from './enums';
import type { Container, Document, DocumentField, FeedbackProperty, Image } from './models';

export type ProcessingState = 'unpublished' | 'queued' | 'processing' | 'referred' | 'final' | 'unknown';

/** RAW-API §5.7 step 1 and SUBMISSION-PROTOCOL §7.2 AWAIT_RESULT (storage type 3 wins over `Referred`). */
export function processingState(container: Pick<Container, 'DocumentStorageType' | 'Referred'>): ProcessingState {
  switch (container.DocumentStorageType) {
    case DocumentStorageType.Archive:
      return 'final';
    case DocumentStorageType.Holding:
      return 'referred';
    case DocumentStorageType.Temp:
      return 'unpublished';
    case DocumentStorageType.Queued:
      return 'queued';
    case DocumentStorageType.Workflow:
    case DocumentStorageType.Pending:
      return container.Referred ? 'referred' : 'processing';
    default:
      return container.Referred ? 'referred' : 'unknown';
  }
}

/** Whether the container is published: SUBMISSION-PROTOCOL §7.2 VERIFY_PUBLISH (3, 4, 5 or 6). */
export function isPublished(container: Pick<Container, 'DocumentStorageType'>): boolean {
  const t = container.DocumentStorageType;
  return t === DocumentStorageType.Archive || t === DocumentStorageType.Workflow || t === DocumentStorageType.Pending || t === DocumentStorageType.Holding;
}

/** RAW-API §5.7 step 2: the expert's verdict once audited, otherwise the automatic/operator one. */
export function documentVerdict(doc: Pick<Document, 'Audited' | 'AuditorStatus' | 'OperatorStatus'>): number {
  return (doc.Audited ? doc.AuditorStatus : doc.OperatorStatus) ?? DocumentStatus.Undefined;
}

/** RAW-API §5.7 step 3: Failed > Rejected > Referred > Undefined > NoValidation > Accepted. */
const SEVERITY: Record<number, number> = {
  [DocumentStatus.Failed]: 5,
  [DocumentStatus.Rejected]: 4,
  [DocumentStatus.Referred]: 3,
  [DocumentStatus.Undefined]: 2,
  [DocumentStatus.NoValidation]: 1,
  [DocumentStatus.Accepted]: 0,
};

function severity(status: number): number {
  // A verdict number TrustID has not published counts as "no verdict".
  return SEVERITY[status] ?? SEVERITY[DocumentStatus.Undefined]!;
}

export type ApplicationSummary = {
  state: ProcessingState;
  /** The worst document verdict (DocumentStatus); Undefined when there are no documents. */
  verdict: number;
  /** OverallStatus Alert: at least one validation wants a human look. */
  attention: boolean;
};

export function applicationSummary(container: Container): ApplicationSummary {
  let verdict: number = DocumentStatus.Undefined;
  let first = true;
  for (const doc of container.Documents) {
    const v = documentVerdict(doc);
    if (first || severity(v) > severity(verdict)) verdict = v;
    first = false;
  }
  return { state: processingState(container), verdict, attention: container.OverallStatus === OverallStatus.Alert };
}

/** RAW-API §5.7 step 4: established checks that came out false. */
export function failedChecks(doc: Document): FeedbackProperty[] {
  return [...doc.GeneralDocumentProperties, ...doc.DocumentResultsSummary, ...doc.MrzValidationProperties, ...doc.MissingFieldsProperties].filter(
    (p) => p.ValueUndefined === false && p.Value === false,
  );
}

/** The lines to show staff for a document: failed checks by name, then the reviewers' words. */
export function documentReasons(doc: Document): string[] {
  const reasons = failedChecks(doc).map((p) => (p.ErrorMessage ? `${p.Name ?? 'Check'}: ${p.ErrorMessage}` : (p.Name ?? 'Check failed')));
  for (const text of [doc.AuditorMessage, doc.OperatorMessage, doc.Notes]) {
    if (text && text.trim()) reasons.push(text.trim());
  }
  return reasons;
}

/** RAW-API §7.3: the same field can come from several sources; the highest SourceId is the most trusted. */
export function bestDocumentField(doc: Pick<Document, 'DocumentFields'>, name: string): DocumentField | undefined {
  let best: DocumentField | undefined;
  for (const field of doc.DocumentFields) {
    if (field.Name !== name) continue;
    if (!best || (field.SourceId ?? -1) > (best.SourceId ?? -1)) best = field;
  }
  return best;
}

/** RAW-API §7.7: the reference is the container field named ClientApplicationReference. */
export function clientApplicationReference(container: Pick<Container, 'DocumentContainerFieldList'>): string | undefined {
  const field = container.DocumentContainerFieldList.find((f) => f.Name === 'ClientApplicationReference');
  return field?.FieldValueString ?? undefined;
}

/**
 * RAW-API §9.3 / §16 #13: the service may relabel an upload (type 60) and derive a cropped copy
 * (type 2, ImageSourceId → the original). Show the derived image and drop the original it replaces.
 */
export function displayImages(doc: Pick<Document, 'Images'>): Image[] {
  const replaced = new Set(doc.Images.map((img) => img.ImageSourceId).filter((id): id is string => id !== undefined));
  return doc.Images.filter((img) => !replaced.has(img.Id));
}

/** RAW-API §7.9: the document's custom field values by PropertyName; "" (unset) entries left out. */
export function documentCustomFieldValues(doc: Pick<Document, 'CustomFieldDictionary'>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const entry of doc.CustomFieldDictionary) {
    const name = entry.Value?.PropertyName ?? entry.Key;
    const value = entry.Value?.Value;
    if (name && typeof value === 'string' && value !== '') values[name] = value;
  }
  return values;
}
