/** Keyboard of the sidebar's tab bar (WAI-ARIA tabs pattern), without the DOM. */

/** The index of the tab a key moves the focus to (wrapping around), or null for other keys. */
export function tabIndexForKey(key: string, current: number, count: number): number | null {
  if (count <= 0) return null;
  if (key === 'ArrowRight') return (current + 1) % count;
  if (key === 'ArrowLeft') return (current - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}
