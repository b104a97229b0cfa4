/** The "Parcours" view's directory filter, without a browser. */
import { countText, directoryKeys, filterDirectory, MAX_SHOWN } from '../../../src/sidebar/views/journey-model';
import { JOURNEY_TEXT } from '../../../src/i18n/fr/journey';
import type { DirectoryEntry } from '../../../src/shared/api';

const entry = (id: string, name: string): DirectoryEntry => ({ id, name, active: false });
const directory = [entry('P2018-0001', 'Benali Yanis'), entry('P2018-0002', 'Écrivain Léa'), entry('P2018-0003', 'Durand Léo')];

describe('the journey directory filter', () => {
  it('shows everyone with an empty search, matches name or ID with accents and case ignored', () => {
    const keys = directoryKeys(directory);
    expect(filterDirectory(directory, keys, '').matches).toBe(3);
    expect(filterDirectory(directory, keys, '  ECRIVAIN ').shown).toEqual([directory[1]]);
    expect(filterDirectory(directory, keys, 'p2018-0003').shown).toEqual([directory[2]]);
    expect(filterDirectory(directory, keys, 'léo').shown).toEqual([directory[2]]);
    expect(filterDirectory(directory, keys, 'zola')).toEqual({ shown: [], matches: 0 });
  });

  it('draws at most MAX_SHOWN entries and counts all the matches', () => {
    const many = Array.from({ length: MAX_SHOWN + 20 }, (_, i) => entry(`P${i}`, `Nom ${i}`));
    const r = filterDirectory(many, directoryKeys(many), 'nom');
    expect(r.shown).toHaveLength(MAX_SHOWN);
    expect(r.matches).toBe(MAX_SHOWN + 20);
  });

  it('says the directory is empty, that nothing matches, or how many are shown', () => {
    expect(countText(0, 0)).toBe(JOURNEY_TEXT.view.empty);
    expect(countText(3, 0)).toBe(JOURNEY_TEXT.view.noMatch);
    expect(countText(3, 2)).toBe(JOURNEY_TEXT.view.shown(2, 2));
    expect(countText(500, 300)).toBe(JOURNEY_TEXT.view.shown(MAX_SHOWN, 300));
  });
});
