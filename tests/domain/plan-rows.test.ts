import { describe, expect, it } from 'vitest';
import { firstRows } from '../../src/domain/levelling/index.ts';

describe('firstRows', () => {
  const groups = [{ key: 'a', rows: [1, 2, 3] }, { key: 'b', rows: [4, 5] }, { key: 'c', rows: [6] }];

  it('keeps whole groups in order up to the limit and cuts the group where it falls', () => {
    expect(firstRows(groups, 4)).toEqual({ groups: [{ key: 'a', rows: [1, 2, 3] }, { key: 'b', rows: [4] }], hidden: 2 });
  });

  it('leaves everything when the limit is not reached, and hides everything at 0', () => {
    expect(firstRows(groups, 6)).toEqual({ groups, hidden: 0 });
    expect(firstRows(groups, 0)).toEqual({ groups: [], hidden: 6 });
  });

  it('does not change the groups it is given', () => {
    firstRows(groups, 1);
    expect(groups[0]!.rows).toEqual([1, 2, 3]);
  });
});
