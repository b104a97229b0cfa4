/** The sidebar tab bar's keys (WAI-ARIA tabs pattern). */
import { tabIndexForKey } from '../../src/sidebar/tabs';

describe('tabIndexForKey', () => {
  it.each([
    ['ArrowRight', 1, 2],
    ['ArrowRight', 3, 0],
    ['ArrowLeft', 2, 1],
    ['ArrowLeft', 0, 3],
    ['Home', 2, 0],
    ['End', 1, 3],
  ])('%s from tab %i of 4 goes to tab %i', (key, from, to) => {
    expect(tabIndexForKey(key, from, 4)).toBe(to);
  });

  it('ignores other keys (Enter and Space activate the tab as a button)', () => {
    expect(tabIndexForKey('Enter', 1, 4)).toBeNull();
    expect(tabIndexForKey(' ', 1, 4)).toBeNull();
    expect(tabIndexForKey('ArrowDown', 1, 4)).toBeNull();
  });
});
