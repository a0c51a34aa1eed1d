// Hook (renderer): the document the scan and review stages work on, which one of how many it is,
// and the check's identity comparison (shown on both stages).
import { useCaptureStore } from '../../stores/capture-store';

export function useActiveDocument() {
  const index = useCaptureStore((s) => s.activeDocument);
  const doc = useCaptureStore((s) => s.draft?.documents[s.activeDocument]);
  const count = useCaptureStore((s) => s.draft?.documents.length ?? 0);
  const identity = useCaptureStore((s) => s.draft?.identity ?? null);
  return { index, doc, count, identity };
}
