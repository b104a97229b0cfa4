/** How the sidebar and the CLI name an issue's column. */
import { columnLetters, issueColumnLabel } from '../../src/shared/issues';

describe('issueColumnLabel', () => {
  it('names the header as the team wrote it, not the canonical one', () => {
    expect(issueColumnLabel({ header: "Date d'inscription", message: "«\u00a03 mars\u00a0» n'est pas une date lisible" })).toBe(
      "Date d'inscription",
    );
  });

  it('names nothing when the message starts with the header, or for a whole row', () => {
    expect(
      issueColumnLabel({ header: 'DDN', message: '«\u00a0DDN\u00a0» vide\u00a0: indiquez la date de naissance.' }),
    ).toBeNull();
    expect(issueColumnLabel({ header: null, message: 'Même nom, prénom et date de naissance que ligne 3' })).toBeNull();
  });
});

describe('columnLetters', () => {
  it('reads as in a spreadsheet', () => {
    expect([1, 5, 26, 27, 52, 53, 702, 703].map(columnLetters)).toEqual(['A', 'E', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
