// The specimen documents the simulated reader presents: an ICAO-style passport (TD3) and ID card (TD1)
// of the fictional state Utopia (UTO, the ICAO specimen code), with options that steer the TrustID
// emulator's `auto` scenario (RAW-API §13): expired, a failed check digit, or the REFER surname.
// Pure; runs in main.
import { composeTd1, composeTd3, type MrzHolder } from '../../devices/mrz/compose-mrz';
import { resolveBirthDate, type IsoDay } from '../../devices/mrz/mrz-dates';

export type SpecimenKind = 'passport' | 'id-card';

/** Whose document it is: by default Angela holds the passport and Martin the ID card (two people). */
export type SpecimenHolder = 'angela' | 'martin';

export type SpecimenOptions = {
  kind?: SpecimenKind;
  /** A document of the other kind for the same person (issue 11 §1: a second document of one person). */
  holder?: SpecimenHolder;
  /** Expiry a year before today, so the document reads as expired. */
  expired?: boolean;
  /** The birth date's check digit is wrong (the composite then fails too). */
  badCheckDigit?: boolean;
  /** Surname REFER, which the emulator sends to expert review (`scenario.referSurnames`). */
  referSurname?: boolean;
};

export type Specimen = {
  kind: SpecimenKind;
  holder: MrzHolder;
  /** The MRZ lines as the reader sends them. */
  mrz: string[];
  /** The visual zone's printed values ('15 JAN 1990' style dates). */
  printed: { surname: string; givenNames: string; documentNumber: string; nationality: string; issuingState: string; birthDate: string; sex: string; expiryDate: string; issueDate: string };
};

const months = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

function shiftYears(today: IsoDay, years: number): { yymmdd: string; printed: string } {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const year = y + years;
  // 29 February moved to a common year becomes the 28th.
  const day = m === 2 && d === 29 && new Date(Date.UTC(year, 1, 29)).getUTCMonth() !== 1 ? 28 : d;
  const two = (n: number) => String(n).padStart(2, '0');
  return { yymmdd: `${two(year % 100)}${two(m)}${two(day)}`, printed: `${two(day)} ${months[m - 1]} ${year}` };
}

function corruptCheckDigit(line: string, column: number): string {
  const digit = Number(line[column]);
  return line.slice(0, column) + String((digit + 1) % 10) + line.slice(column + 1);
}

/** Builds the specimen for `today` (so a valid one never expires and an expired one always has). */
export function specimenDocument(options: SpecimenOptions, today: IsoDay): Specimen {
  const kind = options.kind ?? 'passport';
  const angela = (options.holder ?? (kind === 'passport' ? 'angela' : 'martin')) === 'angela';
  const expiry = shiftYears(today, options.expired ? -1 : 5);
  const issue = shiftYears(today, options.expired ? -11 : -5);
  const holder: MrzHolder = {
    documentCode: kind === 'passport' ? 'P<' : 'ID',
    issuingState: 'UTO',
    lastName: options.referSurname ? 'REFER' : 'SPECIMEN',
    givenNames: angela ? 'ANGELA ZOE' : 'MARTIN ALEX',
    documentNumber: kind === 'passport' ? (angela ? 'UP1234567' : 'UP7654321') : angela ? 'IC1357913' : 'IC9876543',
    nationality: 'UTO',
    birthDate: angela ? '900115' : '851203',
    sex: angela ? 'F' : 'M',
    expiryDate: expiry.yymmdd,
    optional: '',
  };
  let mrz: string[] = kind === 'passport' ? composeTd3(holder) : composeTd1(holder);
  if (options.badCheckDigit) {
    // Birth date check digit: TD3 line 2 column 20, TD1 line 2 column 7 (9303 parts 4 and 5).
    mrz = mrz.map((line, i) => (i === 1 ? corruptCheckDigit(line, kind === 'passport' ? 19 : 6) : line));
  }
  const [by, bm, bd] = (resolveBirthDate(holder.birthDate, today) as string).split('-');
  return {
    kind,
    holder,
    mrz,
    printed: {
      surname: holder.lastName,
      givenNames: holder.givenNames,
      documentNumber: holder.documentNumber,
      nationality: 'UTOPIAN',
      issuingState: holder.issuingState,
      birthDate: `${bd} ${months[Number(bm) - 1]} ${by}`,
      sex: holder.sex,
      expiryDate: expiry.printed,
      issueDate: issue.printed,
    },
  };
}
