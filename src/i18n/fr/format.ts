/** French number formatting shared by every message (no dependency, same output in Apps Script and Node). */

/** 1439 → "1 439" (thousands grouped with a no-break space U+00A0); decimals with a comma. */
export function frenchNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const negative = n < 0;
  const [whole, decimals] = String(Math.abs(n)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${negative ? '-' : ''}${grouped}${decimals ? `,${decimals}` : ''}`;
}

/** "1 ligne", "1 439 lignes": the count grouped, the noun agreed (French: plural from 2). */
export function countOf(n: number, one: string, many: string): string {
  return `${frenchNumber(n)} ${n >= 2 ? many : one}`;
}

/** A text cut at `max` characters says so: "…" at the end. */
export function cutText(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
