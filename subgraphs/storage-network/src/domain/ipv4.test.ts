import {
  formatIpv4,
  isHostAddress,
  isInCidr,
  nextFreeAddress,
  parseCidr,
  parseIpv4,
  parseNetworkCidr,
  usableAddressCount,
} from './ipv4';

describe('parseIpv4', () => {
  it.each([
    ['0.0.0.0', 0],
    ['10.0.0.1', 0x0a000001],
    ['192.168.1.254', 0xc0a801fe],
    ['255.255.255.255', 0xffffffff],
  ])('reads %s as %d', (text, value) => {
    expect(parseIpv4(text)).toBe(value);
    expect(formatIpv4(value)).toBe(text);
  });

  it.each([
    ['', 'empty text'],
    ['10.0.0', 'three octets'],
    ['10.0.0.0.1', 'five octets'],
    ['10.0.0.256', 'an octet above 255'],
    ['10.0.0.-1', 'a signed octet'],
    ['10.0.0.01', 'a leading zero'],
    ['10.0.0. 1', 'a space'],
    ['10.0.0.1/24', 'a prefix'],
    ['a.b.c.d', 'letters'],
    ['::1', 'an IPv6 address'],
  ])('refuses %p (%s)', (text) => {
    expect(parseIpv4(text)).toBeNull();
  });
});

describe('parseCidr', () => {
  it.each([
    ['0.0.0.0/0', 0, 0],
    ['10.0.0.0/8', 0x0a000000, 8],
    ['192.168.1.0/24', 0xc0a80100, 24],
    ['192.168.1.7/32', 0xc0a80107, 32],
  ])('accepts %s', (text, network, prefix) => {
    expect(parseCidr(text)).toEqual({ ok: true, value: { network, prefix } });
  });

  it.each([
    ['10.0.0.0', /expected address\/prefix/],
    ['10.0.0/24', /not an IPv4 address/],
    ['10.0.0.0/33', /prefix must be 0 to 32/],
    ['10.0.0.0/', /prefix must be 0 to 32/],
    ['10.0.0.0/024', /prefix must be 0 to 32/],
    ['10.0.0.0/-1', /prefix must be 0 to 32/],
    ['10.0.0.1/24', /host bits set: did you mean 10.0.0.0\/24/],
    ['10.1.0.0/8', /did you mean 10.0.0.0\/8/],
    ['0.0.0.1/0', /did you mean 0.0.0.0\/0/],
  ])('refuses %s', (text, reason) => {
    const parsed = parseCidr(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toMatch(reason);
  });
});

describe('parseNetworkCidr', () => {
  it.each([
    ['10.0.0.0/8', true],
    ['10.0.0.0/16', true],
    ['10.0.0.0/30', true],
    ['0.0.0.0/0', false],
    ['8.0.0.0/7', false],
    ['10.0.0.0/31', false],
    ['10.0.0.1/32', false],
    ['10.0.0.1/24', false],
  ])('for %s says %p', (text, ok) => {
    expect(parseNetworkCidr(text).ok).toBe(ok);
  });

  it('names the bounds when the prefix is outside them', () => {
    expect(parseNetworkCidr('10.0.0.0/31')).toEqual({ ok: false, reason: '10.0.0.0/31: a network\'s prefix must be /8 to /30' });
  });
});

describe('isInCidr and isHostAddress', () => {
  it.each([
    ['10.0.0.0', '10.0.0.0/24', true, false],
    ['10.0.0.1', '10.0.0.0/24', true, true],
    ['10.0.0.254', '10.0.0.0/24', true, true],
    ['10.0.0.255', '10.0.0.0/24', true, false],
    ['10.0.1.0', '10.0.0.0/24', false, false],
    ['9.255.255.255', '10.0.0.0/8', false, false],
    ['203.0.113.9', '0.0.0.0/0', true, true],
    ['10.0.0.5', '10.0.0.5/32', true, false],
    ['not-an-ip', '10.0.0.0/24', false, false],
  ])('%s in %s: inside %p, host address %p', (ip, cidr, inside, host) => {
    expect(isInCidr(ip, cidr)).toBe(inside);
    expect(isHostAddress(ip, cidr)).toBe(host);
  });

  it('throws on a malformed stored CIDR, which validation should have stopped', () => {
    expect(() => isInCidr('10.0.0.1', '10.0.0.1/24')).toThrow(RangeError);
  });
});

describe('usableAddressCount', () => {
  it.each([
    ['10.0.0.0/24', null, 254],
    ['10.0.0.0/24', '10.0.0.1', 253],
    ['10.0.0.0/24', '10.0.1.1', 254],
    ['10.0.0.0/24', '10.0.0.0', 254],
    ['10.0.0.0/24', '10.0.0.255', 254],
    ['10.0.0.0/30', '10.0.0.1', 1],
    ['10.0.0.0/30', null, 2],
    ['10.0.0.0/8', '10.0.0.1', 16_777_213],
    ['10.0.0.0/31', null, 0],
    ['10.0.0.0/32', '10.0.0.0', 0],
  ])('%s with gateway %p has %d', (cidr, gateway, count) => {
    expect(usableAddressCount(cidr, gateway)).toBe(count);
  });
});

describe('nextFreeAddress', () => {
  it.each([
    ['the first host address', '10.0.0.0/24', null, [], '10.0.0.1'],
    ['the address after the gateway', '10.0.0.0/24', '10.0.0.1', [], '10.0.0.2'],
    ['the first gap among taken addresses', '10.0.0.0/24', '10.0.0.1', ['10.0.0.2', '10.0.0.4'], '10.0.0.3'],
    ['an address past an octet boundary', '10.0.0.0/16', null, Array.from({ length: 255 }, (_, i) => `10.0.0.${i + 1}`), '10.0.1.0'],
    ['the last host address', '10.0.0.0/30', '10.0.0.1', [], '10.0.0.2'],
    ['null when every host address is taken', '10.0.0.0/30', '10.0.0.1', ['10.0.0.2'], null],
    ['null when the block has no host addresses', '10.0.0.4/31', null, [], null],
  ])('returns %s', (_case, cidr, gateway, taken, expected) => {
    expect(nextFreeAddress(cidr, gateway, new Set(taken))).toBe(expected);
  });

  it('never hands out the network or broadcast address', () => {
    const taken = new Set<string>();
    for (let next = nextFreeAddress('10.0.0.0/29', null, taken); next; next = nextFreeAddress('10.0.0.0/29', null, taken)) {
      taken.add(next);
    }
    expect([...taken]).toEqual(['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5', '10.0.0.6']);
  });
});
