import { coversAll, parseCidr } from './cidr';

const ranges = (...cidrs: string[]) => cidrs.map((c) => parseCidr(c)).filter((r) => r !== undefined);

describe('parseCidr', () => {
  it('reads IPv4 and IPv6 blocks, masking host bits as AWS does', () => {
    expect(parseCidr('10.0.0.0/16')).toEqual({ family: 'ipv4', first: 0x0a000000n, last: 0x0a00ffffn });
    expect(parseCidr('10.1.2.3/0')).toEqual({ family: 'ipv4', first: 0n, last: 0xffffffffn });
    expect(parseCidr('2001:db8::/32')?.first).toBe(0x20010db8n << 96n);
  });

  it('returns undefined for text that is not a CIDR block', () => {
    expect([parseCidr('0.0.0.0'), parseCidr('256.0.0.0/8'), parseCidr('::1::/64'), parseCidr('10.0.0.0/33')]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('coversAll', () => {
  it('sees the internet in two halves, not only in 0.0.0.0/0', () => {
    // Before, string equality with "0.0.0.0/0" missed this pair.
    expect(coversAll(ranges('0.0.0.0/1', '128.0.0.0/1'), 'ipv4')).toBe(true);
    expect(coversAll(ranges('0.0.0.0/1', '128.0.0.0/2'), 'ipv4')).toBe(false);
  });

  it('sees ::/0 spelled differently and split in halves', () => {
    expect(coversAll(ranges('0::0/0'), 'ipv6')).toBe(true);
    expect(coversAll(ranges('0:0:0:0:0:0:0:0/0'), 'ipv6')).toBe(true);
    expect(coversAll(ranges('::/1', '8000::/1'), 'ipv6')).toBe(true);
    expect(coversAll(ranges('::/1'), 'ipv6')).toBe(false);
  });

  it('keeps the families apart', () => {
    expect(coversAll(ranges('0.0.0.0/0'), 'ipv6')).toBe(false);
  });
});
