// Minimal ASN.1 DER encoder: just the types an X.509 v3 certificate needs.
// Node 20's crypto can sign and verify but cannot build certificates, and we keep
// the PKI dependency-free rather than pull in a general ASN.1 library.

/** Encodes a DER definite length (short form below 128, long form above). */
function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** One tag-length-value element; `tag` is the complete identifier octet. */
export function tlv(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), encodeLength(content.length), content]);
}

export function sequence(...items: Buffer[]): Buffer {
  return tlv(0x30, Buffer.concat(items));
}

export function set(...items: Buffer[]): Buffer {
  return tlv(0x31, Buffer.concat(items));
}

export function boolean(value: boolean): Buffer {
  return tlv(0x01, Buffer.from([value ? 0xff : 0x00]));
}

/**
 * A non-negative INTEGER from a number or a big-endian magnitude. DER wants the
 * shortest form, and a leading 0x00 when the top bit would otherwise read as a sign.
 */
export function integer(value: number | Buffer): Buffer {
  let bytes = typeof value === 'number' ? bigEndian(value) : value;
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
  bytes = bytes.subarray(start);
  if (bytes.length === 0) bytes = Buffer.from([0]);
  if ((bytes[0] ?? 0) & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return tlv(0x02, bytes);
}

function bigEndian(value: number): Buffer {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a DER integer: ${value}`);
  const bytes: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest & 0xff);
  return Buffer.from(bytes.length ? bytes : [0]);
}

/** OBJECT IDENTIFIER from dotted form: first two arcs packed as 40*a+b, then base 128. */
export function oid(dotted: string): Buffer {
  const arcs = dotted.split('.').map((arc) => Number(arc));
  if (arcs.length < 2 || arcs.some((arc) => !Number.isSafeInteger(arc) || arc < 0)) {
    throw new RangeError(`bad object identifier: ${dotted}`);
  }
  const [first = 0, second = 0, ...rest] = arcs;
  const out: number[] = [];
  for (const arc of [first * 40 + second, ...rest]) {
    const groups = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) groups.unshift((v & 0x7f) | 0x80);
    out.push(...groups);
  }
  return tlv(0x06, Buffer.from(out));
}

export function octetString(content: Buffer): Buffer {
  return tlv(0x04, content);
}

/** BIT STRING of whole bytes, or of named bits when `unusedBits` trails. */
export function bitString(content: Buffer, unusedBits = 0): Buffer {
  return tlv(0x03, Buffer.concat([Buffer.from([unusedBits]), content]));
}

/** A named-bit list (as KeyUsage): bit 0 is the most significant bit of byte 0. */
export function namedBits(bits: number[]): Buffer {
  const highest = Math.max(...bits);
  const bytes = Buffer.alloc(Math.floor(highest / 8) + 1);
  for (const bit of bits) bytes[Math.floor(bit / 8)] = (bytes[Math.floor(bit / 8)] ?? 0) | (0x80 >> bit % 8);
  return bitString(bytes, 7 - (highest % 8));
}

export function utf8String(value: string): Buffer {
  return tlv(0x0c, Buffer.from(value, 'utf8'));
}

/**
 * RFC 5280 validity time: UTCTime through 2049, GeneralizedTime after, both in
 * UTC with whole seconds.
 */
export function time(date: Date): Buffer {
  const iso = date.toISOString(); // 2025-01-31T12:00:00.000Z
  const digits = iso.slice(0, 19).replace(/[-:T]/g, '') + 'Z'; // 20250131120000Z
  return date.getUTCFullYear() < 2050
    ? tlv(0x17, Buffer.from(digits.slice(2), 'ascii'))
    : tlv(0x18, Buffer.from(digits, 'ascii'));
}

/** [n] EXPLICIT: a constructed context tag wrapping a whole element. */
export function explicit(tagNumber: number, element: Buffer): Buffer {
  return tlv(0xa0 | tagNumber, element);
}

/** [n] IMPLICIT on a primitive type: the context tag replaces the type's own tag. */
export function implicitPrimitive(tagNumber: number, content: Buffer): Buffer {
  return tlv(0x80 | tagNumber, content);
}
