import { parseAgentAddress } from './agent-address';

describe('parseAgentAddress', () => {
  it.each([
    ['10.0.0.5:9443', '10.0.0.5:9443'],
    ['  HV01.Example.COM:9443 ', 'hv01.example.com:9443'],
    ['localhost:1', 'localhost:1'],
    ['hv-01:65535', 'hv-01:65535'],
    ['10.0.0.5:09443', '10.0.0.5:9443'],
    ['[::1]:7443', '[::1]:7443'],
    ['[FE80::1]:7443', '[fe80::1]:7443'],
  ])('accepts %p as %p', (raw, expected) => {
    expect(parseAgentAddress(raw)).toEqual({ ok: true, address: expected });
  });

  it.each([
    ['', /host:port/],
    ['10.0.0.5', /lacks a port/],
    ['10.0.0.5:', /port must be a number from 1 to 65535/],
    ['10.0.0.5:0', /port must be a number from 1 to 65535, got 0/],
    ['10.0.0.5:65536', /got 65536/],
    ['10.0.0.5:99999', /got 99999/],
    ['10.0.0.5:-1', /port must be/],
    ['10.0.0.5:http', /port must be/],
    [':9443', /lacks a host/],
    ['https://10.0.0.5:9443', /without a scheme or path/],
    ['10.0.0.5:9443/agent', /without a scheme or path/],
    ['300.0.0.1:9443', /not an IPv4 address/],
    ['hv_01:9443', /not a valid host name/],
    ['-hv:9443', /not a valid host name/],
    ['::1:7443', /\[address\]:port/],
    ['[::1]7443', /\[address\]:port/],
    ['[zz]:7443', /not an IPv6 address/],
  ])('refuses %p', (raw, reason) => {
    const parsed = parseAgentAddress(raw);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.reason).toMatch(reason);
  });
});
