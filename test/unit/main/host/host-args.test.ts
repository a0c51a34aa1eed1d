import { describe, expect, it } from 'vitest';
import { parseHostArgs } from '../../../../main/host/host-args';

describe('host arguments', () => {
  it('reads --headless and --port', () => {
    expect(parseHostArgs([])).toEqual({ headless: false, port: 0 });
    expect(parseHostArgs(['--headless', '--port', '4100'])).toEqual({ headless: true, port: 4100 });
  });
  it('refuses a port that is not a port', () => {
    expect(() => parseHostArgs(['--port', 'abc'])).toThrow(/port number/);
    expect(() => parseHostArgs(['--port', '70000'])).toThrow(/port number/);
  });
});
