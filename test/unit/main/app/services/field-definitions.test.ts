// TrustID's application flexible field definitions (RAW-API §7.8) as the kiosk's form: which fields
// are shown, in which order, as which kind, and under which ids their values are sent.
import { describe, expect, it } from 'vitest';
import { createFieldDefinitions, documentFormFrom, documentFormKey, formFieldsFrom } from '../../../../../main/app/services/field-definitions';
import { silentLogger } from '../../../../../main/logging/logger';
import type { FlexibleFieldDefinition } from '../../../../../main/trustid/models';
import { recordingLogger } from '../../capture/capture-fixtures';

function definition(n: number, patch: Partial<FlexibleFieldDefinition> = {}): FlexibleFieldDefinition {
  return {
    Id: `00000000-0000-4000-8000-00000000000${n}`,
    FlexibleFieldId: `00000000-0000-4000-8000-0000000000f${n}`,
    Name: `Field${n}`,
    DisplayName: `Field ${n}`,
    DataType: 1,
    DataRange: null,
    FieldOrderIndex: n,
    IsActive: true,
    IsEnabled: true,
    Mandatory: false,
    ...patch,
  } as FlexibleFieldDefinition;
}

describe('application form from TrustID definitions', () => {
  it('maps each data type to a form kind and the value member TrustID takes', () => {
    const form = formFieldsFrom([definition(1, { DataType: 1, Mandatory: true }), definition(2, { DataType: 2 }), definition(3, { DataType: 3 }), definition(4, { DataType: 4 })]);
    expect(form).toEqual([
      { id: '00000000-0000-4000-8000-0000000000f1', versionId: '00000000-0000-4000-8000-000000000001', label: 'Field 1', kind: 'text', valueType: 'string', required: true, choices: [] },
      { id: '00000000-0000-4000-8000-0000000000f2', versionId: '00000000-0000-4000-8000-000000000002', label: 'Field 2', kind: 'number', valueType: 'int', required: false, choices: [] },
      { id: '00000000-0000-4000-8000-0000000000f3', versionId: '00000000-0000-4000-8000-000000000003', label: 'Field 3', kind: 'date', valueType: 'date', required: false, choices: [] },
      { id: '00000000-0000-4000-8000-0000000000f4', versionId: '00000000-0000-4000-8000-000000000004', label: 'Field 4', kind: 'number', valueType: 'decimal', required: false, choices: [] },
    ]);
  });

  it('shows only active, enabled fields that are not TrustID’s own system fields', () => {
    const form = formFieldsFrom([
      definition(1, { IsActive: false }),
      definition(2, { IsEnabled: false }),
      definition(3, { IsActive: null }),
      definition(4, { Name: '__SYS_GuestName', DisplayName: 'Guest Name' }),
      definition(5, { Name: '__RTW_RightToWorkStatus' }),
      definition(6),
    ]);
    expect(form.map((f) => f.label)).toEqual(['Field 6']);
  });

  it('orders by FieldOrderIndex, keeping TrustID’s order for ties and putting fields without one last', () => {
    const form = formFieldsFrom([definition(1, { FieldOrderIndex: null }), definition(2, { FieldOrderIndex: 20 }), definition(3, { FieldOrderIndex: 5 }), definition(4, { FieldOrderIndex: 20 })]);
    expect(form.map((f) => f.label)).toEqual(['Field 3', 'Field 2', 'Field 4', 'Field 1']);
  });

  it('never turns DataRange into choices (§7.8 does not say it holds any)', () => {
    const form = formFieldsFrom([definition(1, { DataRange: '450' }), definition(2, { DataRange: 'Tenant;Guarantor' })]);
    expect(form.map((f) => [f.kind, f.choices])).toEqual([
      ['text', []],
      ['text', []],
    ]);
  });

  it('leaves off, and logs by name, a field it could not send: an unknown data type or no version id', () => {
    const recorder = recordingLogger();
    const form = formFieldsFrom([definition(1, { DataType: 9, Name: 'Mystery', Mandatory: true }), definition(2, { Id: undefined }), definition(3)], recorder.log);
    expect(form.map((f) => f.label)).toEqual(['Field 3']);
    expect(recorder.text()).toMatch(/Mystery/);
    expect(recorder.text()).toMatch(/left off the form/);
  });

  it('falls back to the version id when the field id is missing, and to the name when there is no display name', () => {
    const [field] = formFieldsFrom([definition(1, { FlexibleFieldId: undefined, DisplayName: '  ' })]);
    expect(field).toMatchObject({ id: '00000000-0000-4000-8000-000000000001', versionId: '00000000-0000-4000-8000-000000000001', label: 'Field1' });
  });
});

describe('document-level form (issue 10 §5, RAW-API §7.9)', () => {
  it('lists the account’s document fields in slot order, without the marker slot, choices from Values', () => {
    const form = documentFormFrom(
      [
        { Index: 9, PropertyName: 'KioskCaptureRef', DisplayName: 'Kiosk capture', DataType: 1, Required: false, Values: [] },
        { Index: 2, PropertyName: 'Desk', DisplayName: 'Desk', DataType: 1, Required: true, Values: ['North', 'South'] },
        { Index: 0, PropertyName: 'BadgeNumber', DisplayName: '', DataType: 1, Required: false, Values: [] },
        { Index: 12, PropertyName: 'OutOfRange', DataType: 1, Values: [] },
        { Index: 3, PropertyName: '', DataType: 1, Values: [] },
      ],
      { index: 9, propertyName: 'KioskCaptureRef' },
    );
    expect(form).toEqual([
      { id: 'BadgeNumber', label: 'BadgeNumber', kind: 'text', required: false, choices: [], propertyName: 'BadgeNumber', index: 0, valueType: 'string' },
      { id: 'Desk', label: 'Desk', kind: 'choice', required: true, choices: ['North', 'South'], propertyName: 'Desk', index: 2, valueType: 'string' },
    ]);
  });

  it('is cached under its own key beside the application form, and served from the cache offline', async () => {
    const puts: string[] = [];
    const rows = new Map<string, { definitions: unknown[]; fetchedAt: number }>();
    const cache = { get: (k: string) => rows.get(k) ?? null, put: (k: string, d: readonly unknown[], at: number) => void (puts.push(k), rows.set(k, { definitions: [...d], fetchedAt: at })) };
    let online = true;
    let now = 0;
    const service = createFieldDefinitions({
      clientFor: () => ({ applicationFlexibleFieldAttributes: async () => [] }),
      cache,
      online: () => online,
      now: () => now,
      log: silentLogger(),
      form: { fetch: async () => documentFormFrom([{ Index: 0, PropertyName: 'BadgeNumber', DataType: 1, Values: [] }], null), cacheKey: documentFormKey },
    });
    expect((await service.forAccount('kiosk')).map((f) => f.id)).toEqual(['BadgeNumber']);
    expect(puts).toEqual(['doc:kiosk']);
    online = false;
    now = 10 * 60_000;
    const again = createFieldDefinitions({
      clientFor: () => ({ applicationFlexibleFieldAttributes: async () => [] }),
      cache,
      online: () => online,
      now: () => now,
      log: silentLogger(),
      form: { fetch: async () => { throw new Error('offline'); }, cacheKey: documentFormKey },
    });
    expect((await again.forAccount('kiosk'))[0]).toMatchObject({ propertyName: 'BadgeNumber', index: 0 });
  });
});
