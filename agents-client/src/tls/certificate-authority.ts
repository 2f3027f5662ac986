// An in-memory certificate authority: creates the CA and issues leaf certificates.
// Persistence lives in cluster-pki.ts; this file does no I/O.
import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import {
  buildCertificate,
  generateKeyPair,
  selfSigner,
  toPem,
  type CertificateProfile,
  type CertificateSigner,
  type ExtendedKeyUsage,
} from './certificate.builder';
import { certificateSubject } from './der.reader';

/** PEM material for one side of a mutual-TLS connection. */
export interface AgentTlsMaterial {
  /** The cluster CA certificate that peers must be signed by. */
  ca: Buffer;
  /** This side's certificate, signed by the cluster CA. */
  cert: Buffer;
  /** This side's private key (PKCS#8). */
  key: Buffer;
}

export interface CertificateAuthority extends CertificateSigner {
  certPem: Buffer;
  keyPem: Buffer;
}

export interface LeafRequest {
  commonName: string;
  usages: ExtendedKeyUsage[];
  altNames?: string[];
  /** Default 365. */
  validDays?: number;
}

const ORGANIZATION = 'LimiQuantix';
const DAY_MS = 24 * 60 * 60 * 1000;
// Issue certificates valid from a little in the past, so that a peer whose clock
// runs slightly behind does not reject a certificate issued a moment ago.
const CLOCK_SKEW_MS = 60 * 60 * 1000;

function validity(validDays: number): Pick<CertificateProfile, 'validFrom' | 'validTo'> {
  const now = Date.now();
  // X.509 times have whole seconds; truncate so the encoded time is what we meant.
  const second = (ms: number) => new Date(Math.floor(ms / 1000) * 1000);
  return { validFrom: second(now - CLOCK_SKEW_MS), validTo: second(now + validDays * DAY_MS) };
}

/** Creates a new self-signed CA (default ten years). */
export function createCertificateAuthority(commonName = 'LimiQuantix Cluster CA', validDays = 3650): CertificateAuthority {
  const { privateKey, publicKey } = generateKeyPair();
  const profile: CertificateProfile = {
    subject: { commonName, organization: ORGANIZATION },
    publicKey,
    isCa: true,
    ...validity(validDays),
  };
  const certDer = buildCertificate(profile, selfSigner(profile, privateKey));
  return {
    privateKey,
    publicKey,
    subjectDer: certificateSubject(certDer),
    certPem: Buffer.from(toPem('CERTIFICATE', certDer)),
    keyPem: Buffer.from(privateKey.export({ type: 'pkcs8', format: 'pem' })),
  };
}

/** Rebuilds a CA from its PEM files; throws when the key does not belong to the certificate. */
export function loadCertificateAuthority(certPem: Buffer, keyPem: Buffer): CertificateAuthority {
  const certificate = new X509Certificate(certPem);
  const privateKey = createPrivateKey(keyPem);
  if (!certificate.ca) throw new Error('the CA certificate is not a CA (basicConstraints cA is false)');
  if (!certificate.checkPrivateKey(privateKey)) throw new Error('the CA key does not match the CA certificate');
  return {
    privateKey,
    publicKey: createPublicKey(privateKey),
    subjectDer: certificateSubject(certificate.raw),
    certPem,
    keyPem,
  };
}

/** Issues a leaf certificate with a fresh key pair. */
export function issueCertificate(authority: CertificateAuthority, request: LeafRequest): AgentTlsMaterial {
  const { privateKey, publicKey } = generateKeyPair();
  const certDer = buildCertificate(
    {
      subject: { commonName: request.commonName, organization: ORGANIZATION },
      publicKey,
      isCa: false,
      extendedKeyUsages: request.usages,
      altNames: request.altNames ?? [],
      ...validity(request.validDays ?? 365),
    },
    authority,
  );
  return {
    ca: authority.certPem,
    cert: Buffer.from(toPem('CERTIFICATE', certDer)),
    key: Buffer.from(privateKey.export({ type: 'pkcs8', format: 'pem' })),
  };
}

/** True when `cert` was signed by `authority` and stays valid for at least `marginMs`. */
export function isUsableCertificate(authority: CertificateAuthority, cert: Buffer, marginMs: number): boolean {
  const certificate = new X509Certificate(cert);
  return certificate.verify(authority.publicKey) && new Date(certificate.validTo).getTime() - Date.now() > marginMs;
}
