import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTROL_PLANE_COMMON_NAME, createEphemeralPki, ensureClusterPki, issueAgentCertificate } from './cluster-pki';

describe('cluster PKI', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lq-pki-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('issues an agent certificate that verifies against the cluster CA', () => {
    const pki = createEphemeralPki();
    const ca = new X509Certificate(pki.authority.certPem);
    const agent = new X509Certificate(issueAgentCertificate(pki, ['hv-01.example', '10.0.0.7']).cert);

    expect(ca.ca).toBe(true);
    expect(ca.verify(ca.publicKey)).toBe(true);
    expect(agent.ca).toBe(false);
    expect(agent.verify(ca.publicKey)).toBe(true);
    expect(agent.checkIssued(ca)).toBe(true);
    expect(agent.subject).toContain('CN=hv-01.example');
    expect(agent.checkHost('hv-01.example')).toBe('hv-01.example');
    expect(agent.checkHost('localhost')).toBe('localhost');
    expect(agent.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(agent.checkIP('10.0.0.7')).toBe('10.0.0.7');
    expect(agent.checkHost('other.example')).toBeUndefined();
    expect(agent.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']);
  });

  it('does not verify a certificate against another cluster CA', () => {
    const ours = createEphemeralPki();
    const theirs = createEphemeralPki();
    const agent = new X509Certificate(issueAgentCertificate(ours, ['hv-01']).cert);
    expect(agent.verify(new X509Certificate(theirs.authority.certPem).publicKey)).toBe(false);
  });

  it('creates the CA and a control-plane client certificate with private keys readable only by the owner', async () => {
    const pki = await ensureClusterPki(dir);

    const controlPlane = new X509Certificate(pki.controlPlane.cert);
    expect(controlPlane.subject).toContain(`CN=${CONTROL_PLANE_COMMON_NAME}`);
    expect(controlPlane.keyUsage).toEqual(['1.3.6.1.5.5.7.3.2']);
    expect(controlPlane.verify(new X509Certificate(pki.authority.certPem).publicKey)).toBe(true);
    expect((await stat(join(dir, 'ca.key'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'control-plane.key'))).mode & 0o777).toBe(0o600);
  });

  it('reuses the existing CA and certificate on later calls', async () => {
    const first = await ensureClusterPki(dir);
    const second = await ensureClusterPki(dir);
    expect(second.authority.certPem.equals(first.authority.certPem)).toBe(true);
    expect(second.controlPlane.cert.equals(first.controlPlane.cert)).toBe(true);
  });

  it('creates exactly one CA when several processes ask at once', async () => {
    const results = await Promise.all([1, 2, 3, 4].map(() => ensureClusterPki(dir)));
    const onDisk = await readFile(join(dir, 'ca.crt'));
    for (const pki of results) expect(pki.authority.certPem.equals(onDisk)).toBe(true);
  });

  it('reissues a missing control-plane certificate under the same CA', async () => {
    const first = await ensureClusterPki(dir);
    await rm(join(dir, 'control-plane.crt'));
    const second = await ensureClusterPki(dir);
    expect(second.authority.certPem.equals(first.authority.certPem)).toBe(true);
    expect(new X509Certificate(second.controlPlane.cert).verify(first.authority.publicKey)).toBe(true);
  });

  it('refuses a CA key that does not belong to the CA certificate instead of replacing it', async () => {
    await ensureClusterPki(dir);
    await writeFile(join(dir, 'ca.key'), createEphemeralPki().authority.keyPem);
    await expect(ensureClusterPki(dir)).rejects.toThrow(/does not match/);
  });
});
