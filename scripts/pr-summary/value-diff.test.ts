import { diffValues } from './value-diff';

describe('diffValues', () => {
  it('lists each changed leaf by path, old → new', () => {
    expect(diffValues({ a: 1, b: { c: ['x', 'y'] } }, { a: 1, b: { c: ['x', 'z'] } })).toEqual([
      { path: 'b.c[1]', before: '"y"', after: '"z"' },
    ]);
  });

  it('masks sensitive values on both sides and marks unknown ones', () => {
    expect(
      diffValues(
        { password: 'old', id: 'i-1' },
        { password: 'new', id: null },
        {
          afterUnknown: { id: true },
          beforeSensitive: { password: true },
          afterSensitive: { password: true },
        },
      ),
    ).toEqual([
      { path: 'id', before: '"i-1"', after: '(known after apply)' },
      { path: 'password', before: '(sensitive)', after: '(sensitive)' },
    ]);
  });

  it('treats null, an empty list and an empty map as the same absence', () => {
    expect(diffValues({ a: null, b: [] }, { a: {}, b: null })).toEqual([]);
    expect(diffValues({}, { a: 'x' })).toEqual([{ path: 'a', before: '(none)', after: '"x"' }]);
  });
});
