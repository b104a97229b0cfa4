/** The call counter: every method call on a fake object is counted as 'Class.method'. */
export class CallCounter {
  /** Call counts per 'Class.method' (the map exposed as fake.calls). */
  readonly calls = new Map<string, number>();

  hit(method: string): void {
    this.calls.set(method, (this.calls.get(method) ?? 0) + 1);
  }

  /** Calls of one method (0 when never called). */
  count(method: string): number {
    return this.calls.get(method) ?? 0;
  }

  /** Sum of all counts, or of the methods whose name starts with one of the prefixes. */
  total(prefixes: string[]): number {
    let sum = 0;
    for (const [method, count] of this.calls)
      if (prefixes.length === 0 || prefixes.some((prefix) => method.startsWith(prefix))) sum += count;
    return sum;
  }

  /** A plain, sorted copy of the non-zero counts. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.calls.entries()].filter(([, count]) => count > 0).sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  reset(): void {
    this.calls.clear();
  }
}
