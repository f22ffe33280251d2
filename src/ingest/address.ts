/**
 * Which IP addresses a fetch may reach. A news tool fetches links that strangers wrote (feed items,
 * redirects), so a link to `http://127.0.0.1:6379/` or a cloud metadata address must not turn the
 * ingest into a proxy onto the machine's own network. Pure functions over address strings, plus the
 * resolver seam that lets tests answer DNS without a network.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/** One resolved address, as node:dns lookup gives it. */
export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to every address it has (IPv4 and IPv6). Injectable so tests need no DNS. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** getaddrinfo through node:dns, every address in the order the system gives them (hosts file included). */
export const systemResolver: Resolver = (hostname) => lookup(hostname, { all: true, verbatim: true });

/**
 * IPv4 blocks that are not the public Internet (IANA special-purpose registry, RFC 6890 and updates).
 * Each is [first octets, prefix length, why].
 */
const NON_PUBLIC_IPV4: ReadonlyArray<readonly [number[], number, string]> = [
  [[0], 8, 'this network'],
  [[10], 8, 'private'],
  [[100, 64], 10, 'carrier-grade NAT'],
  [[127], 8, 'loopback'],
  [[169, 254], 16, 'link-local (cloud metadata services live here)'],
  [[172, 16], 12, 'private'],
  [[192, 0, 0], 24, 'IETF protocol assignments'],
  [[192, 0, 2], 24, 'documentation'],
  [[192, 88, 99], 24, '6to4 relay anycast'],
  [[192, 168], 16, 'private'],
  [[198, 18], 15, 'benchmarking'],
  [[198, 51, 100], 24, 'documentation'],
  [[203, 0, 113], 24, 'documentation'],
  [[224], 4, 'multicast'],
  [[240], 4, 'reserved and broadcast'],
];

/** Why an IPv4 address (4 bytes) is not public, or null when it is. */
function ipv4Block(bytes: ArrayLike<number>): string | null {
  const value = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  for (const [octets, prefix, why] of NON_PUBLIC_IPV4) {
    const base = (((octets[0] ?? 0) << 24) | ((octets[1] ?? 0) << 16) | ((octets[2] ?? 0) << 8)) >>> 0;
    const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
    if ((value & mask) >>> 0 === (base & mask) >>> 0) return why;
  }
  return null;
}

function parseIPv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : null;
}

/** An IPv6 address as 16 bytes (zone id dropped, `::` expanded, a trailing dotted quad read), or null. */
export function parseIPv6(text: string): number[] | null {
  let s = text.replace(/^\[|\]$/g, '');
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  const tail: number[] = [];
  const lastColon = s.lastIndexOf(':');
  if (s.includes('.', lastColon)) {
    const v4 = parseIPv4(s.slice(lastColon + 1));
    if (!v4) return null;
    tail.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
    const prefix = s.slice(0, lastColon + 1);
    // '::ffff:' loses its separator colon; a bare '::' before the quad stays the zero run.
    s = prefix.endsWith('::') ? prefix : prefix.slice(0, -1);
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const groups = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    for (const g of part.split(':')) {
      if (!/^[0-9a-f]{1,4}$/i.test(g)) return null;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !rest) return null;
  const explicit = head.length + rest.length + tail.length;
  let all: number[];
  if (halves.length === 2) {
    if (explicit > 7) return null;
    all = [...head, ...new Array<number>(8 - explicit).fill(0), ...rest, ...tail];
  } else {
    if (explicit !== 8) return null;
    all = [...head, ...tail];
  }
  return all.flatMap((g) => [g >> 8, g & 0xff]);
}

/**
 * Why an IPv6 address (16 bytes) is not public, or null when it is. Only global unicast (2000::/3) is
 * public, minus its documentation and tunnelling blocks; addresses that carry an IPv4 address
 * (IPv4-mapped, IPv4-compatible, NAT64, 6to4) are judged by the IPv4 address they reach.
 */
function ipv6Block(b: number[]): string | null {
  const zeros = (from: number, to: number): boolean => b.slice(from, to).every((x) => x === 0);
  if (zeros(0, 10) && b[10] === 0xff && b[11] === 0xff) return ipv4Block(b.slice(12)) && `IPv4-mapped ${ipv4Block(b.slice(12))}`;
  if (zeros(0, 15) && b[15] === 0) return 'unspecified';
  if (zeros(0, 15) && b[15] === 1) return 'loopback';
  if (zeros(0, 12)) return ipv4Block(b.slice(12)) && `IPv4-compatible ${ipv4Block(b.slice(12))}`;
  // 64:ff9b::/96, the well-known NAT64 prefix: the last four bytes are the IPv4 address reached.
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zeros(4, 12)) {
    return ipv4Block(b.slice(12)) && `NAT64 ${ipv4Block(b.slice(12))}`;
  }
  if ((b[0]! & 0xe0) !== 0x20) {
    if ((b[0]! & 0xfe) === 0xfc) return 'unique-local';
    if (b[0] === 0xfe && (b[1]! & 0xc0) === 0x80) return 'link-local';
    if (b[0] === 0xff) return 'multicast';
    return 'reserved (outside global unicast)';
  }
  // 2002::/16, 6to4: bytes 2–5 are the IPv4 address of the tunnel end.
  if (b[0] === 0x20 && b[1] === 0x02) return ipv4Block(b.slice(2, 6)) && `6to4 ${ipv4Block(b.slice(2, 6))}`;
  if (b[0] === 0x20 && b[1] === 0x01 && b[2] === 0x0d && b[3] === 0xb8) return 'documentation';
  // 2001::/32, Teredo: a tunnel that can reach any IPv4 host, so it cannot be judged by its address.
  if (b[0] === 0x20 && b[1] === 0x01 && b[2] === 0x00 && b[3] === 0x00) return 'Teredo tunnel';
  // 2001:10::/28 (ORCHID) and 2001:20::/28 (ORCHIDv2): identifiers, not routable.
  if (b[0] === 0x20 && b[1] === 0x01 && b[2] === 0x00 && (b[3]! & 0xe0) === 0x00 && (b[3]! & 0xf0) !== 0) return 'ORCHID';
  return null;
}

/**
 * Why an address must not be fetched (loopback, private, link-local, unique-local, multicast,
 * documentation, …), or null when it is a public address. Unparseable strings are refused.
 *
 * @example
 *   nonPublicReason('10.1.2.3')          // → 'private'
 *   nonPublicReason('::ffff:127.0.0.1')  // → 'IPv4-mapped loopback'
 *   nonPublicReason('93.184.216.34')     // → null
 */
export function nonPublicReason(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare.split('%')[0]!);
  if (family === 4) return ipv4Block(parseIPv4(bare)!);
  if (family === 6) {
    const bytes = parseIPv6(bare);
    return bytes ? ipv6Block(bytes) : 'not an IP address';
  }
  return 'not an IP address';
}

export type AddressCheck = { ok: true; addresses: string[] } | { ok: false; reason: 'private' | 'unresolved'; message: string };

/**
 * Checks every address a host resolves to: one non-public address refuses the host, because the
 * connection may use any of them. An IP literal is judged without DNS.
 */
export async function checkHost(hostname: string, resolver: Resolver): Promise<AddressCheck> {
  const bare = hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(bare)) {
    addresses = [bare];
  } else {
    try {
      addresses = (await resolver(bare)).map((a) => a.address);
    } catch (err) {
      return { ok: false, reason: 'unresolved', message: `cannot resolve ${bare}: ${err instanceof Error ? err.message : String(err)}` };
    }
    if (addresses.length === 0) return { ok: false, reason: 'unresolved', message: `${bare} resolves to no address` };
  }
  for (const address of addresses) {
    const why = nonPublicReason(address);
    if (why) {
      const via = address === bare ? '' : ` (${bare} resolves to it)`;
      return { ok: false, reason: 'private', message: `${address} is a ${why} address${via}; pass allowPrivate to fetch it` };
    }
  }
  return { ok: true, addresses };
}
