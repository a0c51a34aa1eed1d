// Reference data (RAW-API §6), the DBS endpoints (§14) and the stubbed operations (§3 "stub").
// Runs wherever the emulator runs.
import type { ApiCall, Reply } from '../api-call';
import { envelopeReply } from '../api-call';
import { allCountries } from '../countries';
import { ApiFailure, MESSAGES, envelope, okEnvelope } from '../envelope';
import { BRANCHES } from '../seed-data';
import { STORAGE } from '../state';
import { WireDate } from '../wire-json';
import { wireCustomFieldDefinitions, wireFlexibleDefinitions } from '../wire-models';
import { publishedContainer } from './retrieve-handlers';

export function queryBranches(): Reply {
  return envelopeReply(okEnvelope({ Branches: BRANCHES.map((branch) => ({ Id: branch.id, Name: branch.name })) }));
}

export function applicationFlexibleFieldAttributes(call: ApiCall): Reply {
  return envelopeReply(okEnvelope({ ApplicationFlexibleFields: wireFlexibleDefinitions(call.engine.config) }));
}

export function customFields(call: ApiCall): Reply {
  return envelopeReply(okEnvelope({ CustomFields: wireCustomFieldDefinitions(call.engine.config) }));
}

export function getCountries(): Reply {
  return envelopeReply(okEnvelope({ Countries: allCountries() }));
}

/** §3: documented endpoints the emulator does not implement answer "Operation not supported.". */
export function notSupported(): Reply {
  return envelopeReply(envelope(false, MESSAGES.notSupported));
}

export function retrieveDbsForm(call: ApiCall): Reply {
  const container = publishedContainer(call, call.body.guid('ContainerId'));
  const address = {
    AddressLine1: '1 Example Street',
    AddressLine2: null,
    Country: 'GB',
    County: null,
    DateFrom: new WireDate(Date.UTC(2015, 0, 1)),
    DateTo: null,
    Postcode: 'ZZ1 1ZZ',
    Town: 'Sampletown',
  };
  // A fixture form (§14, our choice): fake values in every documented key.
  const form = {
    AdditionalAddresses: [],
    AdditionalInformation: null,
    ApplicationReference: container.clientApplicationReference,
    ApplicationType: 'Basic',
    BirthSurname: 'SAMPLE',
    BirthSurnameChanged: false,
    BirthSurnameUsedUntil: null,
    CertificateAddress: address,
    CertificateToCurrentAddress: true,
    ConfirmReadPrivacyPolicyFlag: true,
    ContainerId: container.id,
    CurrentAddress: address,
    CurrentNationality: 'UTO',
    DBSConsentProvidedFlag: true,
    DateOfBirth: new WireDate(Date.UTC(1990, 0, 1)),
    DrivingLicenceCountryOfIssue: null,
    DrivingLicenceIssueDate: null,
    DrivingLicenceIssueType: null,
    DrivingLicenceNumber: null,
    Email: 'jane.sample@example.invalid',
    Forename: 'JANE',
    Gender: 'F',
    Middlename1: null,
    Middlename2: null,
    Middlename3: null,
    NINumber: null,
    NationalityBirthChanged: false,
    NationalityOfBirth: 'UTO',
    OtherNames: [],
    PaperCertificate: false,
    PassportCountryOfIssue: 'UTO',
    PassportIssueDate: new WireDate(Date.UTC(2020, 0, 1)),
    PassportNumber: 'L898902C3',
    PlaceOfBirthCountry: 'UTO',
    PlaceOfBirthCounty: null,
    PlaceOfBirthTown: 'Sampletown',
    PositionAppliedFor: 'Volunteer',
    RecipientDepartment: null,
    RecipientName: null,
    Surname: 'SAMPLE',
    TelephoneNumber: null,
    Title: 'Ms',
    UnderstandWithdrawConsentFlag: true,
    UnspentConvictions: false,
    ValidPassport: true,
    ValidUKDrivingLicence: false,
  };
  return envelopeReply(okEnvelope({ DBSForm: form }));
}

/** §14: only once a result exists and with consent; answers a reference and later a webhook. */
export function initiateDbsCheck(call: ApiCall): Reply {
  const { engine, body } = call;
  const container = publishedContainer(call, body.guid('ContainerId'));
  if (body.bool('ApplicationConsent') !== true) throw new ApiFailure(MESSAGES.required('ApplicationConsent'));
  if (container.storageType !== STORAGE.Archive) throw new ApiFailure('A result is required before a DBS check can start.');
  const digits = Array.from({ length: 10 }, () => Math.floor(engine.random() * 10)).join('');
  container.dbsReference = `E${digits}`;
  container.dbsState = 1;
  engine.scheduleDbsUpdate(container);
  return envelopeReply(okEnvelope({ DbsCheckResult: { DBSReference: container.dbsReference, ErrorMessage: null } }));
}
