/** PairTable: the first value of each pair, as a Map of pairs would give it. */
import fc from 'fast-check';
import { PairTable } from '../../src/core/pair-table';

describe('PairTable', () => {
  it('returns -1 for a new pair and the first value for a pair seen before', () => {
    const table = new PairTable(4);
    expect([
      table.firstOrAdd(3, 7, 10),
      table.firstOrAdd(3, 7, 11),
      table.firstOrAdd(7, 3, 12),
      table.firstOrAdd(3, 7, 13),
    ]).toEqual([-1, 10, -1, 10]);
  });

  it('agrees with a Map of pairs, also after growing past its expected size (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(50), fc.nat(2_000), fc.nat(1_000_000)), { maxLength: 3_000 }), (ops) => {
        const table = new PairTable(8);
        const reference = new Map<string, number>();
        const got: number[] = [];
        const expected: number[] = [];
        for (const [a, b, v] of ops) {
          got.push(table.firstOrAdd(a, b, v));
          const key = `${a}|${b}`;
          const first = reference.get(key);
          expected.push(first ?? -1);
          if (first === undefined) reference.set(key, v);
        }
        expect(got).toEqual(expected);
      }),
    );
  });
});
