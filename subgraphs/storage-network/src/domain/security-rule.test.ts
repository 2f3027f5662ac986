import { validateSecurityRule, type SecurityRuleDraft } from './security-rule';

const draft = (over: Partial<SecurityRuleDraft> = {}): SecurityRuleDraft => ({
  direction: 'INBOUND',
  protocol: 'TCP',
  portRange: '22',
  remoteCidr: '0.0.0.0/0',
  action: 'ALLOW',
  ...over,
});

describe('validateSecurityRule', () => {
  it.each([
    ['SSH from anywhere', {}, { portRange: '22', remoteCidr: '0.0.0.0/0', priority: 100 }],
    ['all TCP ports when the range is null', { portRange: null }, { portRange: null }],
    ['a UDP range', { protocol: 'UDP' as const, portRange: '8000-8080' }, { portRange: '8000-8080' }],
    ['a one-port range written as a range, in canonical form', { portRange: '443-443' }, { portRange: '443' }],
    ['ICMP without ports', { protocol: 'ICMP' as const, portRange: null }, { protocol: 'ICMP', portRange: null }],
    ['ANY without ports', { protocol: 'ANY' as const, portRange: null, action: 'DENY' as const }, { protocol: 'ANY', action: 'DENY' }],
    ['a single remote host as /32', { remoteCidr: '198.51.100.7/32' }, { remoteCidr: '198.51.100.7/32' }],
    ['an explicit priority at each bound', { priority: 0 }, { priority: 0 }],
    ['the highest priority number', { priority: 65535 }, { priority: 65535 }],
    ['a description', { description: 'admins' }, { description: 'admins' }],
  ])('accepts %s', (_case, over, expected) => {
    const result = validateSecurityRule(draft(over));
    expect(result.ok).toBe(true);
    expect(result.ok && result.rule).toMatchObject(expected);
  });

  it.each([
    ['a port range on ICMP', { protocol: 'ICMP' as const, portRange: '22' }, [['portRange', /ICMP rules take no port range/]]],
    ['a port range on ANY', { protocol: 'ANY' as const, portRange: '1-65535' }, [['portRange', /ANY rules take no port range/]]],
    ['a malformed port range', { portRange: '22-' }, [['portRange', /not a port range/]]],
    ['a reversed port range', { portRange: '90-80' }, [['portRange', /ends before it starts/]]],
    ['a CIDR with host bits set', { remoteCidr: '10.0.0.1/8' }, [['remoteCidr', /host bits set/]]],
    ['a bare address', { remoteCidr: '10.0.0.1' }, [['remoteCidr', /not a CIDR/]]],
    ['a negative priority', { priority: -1 }, [['priority', /0 to 65535/]]],
    ['a fractional priority', { priority: 1.5 }, [['priority', /integer/]]],
    ['a long description', { description: 'x'.repeat(256) }, [['description', /at most 255/]]],
    [
      'every bad field at once',
      { protocol: 'ICMP' as const, portRange: '22', remoteCidr: 'anywhere', priority: 70000 },
      [['portRange', /ICMP/], ['remoteCidr', /not a CIDR/], ['priority', /65535/]],
    ],
  ])('refuses %s', (_case, over, expected) => {
    const result = validateSecurityRule(draft(over));
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((p) => p.field)).toEqual(expected.map(([field]) => field));
    problems.forEach((p, i) => expect(p.message).toMatch(expected[i]?.[1] as RegExp));
  });
});
