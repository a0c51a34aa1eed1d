// Demo rehearsal (issue 11 §6): in demo mode an administrator steers the built-in TrustID and the
// simulated reader so staff can practise every screen. Refused outside demo. Runtime-agnostic.
import { z } from 'zod';

/** The next verdict: as the document says (auto), or chosen. `expired` also makes the next specimen expired. */
export const DemoOutcome = z.enum(['auto', 'pass', 'refer', 'fail', 'expired']);
export type DemoOutcome = z.infer<typeof DemoOutcome>;

/** How the built-in TrustID behaves: normally, slowly (every answer delayed), or not at all. */
export const DemoTrustIdBehaviour = z.enum(['normal', 'slow', 'unreachable']);
export type DemoTrustIdBehaviour = z.infer<typeof DemoTrustIdBehaviour>;

/** What the simulated reader presents at the next Scan: Angela's passport, Martin's ID card (another person), or a flawed one. */
export const DemoSpecimen = z.enum(['alternate', 'passport', 'id-card', 'id-card-same-person', 'passport-expired', 'passport-bad-check-digit', 'passport-refer']);
export type DemoSpecimen = z.infer<typeof DemoSpecimen>;

export const DemoControls = z.strictObject({ outcome: DemoOutcome, trustid: DemoTrustIdBehaviour, specimen: DemoSpecimen });
export type DemoControls = z.infer<typeof DemoControls>;

export const demoInvoke = {
  'demo.get': { req: z.void(), res: DemoControls },
  'demo.set': { req: DemoControls.partial().strict(), res: DemoControls },
} as const;
