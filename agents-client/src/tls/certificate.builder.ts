// Builds and signs X.509 v3 certificates with ECDSA P-256 keys and node:crypto.
// The profile is the small one a private cluster needs: a CA, and leaves for TLS
// servers and clients with subject alternative names.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import * as der from './der.encoder';

const OID = {
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectAltName: '2.5.29.17',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
} as const;

const KEY_USAGE_BIT = { digitalSignature: 0, keyCertSign: 5, cRLSign: 6 } as const;

export type ExtendedKeyUsage = 'serverAuth' | 'clientAuth';

export interface DistinguishedName {
  commonName: string;
  organization?: string;
}

/** Who signs: the CA's key and its subject exactly as encoded in its certificate. */
export interface CertificateSigner {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** DER of the signer's subject Name (becomes the issuer field). */
  subjectDer: Buffer;
}

export interface CertificateProfile {
  subject: DistinguishedName;
  publicKey: KeyObject;
  /** A CA may sign certificates (and only that); a leaf may not. */
  isCa: boolean;
  /** Ignored for a CA. */
  extendedKeyUsages?: ExtendedKeyUsage[];
  /** DNS names and IP addresses (v4 or v6) for subjectAltName. */
  altNames?: string[];
  validFrom: Date;
  validTo: Date;
}

export function generateKeyPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
}

export function encodeName(name: DistinguishedName): Buffer {
  const attribute = (type: string, value: string) => der.set(der.sequence(der.oid(type), der.utf8String(value)));
  return der.sequence(
    ...(name.organization ? [attribute(OID.organization, name.organization)] : []),
    attribute(OID.commonName, name.commonName),
  );
}

/**
 * Key identifier per RFC 7093 method 4 style: a truncated SHA-256 of the whole
 * SubjectPublicKeyInfo. Any stable unique value is valid; issuers and subjects
 * here always compute it the same way, so AKI matches the CA's SKI.
 */
export function keyIdentifier(publicKey: KeyObject): Buffer {
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest().subarray(0, 20);
}

/** The signer of a self-signed certificate: the subject itself. */
export function selfSigner(profile: CertificateProfile, privateKey: KeyObject): CertificateSigner {
  return { privateKey, publicKey: profile.publicKey, subjectDer: encodeName(profile.subject) };
}

/** Signs `profile` with `signer`. Returns DER. */
export function buildCertificate(profile: CertificateProfile, signer: CertificateSigner): Buffer {
  const algorithm = der.sequence(der.oid(OID.ecdsaWithSha256));
  const tbs = der.sequence(
    der.explicit(0, der.integer(2)), // v3
    der.integer(serialNumber()),
    algorithm,
    signer.subjectDer,
    der.sequence(der.time(profile.validFrom), der.time(profile.validTo)),
    encodeName(profile.subject),
    profile.publicKey.export({ type: 'spki', format: 'der' }),
    der.explicit(3, der.sequence(...extensions(profile, signer.publicKey))),
  );
  const signature = sign('sha256', tbs, { key: signer.privateKey, dsaEncoding: 'der' });
  return der.sequence(tbs, algorithm, der.bitString(signature));
}

/** 16 random bytes with the top bit clear: positive and at most 20 octets (RFC 5280). */
function serialNumber(): Buffer {
  const serial = randomBytes(16);
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x01;
  return serial;
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return der.sequence(der.oid(id), ...(critical ? [der.boolean(true)] : []), der.octetString(value));
}

function extensions(profile: CertificateProfile, issuerPublicKey: KeyObject): Buffer[] {
  const out = [
    // cA FALSE is the DEFAULT, which DER omits: a leaf's constraints are an empty SEQUENCE.
    extension(OID.basicConstraints, true, profile.isCa ? der.sequence(der.boolean(true), der.integer(0)) : der.sequence()),
    extension(
      OID.keyUsage,
      true,
      der.namedBits(
        profile.isCa
          ? [KEY_USAGE_BIT.digitalSignature, KEY_USAGE_BIT.keyCertSign, KEY_USAGE_BIT.cRLSign]
          : [KEY_USAGE_BIT.digitalSignature],
      ),
    ),
    extension(OID.subjectKeyIdentifier, false, der.octetString(keyIdentifier(profile.publicKey))),
    extension(OID.authorityKeyIdentifier, false, der.sequence(der.implicitPrimitive(0, keyIdentifier(issuerPublicKey)))),
  ];
  const usages = profile.extendedKeyUsages ?? [];
  if (!profile.isCa && usages.length > 0) {
    out.push(extension(OID.extKeyUsage, false, der.sequence(...usages.map((usage) => der.oid(OID[usage])))));
  }
  const altNames = profile.altNames ?? [];
  if (altNames.length > 0) out.push(extension(OID.subjectAltName, false, der.sequence(...altNames.map(generalName))));
  return out;
}

/** dNSName is [2] IA5String, iPAddress is [7] OCTET STRING of 4 or 16 bytes. */
function generalName(name: string): Buffer {
  if (isIPv4(name)) return der.implicitPrimitive(7, Buffer.from(name.split('.').map(Number)));
  if (isIPv6(name)) return der.implicitPrimitive(7, ipv6Bytes(name));
  return der.implicitPrimitive(2, Buffer.from(name, 'ascii'));
}

function ipv6Bytes(address: string): Buffer {
  // An embedded IPv4 tail (::ffff:10.0.0.1) stands for the last two 16-bit words.
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    address = `${address.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = address.split('::');
  const groups = (part: string) => (part ? part.split(':') : []);
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const words = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  const out = Buffer.alloc(16);
  words.forEach((word, index) => out.writeUInt16BE(parseInt(word, 16), index * 2));
  return out;
}

export function toPem(label: 'CERTIFICATE', derBytes: Buffer): string {
  const lines = derBytes.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
