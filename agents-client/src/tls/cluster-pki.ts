// The cluster PKI on disk: one CA, and the control plane's client certificate.
// Agents' server certificates are issued on demand and not stored here.
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createCertificateAuthority,
  isUsableCertificate,
  issueCertificate,
  loadCertificateAuthority,
  type AgentTlsMaterial,
  type CertificateAuthority,
} from './certificate-authority';

export const CONTROL_PLANE_COMMON_NAME = 'limiquantix-control-plane';

export interface ClusterPki {
  /** Where the files live; undefined for an in-memory PKI. */
  dir: string | undefined;
  authority: CertificateAuthority;
  /** The control plane's client certificate for connecting to agents. */
  controlPlane: AgentTlsMaterial;
}

const FILES = {
  caCert: 'ca.crt',
  caKey: 'ca.key',
  controlPlaneCert: 'control-plane.crt',
  controlPlaneKey: 'control-plane.key',
  lock: '.lock',
} as const;

// Reissue the control-plane certificate this long before it expires.
const RENEW_MARGIN_MS = 30 * 24 * 60 * 60 * 1000;
const LOCK_STALE_MS = 30_000;
const LOCK_POLL_MS = 25;
const LOCK_WAIT_MS = 15_000;

/**
 * Loads the cluster PKI from `dir`, creating what is missing: the CA on first use,
 * and the control-plane certificate when absent or within 30 days of expiry.
 * Several processes may call this at once (gateway and simulator on one
 * machine): a lock file makes exactly one of them create the CA.
 * Throws when the files exist but do not fit together, rather than replacing
 * a CA that agents may already trust.
 */
export async function ensureClusterPki(dir: string): Promise<ClusterPki> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const existing = await tryLoad(dir);
  if (existing) return existing;
  return withLock(join(dir, FILES.lock), async () => {
    let authority: CertificateAuthority;
    const caCert = await readOptional(join(dir, FILES.caCert));
    const caKey = await readOptional(join(dir, FILES.caKey));
    if (caCert && caKey) {
      authority = loadCertificateAuthority(caCert, caKey);
    } else if (caCert || caKey) {
      throw new Error(`cluster PKI in ${dir} has only one of ${FILES.caCert} and ${FILES.caKey}`);
    } else {
      authority = createCertificateAuthority();
      await writeAtomic(join(dir, FILES.caKey), authority.keyPem, 0o600);
      await writeAtomic(join(dir, FILES.caCert), authority.certPem, 0o644);
    }
    const current = await tryLoad(dir);
    if (current) return current;
    const controlPlane = issueControlPlaneCertificate(authority);
    await writeAtomic(join(dir, FILES.controlPlaneKey), controlPlane.key, 0o600);
    await writeAtomic(join(dir, FILES.controlPlaneCert), controlPlane.cert, 0o644);
    return { dir, authority, controlPlane };
  });
}

/** A throwaway PKI that lives only in memory (tests, a one-off simulator run). */
export function createEphemeralPki(): ClusterPki {
  const authority = createCertificateAuthority();
  return { dir: undefined, authority, controlPlane: issueControlPlaneCertificate(authority) };
}

/**
 * Issues an agent's certificate. It serves TLS for the agent and also works as a
 * client certificate, since a migrating source agent connects to the target.
 * Subject alternative names: the given host names and addresses, plus localhost,
 * 127.0.0.1 and ::1. The common name is the first host name.
 */
export function issueAgentCertificate(pki: ClusterPki, hostnames: string[]): AgentTlsMaterial {
  const altNames = [...new Set([...hostnames, 'localhost', '127.0.0.1', '::1'])];
  return issueCertificate(pki.authority, {
    commonName: hostnames[0] ?? 'limiquantix-agent',
    usages: ['serverAuth', 'clientAuth'],
    altNames,
  });
}

function issueControlPlaneCertificate(authority: CertificateAuthority): AgentTlsMaterial {
  return issueCertificate(authority, { commonName: CONTROL_PLANE_COMMON_NAME, usages: ['clientAuth'] });
}

/** The complete PKI if every file is present and usable; undefined if something is missing or due for renewal. */
async function tryLoad(dir: string): Promise<ClusterPki | undefined> {
  const [caCert, caKey, cert, key] = await Promise.all(
    [FILES.caCert, FILES.caKey, FILES.controlPlaneCert, FILES.controlPlaneKey].map((file) => readOptional(join(dir, file))),
  );
  if (!caCert || !caKey || !cert || !key) return undefined;
  const authority = loadCertificateAuthority(caCert, caKey);
  if (!isUsableCertificate(authority, cert, RENEW_MARGIN_MS)) return undefined;
  return { dir, authority, controlPlane: { ca: caCert, cert, key } };
}

async function readOptional(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Write-then-rename, so a concurrent reader never sees half a key. */
async function writeAtomic(path: string, content: Buffer, mode: number): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, content, { mode });
  await rename(temporary, path);
}

async function withLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const handle = await open(path, 'wx', 0o600);
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A holder that died leaves its lock behind; take over after a while.
      const age = await stat(path).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (age > LOCK_STALE_MS) await rm(path, { force: true });
      else if (Date.now() > deadline) throw new Error(`timed out waiting for the PKI lock ${path}`, { cause: error });
      else await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
    }
  }
  try {
    return await work();
  } finally {
    await rm(path, { force: true });
  }
}
