import * as der from './der.encoder';
import { certificateSubject, children, readElement } from './der.reader';

const hex = (buf: Buffer) => buf.toString('hex');

describe('DER encoding', () => {
  it.each([
    [0, '020100'],
    [127, '02017f'],
    [128, '02020080'], // the top bit would read as a sign, so a zero byte leads
    [256, '02020100'],
    [2, '020102'],
  ])('encodes the integer %d as %s', (value, expected) => {
    expect(hex(der.integer(value))).toBe(expected);
  });

  it('strips leading zero bytes from a big-endian integer but keeps the sign byte', () => {
    expect(hex(der.integer(Buffer.from([0, 0, 0x80, 1])))).toBe('0203008001');
  });

  it.each([
    ['2.5.4.3', '0603550403'],
    ['1.2.840.10045.4.3.2', '06082a8648ce3d040302'],
    ['1.3.6.1.5.5.7.3.1', '06082b06010505070301'],
  ])('encodes the object identifier %s as %s', (oid, expected) => {
    expect(hex(der.oid(oid))).toBe(expected);
  });

  it.each([
    [127, '7f'],
    [128, '8180'],
    [300, '82012c'],
  ])('encodes a content length of %d with the header %s', (length, header) => {
    expect(hex(der.octetString(Buffer.alloc(length))).slice(2, 2 + header.length)).toBe(header);
  });

  it('writes UTCTime through 2049 and GeneralizedTime from 2050', () => {
    expect(der.time(new Date('2049-12-31T23:59:59Z')).toString('latin1', 2)).toBe('491231235959Z');
    expect(der.time(new Date('2050-01-01T00:00:00Z')).toString('latin1', 2)).toBe('20500101000000Z');
  });

  it('packs key usage bits most significant first and counts the unused trailing bits', () => {
    // digitalSignature (0), keyCertSign (5), cRLSign (6): 1000 0110, one unused bit
    expect(hex(der.namedBits([0, 5, 6]))).toBe('03020186');
    expect(hex(der.namedBits([0]))).toBe('03020780');
  });

  it('reads back the elements it wrote', () => {
    const encoded = der.sequence(der.integer(5), der.utf8String('x'.repeat(200)));
    const outer = readElement(encoded, 0);
    const inner = children(encoded, outer);
    expect(inner.map((element) => element.tag)).toEqual([0x02, 0x0c]);
    expect(inner[1]?.end).toBe(encoded.length);
  });

  it('finds the subject of a v3 certificate after version, serial, algorithm, issuer and validity', () => {
    const subject = der.sequence(der.set(der.sequence(der.oid('2.5.4.3'), der.utf8String('me'))));
    const tbs = der.sequence(
      der.explicit(0, der.integer(2)),
      der.integer(1),
      der.sequence(der.oid('1.2.840.10045.4.3.2')),
      der.sequence(),
      der.sequence(),
      subject,
    );
    expect(hex(certificateSubject(der.sequence(tbs)))).toBe(hex(subject));
  });
});
