/**
 * IPv4 arithmetic for virtual networks and security rules. Addresses are handled as unsigned
 * 32-bit numbers; text is the canonical dotted quad.
 */

/** A parsed CIDR block: its network address (host bits zero) and prefix length. */
export interface Cidr {
  /** Network address as an unsigned 32-bit number. */
  network: number;
  prefix: number;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Prefix bounds for a VM network. /8 is the largest block we accept: anything wider is not a
 * plausible layer-2 segment and makes address counts and allocation scans needlessly huge.
 * /30 is the smallest that leaves host addresses (two) once the network and broadcast
 * addresses are set aside; /31 and /32 (RFC 3021 point-to-point, single host) have none under
 * that convention.
 */
export const MIN_NETWORK_PREFIX = 8;
export const MAX_NETWORK_PREFIX = 30;

const OCTET = /^(0|[1-9]\d{0,2})$/;

/**
 * A dotted-quad address as a number, or null. Leading zeros are refused: "010" reads as 8
 * in some tools and 10 in others, so it has no single meaning.
 */
export function parseIpv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!OCTET.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = value * 256 + octet;
  }
  return value;
}

export function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

function blockSize(prefix: number): number {
  return 2 ** (32 - prefix);
}

/** Any CIDR, /0 to /32 (security rules use 0.0.0.0/0 and single hosts as /32). */
export function parseCidr(text: string): Parsed<Cidr> {
  const slash = text.indexOf('/');
  if (slash < 0) return { ok: false, reason: `${text} is not a CIDR: expected address/prefix, e.g. 10.0.0.0/24` };
  const address = parseIpv4(text.slice(0, slash));
  if (address === null) return { ok: false, reason: `${text} is not a CIDR: ${text.slice(0, slash)} is not an IPv4 address` };
  const prefixText = text.slice(slash + 1);
  const prefix = /^(0|[1-9]\d?)$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= 32)) return { ok: false, reason: `${text} is not a CIDR: the prefix must be 0 to 32` };
  const size = blockSize(prefix);
  if (address % size !== 0) {
    const network = formatIpv4(address - (address % size));
    return { ok: false, reason: `${text} has host bits set: did you mean ${network}/${prefix}?` };
  }
  return { ok: true, value: { network: address, prefix } };
}

/** A CIDR usable as a VM network: a valid block with a prefix of /8 to /30. */
export function parseNetworkCidr(text: string): Parsed<Cidr> {
  const parsed = parseCidr(text);
  if (!parsed.ok) return parsed;
  const { prefix } = parsed.value;
  if (prefix < MIN_NETWORK_PREFIX || prefix > MAX_NETWORK_PREFIX) {
    return { ok: false, reason: `${text}: a network's prefix must be /${MIN_NETWORK_PREFIX} to /${MAX_NETWORK_PREFIX}` };
  }
  return parsed;
}

export function formatCidr(cidr: Cidr): string {
  return `${formatIpv4(cidr.network)}/${cidr.prefix}`;
}

/** For stored values, validated when written: a malformed one is a bug, not user input. */
function mustParseCidr(text: string): Cidr {
  const parsed = parseCidr(text);
  if (!parsed.ok) throw new RangeError(parsed.reason);
  return parsed.value;
}

function broadcast(cidr: Cidr): number {
  return cidr.network + blockSize(cidr.prefix) - 1;
}

/** Whether the address lies in the block (network and broadcast included). */
export function isInCidr(ip: string, cidr: string): boolean {
  const address = parseIpv4(ip);
  const block = mustParseCidr(cidr);
  return address !== null && address >= block.network && address <= broadcast(block);
}

/** Whether the address may be given to a machine: in the block, not network nor broadcast. */
export function isHostAddress(ip: string, cidr: string): boolean {
  const address = parseIpv4(ip);
  const block = mustParseCidr(cidr);
  return address !== null && address > block.network && address < broadcast(block);
}

/**
 * Addresses a network can hand to VMs: the block minus its network and broadcast addresses,
 * minus the gateway when the gateway is one of the remaining host addresses.
 */
export function usableAddressCount(cidr: string, gateway?: string | null): number {
  const block = mustParseCidr(cidr);
  const hosts = Math.max(blockSize(block.prefix) - 2, 0);
  return gateway && hosts > 0 && isHostAddress(gateway, cidr) ? hosts - 1 : hosts;
}

/**
 * The lowest host address that is neither the gateway nor taken, or null when the network is
 * full. `taken` holds canonical dotted quads, as stored in ip_allocations.
 */
export function nextFreeAddress(cidr: string, gateway: string | null, taken: ReadonlySet<string>): string | null {
  const block = mustParseCidr(cidr);
  const gatewayValue = gateway === null ? null : parseIpv4(gateway);
  const last = broadcast(block) - 1;
  for (let address = block.network + 1; address <= last; address += 1) {
    if (address === gatewayValue) continue;
    const text = formatIpv4(address);
    if (!taken.has(text)) return text;
  }
  return null;
}
