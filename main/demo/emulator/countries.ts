// A small country table for the emulator: IssuingCountry / Nationality on documents and the
// kdb/getCountries list (RAW-API §6, §7.7). Runs wherever the emulator runs. Pure data.
import type { WireObject } from './wire-json';

type CountryRow = { mrz: string; name: string; nationality: string; eu: boolean; uk: boolean };

const COUNTRIES: CountryRow[] = [
  { mrz: 'GBR', name: 'United Kingdom', nationality: 'British', eu: false, uk: true },
  { mrz: 'IRL', name: 'Ireland', nationality: 'Irish', eu: true, uk: false },
  { mrz: 'FRA', name: 'France', nationality: 'French', eu: true, uk: false },
  { mrz: 'D', name: 'Germany', nationality: 'German', eu: true, uk: false },
  { mrz: 'ESP', name: 'Spain', nationality: 'Spanish', eu: true, uk: false },
  { mrz: 'ITA', name: 'Italy', nationality: 'Italian', eu: true, uk: false },
  { mrz: 'NLD', name: 'Netherlands', nationality: 'Dutch', eu: true, uk: false },
  { mrz: 'POL', name: 'Poland', nationality: 'Polish', eu: true, uk: false },
  { mrz: 'USA', name: 'United States', nationality: 'American', eu: false, uk: false },
  { mrz: 'CAN', name: 'Canada', nationality: 'Canadian', eu: false, uk: false },
  { mrz: 'IND', name: 'India', nationality: 'Indian', eu: false, uk: false },
  // ICAO 9303's fictional specimen state, used on every specimen document.
  { mrz: 'UTO', name: 'Utopia', nationality: 'Utopian', eu: false, uk: false },
];

function wireCountry(row: CountryRow): WireObject {
  return { Alias1: null, Alias2: null, Alias3: null, AltMrz: null, EU: row.eu, Mrz: row.mrz, Name: row.name, Nationality: row.nationality, UK: row.uk };
}

/** The Country record for an MRZ code; unknown codes get a record naming just the code. */
export function countryByMrz(code: string): WireObject | null {
  const key = code.replace(/</g, '').toUpperCase();
  if (!key) return null;
  const row = COUNTRIES.find((country) => country.mrz === key);
  return wireCountry(row ?? { mrz: key, name: key, nationality: key, eu: false, uk: false });
}

export function allCountries(): WireObject[] {
  return COUNTRIES.map(wireCountry);
}
