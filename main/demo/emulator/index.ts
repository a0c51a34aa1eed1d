// The local TrustID Cloud emulator (RAW-API.md, "the emulator"): demo mode and every test run the
// real client over real HTTP against it. Public entry point. Runs in main or standalone (plain Node).
export { startEmulator } from './emulator';
export type { EmulatorOptions, RunningEmulator, ScenarioChoiceInput, SeededUser, UserFlags } from './emulator';
export type { ConfigPatch, EmulatorConfig, Outcome, UserConfigInput, WebhookEventName } from './config';
export type { FaultRule, FaultRuleInput } from './faults';
export type { ContainerSummary, PublishCount, WebhookSummary } from './inspection';
export type { RequestLogEntry } from './request-log';
export type { SimulatedCapture } from './handlers/guest-handlers';
export { buildTd3, checkDigit, parseMrz } from './mrz';
export { DEMO_USERS, BRANCHES, ORGANISATION } from './seed-data';
export type { ElsewhereApplication, ElsewhereDocument, ElsewhereQueued } from './elsewhere';
export { DEMO_ARRIVAL_DELAYS_MS, prepareDemoQueuedApplications, scheduleApplicationsElsewhere, simulateApplicationElsewhere } from './demo-arrivals';
export type { ApplicationElsewhereOptions, ArrivalSchedule } from './demo-arrivals';
