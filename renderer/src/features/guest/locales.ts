// This feature's texts: English complete, Welsh with the same keys (a test checks).
export const en = {
  title: 'Guest link',
  intro: 'Send the visitor a link to check their document on their own phone.',
  form: {
    name: 'Visitor’s name',
    email: 'Visitor’s email address',
    emailHint: 'Kept with the visitor’s application in TrustID.',
    nameMissing: 'Enter the visitor’s name.',
    emailInvalid: 'Enter an email address like name@example.com.',
    create: 'Create link',
    creating: 'Creating the link…',
  },
  shown: {
    title: 'Link for {{name}}',
    qrLabel: 'QR code of the guest link for {{name}}',
    scan: 'Ask the visitor to scan this code with their phone’s camera and follow the steps.',
    another: 'Create another link',
  },
  recent: {
    title: 'Recent links',
    refresh: 'Refresh',
    loading: 'Loading recent links…',
    none: 'No guest links yet.',
    show: 'Show QR code',
    showFor: 'Show QR code for {{name}}',
  },
  states: { open: 'Waiting for the visitor', submitted: 'Submitted', expired: 'Expired', deleted: 'Deleted' },
};

export const cy: typeof en = {
  title: 'Dolen gwestai',
  intro: 'Anfonwch ddolen at yr ymwelydd i wirio ei ddogfen ar ei ffôn ei hun.',
  form: {
    name: 'Enw’r ymwelydd',
    email: 'Cyfeiriad e-bost yr ymwelydd',
    emailHint: 'Caiff ei gadw gyda chais yr ymwelydd yn TrustID.',
    nameMissing: 'Rhowch enw’r ymwelydd.',
    emailInvalid: 'Rhowch gyfeiriad e-bost fel enw@example.com.',
    create: 'Creu dolen',
    creating: 'Yn creu’r ddolen…',
  },
  shown: {
    title: 'Dolen ar gyfer {{name}}',
    qrLabel: 'Cod QR dolen gwestai {{name}}',
    scan: 'Gofynnwch i’r ymwelydd sganio’r cod hwn gyda chamera ei ffôn a dilyn y camau.',
    another: 'Creu dolen arall',
  },
  recent: {
    title: 'Dolenni diweddar',
    refresh: 'Adnewyddu',
    loading: 'Yn llwytho dolenni diweddar…',
    none: 'Dim dolenni gwestai eto.',
    show: 'Dangos y cod QR',
    showFor: 'Dangos y cod QR ar gyfer {{name}}',
  },
  states: { open: 'Yn aros am yr ymwelydd', submitted: 'Wedi’i gyflwyno', expired: 'Wedi dod i ben', deleted: 'Wedi’i ddileu' },
};
