// Path matching (RAW-API §1.1) and the endpoint catalogue (§3).
import { describe, expect, it } from 'vitest';
import { ROUTES, matchApiPath } from '../../../../../main/demo/emulator/routes';

describe('emulator routes', () => {
  it('matches /VPE/ and /vpe.svc/, any case, with or without the trailing slash', () => {
    for (const path of ['/VPE/session/login/', '/VPE/session/login', '/vpe.svc/Session/Login/', '/VpE/SESSION/LOGIN']) {
      expect(matchApiPath(path)?.route?.op, path).toBe('session/login');
    }
    expect(matchApiPath('/VPE/inbox/query/')).toEqual({ op: 'inbox/query', route: undefined });
    expect(matchApiPath('/guest/abc')).toBeNull();
  });

  it('lists every endpoint of the §3 catalogue exactly once', () => {
    const ops = ROUTES.map((route) => route.op);
    expect(new Set(ops).size).toBe(ops.length);
    expect(ops).toHaveLength(31);
    expect(ops).toEqual(expect.arrayContaining(['dataAccess/uploadApplicantPhoto', 'guestLink/deleteGuestLink', 'kdb/getCountries', 'dataAccess/initiateStandardOrEnhancedDbsCheck']));
  });

  it('leaves only testConnection open and sends raw bodies only to the uploads', () => {
    expect(ROUTES.filter((route) => route.auth === 'open').map((route) => route.op)).toEqual(['session/testConnection']);
    expect(ROUTES.filter((route) => route.body === 'raw').map((route) => route.op)).toEqual(['dataAccess/uploadImage', 'dataAccess/uploadApplicantPhoto']);
    expect(ROUTES.filter((route) => route.methods.includes('GET')).map((route) => route.op)).toEqual(['session/testConnection', 'dataAccess/image', 'dataAccess/downloadPDF']);
  });
});
