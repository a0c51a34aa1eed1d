// The end of a visit (renderer). Finish (and cancelling a check) tells main to drop the draft,
// then resetVisitor() empties every store that registered with app/visitor-reset — the capture,
// the results, decoded images (bitmaps closed) and object URLs (revoked) — and home is shown.
// DESIGN: no personal data outlives the visitor.
import { useNavigation } from '../app/navigation-store';
import { resetVisitor } from '../app/visitor-reset';
import { finishCapture } from './capture-store';

export async function finishVisit(): Promise<boolean> {
  if (!(await finishCapture())) return false;
  try {
    resetVisitor();
  } finally {
    useNavigation.getState().reset('home');
  }
  return true;
}

/** Finish, then open the visitor's result (the submitted screen's "Open result"). */
export async function finishAndOpenResult(id: string): Promise<boolean> {
  if (!(await finishVisit())) return false;
  useNavigation.getState().navigate('result-detail', { id });
  return true;
}
