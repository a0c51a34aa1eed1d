// The words for main's error codes (`mainErrors.<code>`), used by errorText. A code missing here
// falls back to main's English message, so add a code's words when a screen can show it.
export const en = {
  app: {
    restarting: 'Scan Station is restarting its services. Try again in a moment.',
    'services-failed': 'Scan Station could not start its services. Restart Scan Station; if it happens again, check the settings file.',
  },
  contract: {
    'transport-error': 'The screen lost its connection to Scan Station. Try again.',
    'invalid-payload': 'Scan Station could not accept that request. Check what you entered and try again.',
  },
  session: {
    'signed-out': 'Nobody is signed in on this kiosk. Sign in first.',
    locked: 'The screen is locked. Unlock it with your PIN or password, or sign out.',
    'admin-required': 'This needs administrator rights. Sign in with an administrator account, or open Settings and enter the admin PIN.',
    'pin-too-simple': 'This PIN is too easy to guess (one digit repeated, or a straight run such as 1234). Choose another PIN.',
    'no-admin-pin': 'No admin PIN is set on this kiosk yet. Set one in Settings first.',
    'current-pin-required': 'Enter the current admin PIN to change it.',
    'pin-required': 'Choose a PIN for the new staff member (4 to 12 digits).',
    'last-admin': 'This is the only active administrator and no admin PIN is set. Set an admin PIN in Settings → Security first, or make someone else an administrator.',
    'rename-unavailable': 'A staff account cannot be renamed. Create a new account with the new name and switch this one off.',
  },
  settings: {
    'invalid-reader': 'A reader setting is not valid. Correct it and save again.',
  },
  trustid: {
    'nothing-to-undo': 'There is no earlier TrustID environment to go back to.',
  },
  demo: {
    'not-demo': 'Rehearsal controls work only in demo mode.',
    'no-reader': 'The demo reader is not running. Check Settings → Readers.',
  },
};

export const cy: typeof en = {
  app: {
    restarting: 'Mae Scan Station yn ailgychwyn ei wasanaethau. Rhowch gynnig arall arni mewn eiliad.',
    'services-failed': 'Nid oedd Scan Station yn gallu cychwyn ei wasanaethau. Ailgychwynnwch Scan Station; os bydd yn digwydd eto, gwiriwch y ffeil gosodiadau.',
  },
  contract: {
    'transport-error': 'Collodd y sgrin ei chysylltiad â Scan Station. Rhowch gynnig arall arni.',
    'invalid-payload': 'Nid oedd Scan Station yn gallu derbyn y cais hwnnw. Gwiriwch yr hyn a roesoch a rhowch gynnig arall arni.',
  },
  session: {
    'signed-out': 'Nid oes neb wedi mewngofnodi ar y ciosg hwn. Mewngofnodwch yn gyntaf.',
    locked: 'Mae’r sgrin wedi’i chloi. Datglowch hi gyda’ch PIN neu’ch cyfrinair, neu allgofnodwch.',
    'admin-required': 'Mae angen hawliau gweinyddwr ar gyfer hyn. Mewngofnodwch gyda chyfrif gweinyddwr, neu agorwch y Gosodiadau a rhowch PIN y gweinyddwr.',
    'pin-too-simple': 'Mae’r PIN hwn yn rhy hawdd i’w ddyfalu (un digid drosodd a throsodd, neu rediad syth fel 1234). Dewiswch PIN arall.',
    'no-admin-pin': 'Nid oes PIN gweinyddwr wedi’i osod ar y ciosg hwn eto. Gosodwch un yn y Gosodiadau yn gyntaf.',
    'current-pin-required': 'Rhowch PIN presennol y gweinyddwr i’w newid.',
    'pin-required': 'Dewiswch PIN i’r aelod newydd o staff (4 i 12 digid).',
    'last-admin': 'Dyma’r unig weinyddwr gweithredol ac nid oes PIN gweinyddwr wedi’i osod. Gosodwch PIN gweinyddwr yn Gosodiadau → Diogelwch yn gyntaf, neu gwnewch rywun arall yn weinyddwr.',
    'rename-unavailable': 'Ni ellir ailenwi cyfrif staff. Crëwch gyfrif newydd gyda’r enw newydd a diffoddwch yr un hwn.',
  },
  settings: {
    'invalid-reader': 'Nid yw un o osodiadau’r darllenydd yn ddilys. Cywirwch ef a chadwch eto.',
  },
  trustid: {
    'nothing-to-undo': 'Nid oes amgylchedd TrustID cynharach i fynd yn ôl iddo.',
  },
  demo: {
    'not-demo': 'Dim ond yn y modd demo y mae’r rheolyddion ymarfer yn gweithio.',
    'no-reader': 'Nid yw’r darllenydd demo yn rhedeg. Gwiriwch Gosodiadau → Darllenwyr.',
  },
};
