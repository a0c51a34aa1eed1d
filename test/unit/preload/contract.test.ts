import { describe, expect, it } from 'vitest';
import { eventMethodName, eventNames, invoke, invokeChannels, methodName } from '../../../preload/contract';
import { createTempApp } from '../../fakes/temp-app';

describe('contract', () => {
  it('names every channel and event <domain>.<verb>', () => {
    for (const name of [...invokeChannels, ...eventNames]) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });

  it('derives window.kiosk member names from channel names, without collisions', () => {
    expect(methodName('settings.setSecret')).toBe('settingsSetSecret');
    expect(eventMethodName('health.changed')).toBe('onHealthChanged');
    const members = [...invokeChannels.map(methodName), ...eventNames.map(eventMethodName)];
    expect(new Set(members).size).toBe(members.length);
  });

  it('gives every channel a request and a response schema', () => {
    for (const channel of invokeChannels) {
      expect(invoke[channel].req, channel).toBeDefined();
      expect(invoke[channel].res, channel).toBeDefined();
    }
  });

  it('has a handler for every channel in the composed app', async () => {
    const temp = await createTempApp();
    expect(temp.app.dispatcher.unhandled()).toEqual([]);
    await temp.close();
  });
});
