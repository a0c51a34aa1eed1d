import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editRefusal } from '../../../../main/store/edit-guard';

const steps = ['CREATE_CONTAINER', 'CREATE_DOCUMENT', 'UPLOAD_IMAGE', 'UPLOAD_APPLICANT_PHOTO', 'PUBLISH', 'VERIFY_PUBLISH', 'AWAIT_RESULT', 'COMPLETED', 'RESULT_OVERDUE', 'CANCELLED', 'CLOSED_BY_STAFF'];
const container = fc.record({
  publish_ambiguous: fc.constantFrom(0, 1),
  publish_last_outcome: fc.constantFrom('none', 'ok', 'not_applied', 'ambiguous', 'rejected'),
  abandon_reason: fc.constantFrom(null, 'edited', 'rejected', 'staff_declared_unpublished'),
});

describe('edit guard (SUBMISSION-PROTOCOL §7.8)', () => {
  it('allows an edit exactly when nothing may have been published, nothing is in flight and nothing is purged', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...steps),
        fc.constantFrom('PENDING', 'SENT'),
        fc.option(fc.integer({ min: 1 }), { nil: null }),
        fc.constantFrom('none', 'purging', 'purged'),
        fc.array(container, { maxLength: 3 }),
        (step, phase, publishedAt, purgeState, containers) => {
          const refusal = editRefusal({ step, phase, published_at: publishedAt, purge_state: purgeState }, containers);
          const maybePublished = containers.some((c) => (c.publish_ambiguous === 1 || c.publish_last_outcome === 'ok') && c.abandon_reason !== 'staff_declared_unpublished');
          const buildStep = ['CREATE_CONTAINER', 'CREATE_DOCUMENT', 'UPLOAD_IMAGE', 'UPLOAD_APPLICANT_PHOTO', 'PUBLISH'].includes(step);
          const allowed = buildStep && phase === 'PENDING' && publishedAt === null && purgeState === 'none' && !maybePublished;
          expect(refusal === null).toBe(allowed);
          if (refusal && buildStep && purgeState === 'none' && publishedAt === null && !maybePublished) expect(refusal.code).toBe('store.edit-in-flight');
          if (refusal && maybePublished) expect(refusal.code).toBe('store.edit-refused');
        },
      ),
      { numRuns: 500 },
    );
  });
});
