// The exportPDF report (RAW-API §5.5): a small PDF naming the application, its status and each
// document's verdict, fields and failed checks. Runs wherever the emulator runs. Pure.
import { writePdf } from './pdf-writer';
import type { PdfLine } from './pdf-writer';
import type { ContainerRecord } from './state';

const STORAGE_NAMES: Record<number, string> = {
  1: 'Temp (not published)',
  3: 'Archive - result final',
  4: 'Workflow - processing',
  5: 'Pending - processing',
  6: 'Holding - referred to a TrustID expert',
  7: 'Queued - waiting for capture',
};

export const STATUS_NAMES: Record<number, string> = { 0: 'Undefined', 1: 'Accepted', 2: 'Referred', 3: 'Failed', 4: 'Rejected', 5: 'No validation' };

function day(ms: number | null): string {
  return ms === null ? '-' : new Date(ms).toISOString().replace('T', ' ').slice(0, 19) + ' UTC';
}

export function containerReportPdf(container: ContainerRecord, context: { branchName: string; organisationName: string; vpeName: string }): Buffer {
  const lines: PdfLine[] = [
    { text: 'Application report', bold: true, size: 16 },
    { text: `${context.vpeName} - ${context.organisationName}` },
    { text: '' },
    { text: `Application number: ${container.clientAppId}` },
    { text: `Container: ${container.id}` },
    { text: `Client reference: ${container.clientApplicationReference ?? '-'}` },
    { text: `Branch: ${context.branchName}` },
    { text: `Status: ${STORAGE_NAMES[container.storageType] ?? String(container.storageType)} (${container.storageType})` },
    { text: `Overall status: ${container.overallStatus === 1 ? 'Alert' : container.overallStatus === 2 ? 'Resolved' : 'No alert'}` },
    { text: `Applicant: ${container.fullname || '-'}` },
    { text: `Created: ${day(container.createdAt)}` },
    { text: `Published: ${day(container.publishedAt)}` },
  ];
  container.documents.forEach((doc, index) => {
    const verdict = doc.audited ? doc.auditorStatus : doc.operatorStatus;
    lines.push({ text: '' });
    lines.push({ text: `Document ${index + 1}: ${doc.result?.documentName ?? 'Not yet processed'}`, bold: true, size: 12 });
    lines.push({ text: `Verdict: ${STATUS_NAMES[verdict] ?? String(verdict)}${doc.audited ? ' (expert review)' : ''}` });
    for (const field of doc.result?.fields ?? []) lines.push({ text: `${field.displayName}: ${field.valueString ?? '-'}` });
    const failed = [...(doc.result?.general ?? []), ...(doc.result?.summary ?? []), ...(doc.result?.mrzChecks ?? []), ...(doc.result?.missing ?? [])].filter(
      (fact) => !fact.valueUndefined && !fact.value,
    );
    for (const fact of failed) lines.push({ text: `Check failed: ${fact.name}${fact.errorMessage ? ` - ${fact.errorMessage}` : ''}` });
    if (doc.notes) lines.push({ text: `Notes: ${doc.notes}` });
    if (doc.auditorMessage) lines.push({ text: `Reviewer: ${doc.auditorMessage}` });
  });
  return writePdf(`Application ${container.clientAppId}`, lines);
}
