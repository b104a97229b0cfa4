/**
 * What the demo generator draws with: a seeded random source (same seed, same workbook on
 * every machine) and the calendar of the demo seasons (weekly Tuesday workshops).
 */
import { Day, dayFromYmd, ymdOfDay } from '../core/days';

// Seeded randomness (mulberry32): same seed, same workbook, on every machine.

export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * total;
    for (const [item, w] of items) {
      x -= w;
      if (x < 0) return item;
    }
    return items[items.length - 1][0];
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
  /** A list holding each value `count` times, shuffled. */
  deck<T>(counts: readonly (readonly [T, number])[]): T[] {
    const out: T[] = [];
    for (const [v, n] of counts) for (let i = 0; i < n; i++) out.push(v);
    return this.shuffle(out);
  }
}

// ---------------------------------------------------------------------------------------
// Calendar

export function ymd(y: number, m: number, d: number): Day {
  const day = dayFromYmd(y, m, d);
  if (day === null) throw new Error(`demo: bad date ${y}-${m}-${d}`);
  return day;
}
/** 0 = Sunday … 6 = Saturday. */
function weekday(day: Day): number {
  // Serial 0 (1899-12-30) was a Saturday.
  return (((day + 6) % 7) + 7) % 7;
}
const HOLIDAYS = new Set([ymd(2018, 5, 1), ymd(2018, 5, 8)]);

/** Weekly Tuesday workshops, March to October, no session in August nor on public holidays. */
export function seasonSessions(year: number): Day[] {
  const out: Day[] = [];
  for (let d = ymd(year, 3, 1); d <= ymd(year, 10, 31); d++) {
    if (weekday(d) !== 2 || ymdOfDay(d).month === 8 || HOLIDAYS.has(d)) continue;
    out.push(d);
  }
  return out;
}

/** A birth date that makes someone exactly `age` (completed years) at `on`, weeks away from a birthday. */
export function birthFor(rng: Random, age: number, on: Day): Day {
  const r = ymdOfDay(on);
  const sameDay = dayFromYmd(r.year - age, r.month, r.day) ?? ymd(r.year - age, r.month, 28);
  return sameDay - rng.int(25, 330);
}
