// The words for main's error codes (`mainErrors.<code>`), used by errorText. A code missing here
// falls back to main's English message, so add a code's words when a screen can show it.
import type { WithPlurals } from './locales/en';

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
    'wrong-pin_one': 'That is not right. One more wrong attempt and it is locked for {{minutes}} min.',
    'wrong-pin_other': 'That is not right. {{count}} more wrong attempts and it is locked for {{minutes}} min.',
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
    'access-denied': 'TrustID refused this kiosk access. An administrator should check the TrustID account and API key in Settings.',
    'desktop-client-denied': 'TrustID does not allow this kiosk to connect. An administrator should check the API key in Settings.',
    configuration: 'The TrustID address or API key in Settings is not right. An administrator should check Settings.',
    'invalid-credentials': 'TrustID did not accept the user name or password.',
    'locked-account': 'TrustID has locked this account. Ask TrustID to unlock it.',
    network: 'TrustID cannot be reached. Check the network and try again.',
    timeout: 'TrustID took too long to answer. Try again in a moment.',
    'service-unreachable': 'TrustID is not available just now. Try again in a few minutes.',
    'server-error': 'TrustID had a problem. Try again in a few minutes.',
    'too-many-requests': 'TrustID is busy. Try again in a minute.',
    'session-expired': 'The TrustID session ran out. Try again.',
  },
  demo: {
    'not-demo': 'Rehearsal controls work only in demo mode.',
    'no-reader': 'The demo reader is not running. Check Settings → Readers.',
  },
};

export const cy: WithPlurals<typeof en> = {
  app: {
    restarting: 'Mae Scan Station yn ailgychwyn ei wasanaethau. Rhowch gynnig arall arni mewn eiliad.',
    'services-failed': 'Nid oedd Scan Station yn gallu cychwyn ei wasanaethau. Ailgychwynnwch Scan Station; os bydd yn digwydd eto, gwiriwch y ffeil gosodiadau.',
  },
  contract: {
    'transport-error': 'Collodd y sgrin ei chysylltiad â Scan Station. Rhowch gynnig arall arni.',
    'invalid-payload': 'Nid oedd Scan Station yn gallu derbyn y cais hwnnw. Gwiriwch yr hyn a roesoch a rhowch gynnig arall arni.',
  },
  session: {
    'wrong-pin_zero': 'Nid yw hynny’n gywir. Caiff ei gloi am {{minutes}} mun.',
    'wrong-pin_one': 'Nid yw hynny’n gywir. Un cynnig anghywir arall ac fe’i cloir am {{minutes}} mun.',
    'wrong-pin_two': 'Nid yw hynny’n gywir. Dau gynnig anghywir arall ac fe’i cloir am {{minutes}} mun.',
    'wrong-pin_few': 'Nid yw hynny’n gywir. {{count}} cynnig anghywir arall ac fe’i cloir am {{minutes}} mun.',
    'wrong-pin_many': 'Nid yw hynny’n gywir. {{count}} cynnig anghywir arall ac fe’i cloir am {{minutes}} mun.',
    'wrong-pin_other': 'Nid yw hynny’n gywir. {{count}} cynnig anghywir arall ac fe’i cloir am {{minutes}} mun.',
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
    'access-denied': 'Gwrthododd TrustID fynediad i’r ciosg hwn. Dylai gweinyddwr wirio cyfrif TrustID a’r allwedd API yn y Gosodiadau.',
    'desktop-client-denied': 'Nid yw TrustID yn caniatáu i’r ciosg hwn gysylltu. Dylai gweinyddwr wirio’r allwedd API yn y Gosodiadau.',
    configuration: 'Nid yw cyfeiriad TrustID na’r allwedd API yn y Gosodiadau yn gywir. Dylai gweinyddwr wirio’r Gosodiadau.',
    'invalid-credentials': 'Ni dderbyniodd TrustID yr enw defnyddiwr na’r cyfrinair.',
    'locked-account': 'Mae TrustID wedi cloi’r cyfrif hwn. Gofynnwch i TrustID ei ddatgloi.',
    network: 'Nid oes modd cyrraedd TrustID. Gwiriwch y rhwydwaith a rhowch gynnig arall arni.',
    timeout: 'Cymerodd TrustID ormod o amser i ateb. Rhowch gynnig arall arni mewn eiliad.',
    'service-unreachable': 'Nid yw TrustID ar gael ar hyn o bryd. Rhowch gynnig arall arni ymhen ychydig funudau.',
    'server-error': 'Cafodd TrustID broblem. Rhowch gynnig arall arni ymhen ychydig funudau.',
    'too-many-requests': 'Mae TrustID yn brysur. Rhowch gynnig arall arni ymhen munud.',
    'session-expired': 'Daeth sesiwn TrustID i ben. Rhowch gynnig arall arni.',
  },
  demo: {
    'not-demo': 'Dim ond yn y modd demo y mae’r rheolyddion ymarfer yn gweithio.',
    'no-reader': 'Nid yw’r darllenydd demo yn rhedeg. Gwiriwch Gosodiadau → Darllenwyr.',
  },
};
