/** SESSION_TIME_INVALID names the time columns as the user wrote them (`header` and message). */
import { checkWorkbook } from '../../src/core/checks';
import { dayFromIso } from '../../src/core/days';
import { MemoryWorkbook } from '../../src/adapters/memory';
import { readModel } from '../../src/app/read';

const TODAY = dayFromIso('2026-11-26')!;

function timesIssues(startHeader: string, endHeader: string) {
  const wb = new MemoryWorkbook('Europe/Paris', {
    Participants: [['ID', 'Nom', 'Prénom', 'Date de naissance', 'Commune', "Date d'entrée"]],
    Séances: [
      ['Date', 'Thème', startHeader, endHeader],
      ['06/03/2018', 'CV', 'vers 14h', '16:00'],
      ['13/03/2018', 'CV', '14:00', ''],
    ],
    Présences: [['Date', 'ID participant', 'Statut']],
  });
  return checkWorkbook(readModel(wb), TODAY).issues.filter((i) => i.code === 'SESSION_TIME_INVALID');
}

describe('SESSION_TIME_INVALID with the headers of the sheet', () => {
  it('gives the header as written and names it in the message', () => {
    const issues = timesIssues('Heure de début', 'Heure de fin');
    expect(issues.map((i) => [i.row, i.column, i.header])).toEqual([
      [2, 'Début', 'Heure de début'],
      [3, 'Fin', 'Heure de fin'],
    ]);
    expect(issues[0].message).toContain('Heure de début');
    expect(issues[1].message).toContain('Heure de fin');
  });
});
