// Cymraeg (Welsh). Same keys as English.
import type { Messages } from './en';

export const cy: Messages = {
  frame: {
    productName: 'Scan Station',
    demoBadge: 'DEMO',
    demoBadgeLabel: 'Modd demo: ni wneir unrhyw wiriadau hunaniaeth go iawn',
    modeLabel: 'Modd: {{mode}}',
    skipToContent: 'Neidio i’r prif gynnwys',
    dismiss: 'Cau',
  },
  mode: { demo: 'Demo', sandbox: 'Blwch tywod', production: 'Cynhyrchu', custom: 'Personol' },
  health: {
    label: 'Statws y system',
    ok: 'Popeth yn barod',
    degraded: 'Mae angen sylw ar rai rhannau',
    down: 'Ddim yn gweithio',
    absent: 'Ddim ar gael',
    connecting: 'Yn cysylltu â Scan Station…',
    disconnected: 'Wedi datgysylltu o Scan Station. Yn ailgysylltu…',
    components: {
      trustid: 'TrustID',
      reader: 'Darllenydd dogfennau',
      store: 'Storfa leol',
      'demo-emulator': 'TrustID demo',
      'demo-reader': 'Darllenydd demo',
    },
  },
  home: {
    title: 'Yn barod ar gyfer yr ymwelydd nesaf',
    intro: 'Mae Scan Station yn gwirio dogfennau hunaniaeth gyda TrustID.',
    demoIntro: 'Modd demo yw hwn: nid oes dim a wnewch yma yn cael ei anfon at TrustID.',
    statusTitle: 'Beth sydd gan yr orsaf hon',
  },
  components: {
    cancel: 'Canslo',
    working: 'Wrthi’n gweithio…',
    pinPad: { keys: 'Bysellbad PIN', clear: 'Clirio', deleteLabel: 'Dileu’r digid olaf' },
    newPin: {
      hint: 'Defnyddiwch 4 i 12 digid na all eraill eu dyfalu.',
      next: 'Nesaf',
      again: 'Rhowch yr un PIN eto',
      mismatch: 'Nid oedd y ddau PIN yr un fath. Dewiswch PIN a’i roi ddwywaith.',
    },
  },
  errors: {
    screenTitle: 'Aeth rhywbeth o’i le ar y sgrin hon',
    screenBody: 'Nid oes dim a gadwyd eisoes wedi’i golli. Pwyswch "Dechrau eto" i fynd yn ôl i’r dechrau.',
    startAgain: 'Dechrau eto',
    startFailed: 'Nid oedd modd cychwyn Scan Station: {{message}}',
  },
};
