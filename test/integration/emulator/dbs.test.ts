// The DBS endpoints (RAW-API §14, emulator "basic"): the fixture form, the preconditions for
// initiating a check, the reference it answers and the second ResultNotification it raises.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../main/demo/emulator/index';
import type { Json, Session } from './emulator-client';
import { buildApplication, login, publish, retrieve, start } from './emulator-client';

describe('emulator DBS endpoints (RAW-API §14)', () => {
  let emu: RunningEmulator;
  let session: Session;
  let receiver: http.Server;
  const states: string[] = [];
  beforeEach(async () => {
    states.length = 0;
    receiver = http.createServer((req, res) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      req.on('end', () => {
        states.push(String(((JSON.parse(text) as Json).Callback as Json).WorkflowState));
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    emu = await start({ webhooks: { defaultUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/` }, dbs: { updateDelayMs: 5000 } });
    session = await login(emu, 'demo.admin');
  });
  afterEach(async () => {
    await emu.close();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  it('initiates a check only on a finished application with consent, then reports the update', async () => {
    const { containerId } = await buildApplication(session);
    await publish(session, containerId);
    const early = await session.call('dataAccess/initiateBasicDbsCheck', { ContainerId: containerId, ApplicationConsent: true });
    expect(early.json.Success).toBe(false);
    await emu.advanceClock(2500);
    const noConsent = await session.call('dataAccess/initiateBasicDbsCheck', { ContainerId: containerId });
    expect(noConsent.json).toMatchObject({ Success: false, Message: 'ApplicationConsent is required.' });

    const form = await session.call('dataAccess/retrieveDBSForm', { ContainerId: containerId });
    expect(form.json.DBSForm).toMatchObject({ ContainerId: containerId, ApplicationType: 'Basic', Surname: 'SAMPLE' });

    const started = await session.call('dataAccess/initiateStandardOrEnhancedDbsCheck', { ContainerId: containerId, ApplicationConsent: true, ApplicationType: 'Standard' });
    expect(started.json.DbsCheckResult).toEqual({ DBSReference: expect.stringMatching(/^E\d{10}$/), ErrorMessage: null });
    expect((await retrieve(session, containerId)).DbsCheckInitiation).toEqual({ State: 1 });
    await emu.idle();
    expect(states).toEqual(['Start', 'Stop']);
    await emu.advanceClock(5000);
    expect(states).toEqual(['Start', 'Stop', 'Stop']);
  });
});
