// This feature's texts: English complete, Welsh with the same keys (a test checks).
export const en = {
  title: 'Prepared applications',
  intro: 'Applications prepared for this branch in TrustID, waiting for the visitor’s documents.',
  refresh: 'Refresh',
  loading: 'Loading prepared applications…',
  retry: 'Try again',
  empty: 'No applications are prepared for this branch.',
  reference: 'Reference {{reference}}',
  prepared: 'Prepared {{when}}',
  capture: 'Capture documents',
  captureFor: 'Capture documents for {{name}}',
  whichDocument: 'Which document has {{name}} brought?',
  cancel: 'Cancel',
  starting: 'Starting the check…',
};

export const cy: typeof en = {
  title: 'Ceisiadau parod',
  intro: 'Ceisiadau a baratowyd ar gyfer y gangen hon yn TrustID, yn aros am ddogfennau’r ymwelydd.',
  refresh: 'Adnewyddu',
  loading: 'Yn llwytho ceisiadau parod…',
  retry: 'Rhoi cynnig arall arni',
  empty: 'Nid oes ceisiadau wedi’u paratoi ar gyfer y gangen hon.',
  reference: 'Cyfeirnod {{reference}}',
  prepared: 'Paratowyd {{when}}',
  capture: 'Cipio dogfennau',
  captureFor: 'Cipio dogfennau ar gyfer {{name}}',
  whichDocument: 'Pa ddogfen mae {{name}} wedi dod gyda nhw?',
  cancel: 'Canslo',
  starting: 'Yn dechrau’r gwiriad…',
};
