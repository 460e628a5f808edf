/** IPv4 CIDR arithmetic, just enough to validate the network model. */

export interface Ipv4Range {
  /** First address, as an unsigned 32-bit integer. */
  readonly first: number;
  /** Last address, inclusive. */
  readonly last: number;
  readonly prefix: number;
}

const CIDR_PATTERN = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/**
 * Parses `a.b.c.d/n`. Returns an explanation instead of a range when the text is not a
 * canonical IPv4 CIDR (host bits set count as a mistake: AWS would silently round them).
 */
export function parseCidr(text: string): Ipv4Range | string {
  const match = CIDR_PATTERN.exec(text);
  if (!match) return 'is not an IPv4 CIDR of the form a.b.c.d/n';
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((o) => o > 255)) return 'has an octet above 255';
  if (prefix > 32) return 'has a prefix length above 32';
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - prefix);
  if (address % size !== 0) return `has host bits set for a /${prefix}`;
  return { first: address, last: address + size - 1, prefix };
}

export function contains(outer: Ipv4Range, inner: Ipv4Range): boolean {
  return inner.first >= outer.first && inner.last <= outer.last;
}

export function overlaps(a: Ipv4Range, b: Ipv4Range): boolean {
  return a.first <= b.last && b.first <= a.last;
}
