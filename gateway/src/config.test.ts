import { loadGatewayConfig } from './config';
import { ConfigError } from '../../subgraphs/platform/src';

describe('gateway configuration', () => {
  it('runs embedded with defaults when no service variables are set', () => {
    const c = loadGatewayConfig({});
    expect(c.port).toBe(4000);
    expect(c.database).toEqual({ kind: 'pglite', dataDir: './.limiquantix' });
    expect(c.redisUrl).toBeUndefined();
    expect(c.etcdEndpoints).toBeUndefined();
    expect(c.overcommit).toEqual({ cpu: 2, memory: 1.5 });
    expect(c.demoHosts).toBe(3);
    expect(c.pkiDir).toBe('./.limiquantix/pki');
  });

  it('uses the services named by DATABASE_URL, REDIS_URL and ETCD_ENDPOINTS', () => {
    const c = loadGatewayConfig({
      DATABASE_URL: 'postgresql://u@db:5432/lq',
      REDIS_URL: 'redis://cache:6379',
      ETCD_ENDPOINTS: 'http://e1:2379, http://e2:2379',
    });
    expect(c.database).toMatchObject({ kind: 'postgres', url: 'postgresql://u@db:5432/lq' });
    expect(c.redisUrl).toBe('redis://cache:6379');
    expect(c.etcdEndpoints).toEqual(['http://e1:2379', 'http://e2:2379']);
  });

  it('names every bad variable at once', () => {
    let err: unknown;
    try {
      loadGatewayConfig({ LQ_PORT: 'eighty', LQ_ADMIN_PASSWORD: 'short', LQ_OVERCOMMIT_CPU: '-1' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const message = (err as Error).message;
    expect(message).toMatch(/LQ_PORT/);
    expect(message).toMatch(/LQ_ADMIN_PASSWORD: must be at least 12 characters/);
    expect(message).toMatch(/LQ_OVERCOMMIT_CPU/);
  });

  it('treats empty variables as unset', () => {
    expect(loadGatewayConfig({ DATABASE_URL: '' }).database.kind).toBe('pglite');
  });
});
