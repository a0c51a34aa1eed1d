import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Container, describeIssues, Document, Id, Image, OptionalId } from '../../../../main/trustid/models';
import { LoginResponse, RetrieveContainerResponse } from '../../../../main/trustid/responses';

const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../test/fixtures/trustid', name), 'utf8')) as Record<string, unknown>;

describe('TrustID models (RAW-API §7)', () => {
  it('parses a full retrieve answer, decoding dates and lower-casing GUIDs', () => {
    const parsed = RetrieveContainerResponse.parse(fixture('retrieve-container.json'));
    const c = parsed.Container!;
    expect(c.Id).toBe('0f3a9c1e-7b24-4d58-a6e1-93c5b2d7e480');
    expect(c.DocumentStorageType).toBe(3);
    expect(c.CreatedAt?.getTime()).toBe(1718012000000); // +0100 does not shift the instant
    expect(c.ClientAppId).toBe(2200102800007);
    const doc = c.Documents[0]!;
    expect(doc.ContainerId).toBe('0f3a9c1e-7b24-4d58-a6e1-93c5b2d7e480'); // was upper case
    expect(doc.BlacklistedAt).toBeUndefined(); // SQL minimum date → unset
    expect(doc.DocumentFields.find((f) => f.Name === 'VI Birth Date')?.FieldValueDate?.toISOString()).toBe('1980-01-01T00:00:00.000Z');
    expect(doc.Images[1]?.ImageSourceId).toBe('a1d4e7b0-2c5f-4a83-9b16-e4c7f0a3d286');
    expect(c.AccessLock?.Timestamp).toBeUndefined(); // .NET minimum date → unset
    expect(c.AccessLock?.UserId).toBeUndefined(); // empty GUID → unset
    expect(c.ApplicationFlexibleFieldList[0]?.m_Item2?.FieldValueString).toBe('Jane Sample');
    expect(c.ApplicationFlexibleFieldList[0]?.m_Item1?.LastModifield?.getTime()).toBe(1700000000000);
  });

  it('keeps fields it does not know, at every level', () => {
    const c = RetrieveContainerResponse.parse(fixture('retrieve-container.json')).Container!;
    expect((c as Record<string, unknown>).FutureField).toEqual({ Nested: [1, 2, 3] });
    expect((c.Documents[0] as Record<string, unknown>).RFIDFailed).toBe(false);
    const login = LoginResponse.parse(fixture('login-ok.json'));
    expect((login as Record<string, unknown>).SomethingNew).toEqual({ Added: 'later' });
    expect(login.Branch?.Id).toBe('3e6b0d1a-9c42-4f7e-8a15-c2d9e4b70f63');
    expect(login.SessionId).toBe('b6e0c2a4-5f1d-4c7e-8a93-0d4e6f2b1c85');
  });

  it('reads null lists as empty and tolerates a minimal container', () => {
    const c = Container.parse({ Id: 'ABC', DocumentStorageType: 5, Documents: null, DocumentContainerFieldList: null });
    expect(c.Documents).toEqual([]);
    expect(c.DocumentContainerFieldList).toEqual([]);
    expect(c.Id).toBe('ABC'); // not a GUID: kept as it came
  });

  it('rejects a wrong type with a message naming the field and not its value', () => {
    const data = fixture('retrieve-container.json');
    const container = data.Container as Record<string, unknown>;
    const docs = container.Documents as Record<string, unknown>[];
    docs[0]!.OperatorStatus = 'Accepted';
    container.Referred = 'no';
    const result = RetrieveContainerResponse.safeParse(data);
    expect(result.success).toBe(false);
    const text = describeIssues(result.error!, 'retrieveDocumentContainer');
    expect(text).toContain('retrieveDocumentContainer.Container.Documents[0].OperatorStatus');
    expect(text).toContain('Container.Referred');
    expect(text).not.toContain('Accepted');
  });

  it('requires the identifiers a record cannot be used without', () => {
    expect(Document.safeParse({ DocumentName: 'Passport' }).success).toBe(false);
    expect(Image.safeParse({ Id: '' }).success).toBe(false);
    expect(Container.safeParse({ Id: 'x' }).success).toBe(false); // no DocumentStorageType
  });

  it('normalises ids: GUIDs lower-case, empty GUID and blanks unset', () => {
    expect(Id.parse('54EAAF9A-40A0-4E46-A156-D28299F3B6F3')).toBe('54eaaf9a-40a0-4e46-a156-d28299f3b6f3');
    expect(OptionalId.parse('00000000-0000-0000-0000-000000000000')).toBeUndefined();
    expect(OptionalId.parse('')).toBeUndefined();
    expect(OptionalId.parse(null)).toBeUndefined();
  });
});
