import { parseSimConfig } from './sim-config';

describe('parseSimConfig', () => {
  it('uses the documented defaults when no flags are given', () => {
    expect(parseSimConfig([])).toEqual({
      ok: true,
      config: {
        count: 10,
        seed: 42,
        pkiDir: './.limiquantix/pki',
        basePort: 17_000,
        latencyScale: 1,
        heartbeatMs: 2_000,
        hostnamePrefix: 'sim-host',
        bindAddress: '127.0.0.1',
        output: 'text',
      },
    });
  });

  it('reads numbers from flags', () => {
    const parsed = parseSimConfig(['--count', '1000', '--seed', '7', '--base-port', '0', '--latency-scale', '0.1']);
    expect(parsed).toMatchObject({ ok: true, config: { count: 1_000, seed: 7, basePort: 0, latencyScale: 0.1 } });
  });

  it('reports every problem at once, named by flag', () => {
    const parsed = parseSimConfig(['--count', 'many', '--hostname-prefix', 'Bad_Name', '--output', 'yaml']);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toHaveLength(3);
    expect(parsed.problems.map((problem) => problem.split(':')[0])).toEqual(['--count', '--hostname-prefix', '--output']);
  });

  it('refuses a port range that runs past 65535', () => {
    expect(parseSimConfig(['--count', '100', '--base-port', '65500'])).toMatchObject({ ok: false, problems: [expect.stringMatching(/^--base-port/)] });
  });

  it('refuses unknown flags', () => {
    expect(parseSimConfig(['--bogus', '1'])).toMatchObject({ ok: false, problems: [expect.stringMatching(/bogus/)] });
  });
});
