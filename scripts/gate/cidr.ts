/**
 * CIDR arithmetic for coverage questions: do these blocks together span the whole IPv4 or IPv6
 * space? `0.0.0.0/1` + `128.0.0.0/1` is the internet as surely as `0.0.0.0/0`, and so are
 * `0000:0::/0` and `10.0.0.0/0` (AWS masks host bits). Unparseable blocks cover nothing: AWS
 * refuses them, and the plan or apply fails before anything opens.
 */

export type AddressFamily = 'ipv4' | 'ipv6';

/** An inclusive range of addresses. */
export interface AddressRange {
  readonly family: AddressFamily;
  readonly first: bigint;
  readonly last: bigint;
}

const BITS: Record<AddressFamily, number> = { ipv4: 32, ipv6: 128 };

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(Number(part));
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  const lower = text.toLowerCase();
  let head = lower;
  let tail = '';
  const doubleColon = lower.indexOf('::');
  if (doubleColon >= 0) {
    if (lower.indexOf('::', doubleColon + 1) >= 0) return undefined;
    head = lower.slice(0, doubleColon);
    tail = lower.slice(doubleColon + 2);
  }
  const groups = (part: string): number[] | undefined => {
    if (part === '') return [];
    const result: number[] = [];
    const pieces = part.split(':');
    for (const [index, piece] of pieces.entries()) {
      if (index === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIpv4(piece);
        if (v4 === undefined) return undefined;
        result.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      } else if (/^[0-9a-f]{1,4}$/.test(piece)) {
        result.push(Number.parseInt(piece, 16));
      } else {
        return undefined;
      }
    }
    return result;
  };
  const first = groups(head);
  const last = groups(tail);
  if (first === undefined || last === undefined) return undefined;
  const missing = 8 - first.length - last.length;
  if (doubleColon >= 0 ? missing < 1 : missing !== 0) return undefined;
  const all = [...first, ...new Array<number>(missing).fill(0), ...last];
  return all.reduce((value, group) => (value << 16n) | BigInt(group), 0n);
}

/** The address range of a CIDR block, or undefined when the text is not one. */
export function parseCidr(text: string): AddressRange | undefined {
  const match = /^\s*([^/\s]+)\/(\d{1,3})\s*$/.exec(text);
  if (!match?.[1] || match[2] === undefined) return undefined;
  const family: AddressFamily = match[1].includes(':') ? 'ipv6' : 'ipv4';
  const address = family === 'ipv4' ? parseIpv4(match[1]) : parseIpv6(match[1]);
  const prefix = Number(match[2]);
  const bits = BITS[family];
  if (address === undefined || prefix > bits) return undefined;
  const hostBits = BigInt(bits - prefix);
  const first = (address >> hostBits) << hostBits;
  return { family, first, last: first + (1n << hostBits) - 1n };
}

/** True when the ranges of `family` together cover every address of that family. */
export function coversAll(ranges: readonly AddressRange[], family: AddressFamily): boolean {
  const sorted = ranges
    .filter((r) => r.family === family)
    .sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  let next = 0n;
  for (const range of sorted) {
    if (range.first > next) return false;
    if (range.last + 1n > next) next = range.last + 1n;
  }
  return next === 1n << BigInt(BITS[family]);
}
