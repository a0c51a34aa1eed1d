// English: the complete set. Every other locale has the same keys (a test checks).
export const en = {
  frame: {
    productName: 'Scan Station',
    demoBadge: 'DEMO',
    demoBadgeLabel: 'Demo mode: no real identity checks are made',
    modeLabel: 'Mode: {{mode}}',
    skipToContent: 'Skip to main content',
    dismiss: 'Dismiss',
  },
  mode: { demo: 'Demo', sandbox: 'Sandbox', production: 'Production', custom: 'Custom' },
  health: {
    label: 'System status',
    ok: 'All systems ready',
    degraded: 'Some parts need attention',
    down: 'Not working',
    absent: 'Not available',
    connecting: 'Connecting to Scan Station…',
    disconnected: 'Disconnected from Scan Station. Reconnecting…',
    components: {
      trustid: 'TrustID',
      reader: 'Document reader',
      store: 'Local storage',
      'demo-emulator': 'Demo TrustID',
      'demo-reader': 'Demo reader',
    },
  },
  home: {
    title: 'Ready for the next visitor',
    intro: 'Scan Station checks identity documents with TrustID.',
    demoIntro: 'This is demo mode: nothing you do here is sent to TrustID.',
    statusTitle: 'What this station has',
  },
  components: {
    cancel: 'Cancel',
    working: 'Working…',
    pinPad: { keys: 'PIN keypad', clear: 'Clear', deleteLabel: 'Delete the last digit' },
    newPin: {
      hint: 'Use 4 to 12 digits that others cannot guess.',
      next: 'Next',
      again: 'Enter the same PIN again',
      mismatch: 'The two PINs were not the same. Choose a PIN and enter it twice.',
    },
  },
  errors: {
    screenTitle: 'Something went wrong on this screen',
    screenBody: 'Nothing that was already saved has been lost. Press "Start again" to return to the start.',
    startAgain: 'Start again',
    startFailed: 'Scan Station could not start: {{message}}',
  },
};

export type Messages = typeof en;
