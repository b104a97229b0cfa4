/**
 * The "Parcours" view's directory filter, without the DOM (tested with jest): the search keys
 * of the directory, the entries a search shows (at most MAX_SHOWN drawn at once) and the line
 * that says how many match. The view (journey.ts) only renders them.
 */
import { normalizeKey } from '../../core/text';
import { JOURNEY_TEXT } from '../../i18n/fr/journey';
import type { DirectoryEntry } from '../../shared/api';

/** Directory entries drawn at once (the search narrows the rest). */
export const MAX_SHOWN = 100;

/** Search key of each entry (name and ID, accents and case ignored), computed once per directory. */
export function directoryKeys(directory: readonly DirectoryEntry[]): string[] {
  return directory.map((e) => normalizeKey(`${e.name} ${e.id}`));
}

/** The entries the search shows (the first MAX_SHOWN), and how many match in all. */
export function filterDirectory(
  directory: readonly DirectoryEntry[],
  keys: readonly string[],
  search: string,
): { shown: DirectoryEntry[]; matches: number } {
  const q = normalizeKey(search);
  const shown: DirectoryEntry[] = [];
  let matches = 0;
  // A plain loop over the keys: no closure or string per entry.
  for (let i = 0; i < directory.length; i++) {
    if (q !== '' && !keys[i].includes(q)) continue;
    matches++;
    if (matches <= MAX_SHOWN) shown.push(directory[i]);
  }
  return { shown, matches };
}

/** "Aucun participant", "Aucun résultat" or "N affichés sur M". */
export function countText(directorySize: number, matches: number): string {
  const text = JOURNEY_TEXT.view;
  if (directorySize === 0) return text.empty;
  if (matches === 0) return text.noMatch;
  return text.shown(Math.min(matches, MAX_SHOWN), matches);
}
