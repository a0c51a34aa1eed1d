import { describe, expect, it } from 'vitest';
import { BaseUrlError, endpointUrl, isLoopbackHost, parseBaseUrl } from '../../../../main/trustid/base-url';

describe('TrustID base URL', () => {
  it('adds /VPE/ to a server address and builds documented paths with a trailing slash', () => {
    const api = parseBaseUrl('https://cloud.trustid.co.uk');
    expect(api.root.toString()).toBe('https://cloud.trustid.co.uk/VPE/');
    expect(endpointUrl(api, 'session', 'login').toString()).toBe('https://cloud.trustid.co.uk/VPE/session/login/');
    expect(endpointUrl(api, 'guestLink', 'createGuestLink').pathname).toBe('/VPE/guestLink/createGuestLink/');
  });

  it('keeps an API root given as the emulator reports it, and a white-label /vpe.svc/ root', () => {
    expect(parseBaseUrl('http://127.0.0.1:5000/VPE/').root.toString()).toBe('http://127.0.0.1:5000/VPE/');
    expect(parseBaseUrl('http://127.0.0.1:5000/VPE').root.toString()).toBe('http://127.0.0.1:5000/VPE/');
    expect(parseBaseUrl('https://id.example.org/vpe.svc/').root.toString()).toBe('https://id.example.org/vpe.svc/');
    expect(parseBaseUrl('https://id.example.org/tenant/').root.toString()).toBe('https://id.example.org/tenant/VPE/');
  });

  it('puts the __TT_ query parameters into the URL with their exact names', () => {
    const url = endpointUrl(parseBaseUrl('https://sandbox.trustid.co.uk/'), 'dataAccess', 'uploadImage', {
      __TT_ContainerId: 'c',
      __TT_DocumentId: 'd',
      __TT_ImageType: '2',
    });
    expect(url.search).toBe('?__TT_ContainerId=c&__TT_DocumentId=d&__TT_ImageType=2');
  });

  it('allows plain http only for loopback hosts', () => {
    expect(parseBaseUrl('http://localhost:8080/').loopback).toBe(true);
    expect(parseBaseUrl('http://[::1]:8080/').loopback).toBe(true);
    expect(parseBaseUrl('https://cloud.trustid.co.uk/').loopback).toBe(false);
    expect(() => parseBaseUrl('http://cloud.trustid.co.uk/')).toThrow(/must start with https:\/\//);
    expect(() => parseBaseUrl('http://192.168.1.10/')).toThrow(BaseUrlError);
    expect(() => parseBaseUrl('ftp://127.0.0.1/')).toThrow(BaseUrlError);
  });

  it('refuses addresses with credentials, a query, a fragment, or no sense at all', () => {
    expect(() => parseBaseUrl('https://user:pw@cloud.trustid.co.uk/')).toThrow(/user name or password/);
    expect(() => parseBaseUrl('https://cloud.trustid.co.uk/?x=1')).toThrow(BaseUrlError);
    expect(() => parseBaseUrl('https://cloud.trustid.co.uk/#top')).toThrow(BaseUrlError);
    expect(() => parseBaseUrl('not a url')).toThrow(/not a valid web address/);
  });

  it('recognises loopback names and addresses only', () => {
    for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::1', 'app.localhost']) expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['10.0.0.1', 'localhost.example.com', '128.0.0.1', 'example.org', '::2']) expect(isLoopbackHost(host)).toBe(false);
  });
});
