import { contains, overlaps, parseCidr } from './cidr';

function range(text: string) {
  const parsed = parseCidr(text);
  if (typeof parsed === 'string') throw new Error(`${text} ${parsed}`);
  return parsed;
}

describe('parseCidr', () => {
  it('reads a canonical CIDR into its first and last address', () => {
    expect(range('10.0.1.0/24')).toEqual({ first: 167772416, last: 167772671, prefix: 24 });
  });

  it('explains what is wrong with malformed text', () => {
    expect(parseCidr('10.0.1/24')).toBe('is not an IPv4 CIDR of the form a.b.c.d/n');
    expect(parseCidr('10.0.256.0/24')).toBe('has an octet above 255');
    expect(parseCidr('10.0.1.0/24 ')).toBe('is not an IPv4 CIDR of the form a.b.c.d/n');
  });

  it('treats the edges of a range as inside it', () => {
    expect(contains(range('10.0.0.0/16'), range('10.0.255.0/24'))).toBe(true);
    expect(contains(range('10.0.0.0/16'), range('10.1.0.0/24'))).toBe(false);
    expect(overlaps(range('10.0.0.0/23'), range('10.0.1.0/24'))).toBe(true);
    expect(overlaps(range('10.0.1.0/24'), range('10.0.2.0/24'))).toBe(false);
  });
});
