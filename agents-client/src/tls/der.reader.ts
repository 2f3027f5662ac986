// Just enough DER reading to take a certificate apart again: we need the exact
// subject bytes of a CA loaded from disk, because an issued certificate's issuer
// name must match them byte for byte.

export interface DerElement {
  tag: number;
  /** Offset of the first content byte. */
  contentStart: number;
  /** Offset just past the element. */
  end: number;
  /** The whole element, header included. */
  raw: Buffer;
}

export function readElement(buf: Buffer, offset: number): DerElement {
  const tag = buf[offset];
  const first = buf[offset + 1];
  if (tag === undefined || first === undefined) throw new RangeError('truncated DER element');
  let length = first;
  let header = 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4) throw new RangeError('unsupported DER length');
    length = 0;
    for (let i = 0; i < count; i += 1) length = length * 256 + (buf[offset + 2 + i] ?? 0);
    header += count;
  }
  const end = offset + header + length;
  if (end > buf.length) throw new RangeError('truncated DER element');
  return { tag, contentStart: offset + header, end, raw: buf.subarray(offset, end) };
}

/** The elements directly inside a constructed element (SEQUENCE, SET, [n]). */
export function children(buf: Buffer, parent: DerElement): DerElement[] {
  const out: DerElement[] = [];
  for (let offset = parent.contentStart; offset < parent.end; ) {
    const child = readElement(buf, offset);
    out.push(child);
    offset = child.end;
  }
  return out;
}

/** The subject Name of a DER certificate, as its raw DER bytes. */
export function certificateSubject(certDer: Buffer): Buffer {
  const certificate = readElement(certDer, 0);
  const [tbs] = children(certDer, certificate);
  if (!tbs) throw new RangeError('certificate without tbsCertificate');
  const fields = children(certDer, tbs);
  // An explicit [0] version comes first in v3 certificates; v1 certificates omit it.
  const rest = fields[0]?.tag === 0xa0 ? fields.slice(1) : fields;
  // serialNumber, signature, issuer, validity, subject
  const subject = rest[4];
  if (!subject) throw new RangeError('certificate without subject');
  return subject.raw;
}
