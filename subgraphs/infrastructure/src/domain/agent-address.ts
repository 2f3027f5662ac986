// The address of a host's agent: where the control plane dials it over gRPC with mutual TLS.
// Policy: `host:port` with a DNS name, an IPv4 address or a bracketed IPv6 address, and a
// port in 1..65535; nothing else (no scheme, no path). Stored normalized (host in lower case,
// port without leading zeros) so that one agent cannot be registered twice under two
// spellings of the same address.

export type AgentAddressParse = { ok: true; address: string } | { ok: false; reason: string };

// RFC 1123 labels: letters, digits and inner hyphens, 1..63 characters each.
const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const IPV6 = /^[0-9a-f:.]+$/;
const EXAMPLE = 'e.g. 10.0.0.5:9443 or hv01.example.com:9443';

/** Validates and normalizes an agent address. */
export function parseAgentAddress(raw: string): AgentAddressParse {
  const text = raw.trim().toLowerCase();
  if (text.length === 0) return { ok: false, reason: `must be host:port (${EXAMPLE})` };
  if (text.includes('://') || text.includes('/')) return { ok: false, reason: `must be host:port without a scheme or path (${EXAMPLE})` };

  let host: string;
  let portText: string;
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close < 0 || text[close + 1] !== ':') return { ok: false, reason: `an IPv6 address must be written [address]:port (${EXAMPLE})` };
    host = text.slice(1, close);
    portText = text.slice(close + 2);
    if (!IPV6.test(host) || !host.includes(':')) return { ok: false, reason: `"${host}" is not an IPv6 address` };
  } else {
    const colon = text.lastIndexOf(':');
    if (colon < 0) return { ok: false, reason: `lacks a port: must be host:port (${EXAMPLE})` };
    host = text.slice(0, colon);
    portText = text.slice(colon + 1);
    if (host.includes(':')) return { ok: false, reason: `an IPv6 address must be written [address]:port (${EXAMPLE})` };
    const hostProblem = hostNameProblem(host);
    if (hostProblem) return { ok: false, reason: hostProblem };
  }

  if (!/^\d{1,5}$/.test(portText)) return { ok: false, reason: `port must be a number from 1 to 65535, got "${portText}"` };
  const port = Number(portText);
  if (port < 1 || port > 65535) return { ok: false, reason: `port must be a number from 1 to 65535, got ${port}` };
  return { ok: true, address: `${host.includes(':') ? `[${host}]` : host}:${port}` };
}

function hostNameProblem(host: string): string | null {
  if (host.length === 0) return `lacks a host: must be host:port (${EXAMPLE})`;
  const v4 = IPV4.exec(host);
  if (v4) return v4.slice(1).every((octet) => Number(octet) <= 255) ? null : `"${host}" is not an IPv4 address`;
  if (host.length > 253 || !host.split('.').every((label) => DNS_LABEL.test(label))) {
    return `"${host}" is not a valid host name`;
  }
  return null;
}
