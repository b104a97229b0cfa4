/**
 * First value seen for each pair (a, b) of non-negative integers: an open-addressing hash
 * table in typed arrays (no Map per key, no object or boxed number per entry), for the checks
 * that look at every pair (day, person) of 200 000 `Présences` rows.
 */
export class PairTable {
  private keysA: Int32Array;
  private keysB: Int32Array;
  private values: Int32Array;
  private mask: number;
  private size = 0;

  /** `expected`: about how many pairs will be stored (the table grows past it). */
  constructor(expected: number) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.keysA = new Int32Array(capacity).fill(-1);
    this.keysB = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
  }

  /**
   * Stores `value` for (a, b) unless the pair is already there; returns the value stored
   * first for that pair, or -1 when the pair is new. a, b ≥ 0; value ≥ 0 (31-bit integers).
   */
  firstOrAdd(a: number, b: number, value: number): number {
    let slot = this.slotOf(a, b);
    for (;;) {
      const ka = this.keysA[slot];
      if (ka === -1) break;
      if (ka === a && this.keysB[slot] === b) return this.values[slot];
      slot = (slot + 1) & this.mask;
    }
    this.keysA[slot] = a;
    this.keysB[slot] = b;
    this.values[slot] = value;
    if (++this.size * 2 > this.mask + 1) this.grow();
    return -1;
  }

  private slotOf(a: number, b: number): number {
    return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77)) & this.mask;
  }

  private grow(): void {
    const { keysA, keysB, values } = this;
    const capacity = (this.mask + 1) * 2;
    this.mask = capacity - 1;
    this.keysA = new Int32Array(capacity).fill(-1);
    this.keysB = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
    for (let i = 0; i < keysA.length; i++) {
      if (keysA[i] === -1) continue;
      let slot = this.slotOf(keysA[i], keysB[i]);
      while (this.keysA[slot] !== -1) slot = (slot + 1) & this.mask;
      this.keysA[slot] = keysA[i];
      this.keysB[slot] = keysB[i];
      this.values[slot] = values[i];
    }
  }
}
