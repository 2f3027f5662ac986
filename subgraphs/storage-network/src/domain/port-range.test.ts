import { formatPortRange, parsePortRange } from './port-range';

describe('parsePortRange', () => {
  it.each([
    [null, null, null],
    ['22', { start: 22, end: 22 }, '22'],
    ['1', { start: 1, end: 1 }, '1'],
    ['65535', { start: 65535, end: 65535 }, '65535'],
    ['8000-8080', { start: 8000, end: 8080 }, '8000-8080'],
    ['1-65535', { start: 1, end: 65535 }, '1-65535'],
    ['443-443', { start: 443, end: 443 }, '443'],
  ])('reads %p and writes it back as %p', (text, value, canonical) => {
    expect(parsePortRange(text)).toEqual({ ok: true, value });
    expect(formatPortRange(value)).toBe(canonical);
  });

  it.each([
    ['', /not a port range/],
    ['0', /port 0 is out of range/],
    ['65536', /port 65536 is out of range/],
    ['0-80', /port 0 is out of range/],
    ['80-70000', /port 70000 is out of range/],
    ['8080-8000', /ends before it starts/],
    ['22-', /not a port range/],
    ['-22', /not a port range/],
    ['22 - 80', /not a port range/],
    ['22,80', /not a port range/],
    ['ssh', /not a port range/],
    ['1e3', /not a port range/],
    ['123456', /not a port range/],
  ])('refuses %p', (text, reason) => {
    const parsed = parsePortRange(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toMatch(reason);
  });
});
