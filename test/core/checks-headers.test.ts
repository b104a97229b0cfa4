/**
 * SPEC §3: every issue carries `header`, the column's header as written in the user's sheet
 * (null exactly when `column` is), and messages name the columns that way.
 */
import { checkWorkbook, headerAsWritten } from '../../src/core/checks';
import { dayFromIso } from '../../src/core/days';
import { readModel } from '../../src/app/read';
import { MemoryWorkbook } from '../../src/adapters/memory';
import type { CheckReport } from '../../src/shared/api';
import { buildWorkbook, participant } from '../support/builders';

const TODAY = dayFromIso('2026-11-26')!;

/** A workbook whose headers are renamed as a team would (accepted synonyms, other case, spaces). */
function renamed(rename: Record<string, Record<string, string>>, build: MemoryWorkbook): MemoryWorkbook {
  for (const [tab, names] of Object.entries(rename)) {
    const header = build.sheet(tab).cells[0];
    for (const [from, to] of Object.entries(names)) header[header.indexOf(from)] = to;
  }
  return build;
}

function check(wb: MemoryWorkbook): CheckReport {
  return checkWorkbook(readModel(wb), TODAY);
}

describe('issue headers', () => {
  it("give the team's own header, the canonical one staying in `column`", () => {
    const wb = renamed(
      { Participants: { "Date d'entrée": "  Date d'inscription ", 'Date de naissance': 'DDN', Commune: 'Ville' } },
      buildWorkbook({
        participants: [participant({ id: 'A-1', entryDate: '3 mars' }), participant({ id: 'A-2', birthDate: '', commune: '' })],
      }),
    );
    const issues = check(wb).issues.map((i) => [i.row, i.code, i.column, i.header]);
    expect(issues).toEqual([
      [2, 'DATE_INVALID', "Date d'entrée", "Date d'inscription"],
      [3, 'BIRTH_DATE_MISSING', 'Date de naissance', 'DDN'],
      [3, 'COMMUNE_MISSING', 'Commune', 'Ville'],
    ]);
  });

  it('name that header in messages that name a column', () => {
    const wb = renamed(
      { Participants: { Commune: 'Ville', Sexe: 'Genre' }, Présences: { Statut: 'Présence', 'ID participant': 'Identifiant' } },
      buildWorkbook({
        participants: [participant({ id: 'A-1', commune: '', sex: 'Z' })],
        sessions: [{ date: '2018-03-06' }],
        attendance: [{ date: '2018-03-06', id: '', status: '' }],
      }),
    );
    const byCode = new Map(check(wb).issues.map((i) => [i.code, i]));
    expect(byCode.get('COMMUNE_MISSING')!.message).toMatch(/^«\u00a0Ville\u00a0» vide/);
    expect(byCode.get('VALUE_NOT_ALLOWED')!.message).toContain('«\u00a0Genre\u00a0»');
    expect(byCode.get('ATTENDANCE_STATUS_INVALID')).toMatchObject({ header: 'Présence', column: 'Statut' });
    expect(byCode.get('ATTENDANCE_STATUS_INVALID')!.message).toMatch(/^«\u00a0Présence\u00a0» vide/);
    expect(byCode.get('ATTENDANCE_UNKNOWN_PARTICIPANT')!.message).toMatch(/^«\u00a0Identifiant\u00a0» vide/);
  });

  it('take the first of a repeated header', () => {
    const wb = buildWorkbook({ participants: [participant({ id: 'A-1', postcode: '123' })] });
    const header = wb.sheet('Participants').cells[0];
    header[header.indexOf('Code postal')] = 'CP';
    wb.sheet('Participants').cells.forEach((row, r) => row.push(r === 0 ? 'Code postal' : '94800'));
    const issue = check(wb).issues.find((i) => i.code === 'POSTCODE_INVALID')!;
    expect([issue.column, issue.header]).toEqual(['Code postal', 'CP']);
  });

  it("give each absent column its own canonical header, after the row's issues of present columns", () => {
    const wb = buildWorkbook({
      participants: [
        participant({ id: 'A-1', situation: 'Alternance signée', contractType: '', contractStart: '' }),
        participant({ id: 'A-1' }),
      ],
    });
    const sheet = wb.sheet('Participants');
    for (const gone of ['Type de contrat', 'Date de début du contrat']) {
      const at = sheet.cells[0].indexOf(gone);
      for (const row of sheet.cells) row.splice(at, 1);
    }
    const row2 = check(wb)
      .issues.filter((i) => i.row === 2)
      .map((i) => [i.code, i.column, i.header]);
    expect(row2).toEqual([
      ['ID_DUPLICATE', 'ID', 'ID'],
      ['CONTRACT_TYPE_MISSING', 'Type de contrat', 'Type de contrat'],
      ['CONTRACT_START_MISSING', 'Date de début du contrat', 'Date de début du contrat'],
    ]);
  });

  it('are the canonical header for a missing column, and null for an issue of a whole row', () => {
    const wb = buildWorkbook({
      participants: [
        participant({ id: 'A-1', lastName: 'Jumeau', firstName: 'Alex' }),
        participant({ id: 'A-2', lastName: 'Jumeau', firstName: 'Alex' }),
      ],
    });
    const header = wb.sheet('Participants').cells[0];
    header[header.indexOf('Commune')] = 'Lieu de vie';
    const issues = check(wb).issues;
    expect(issues.find((i) => i.code === 'MISSING_COLUMN')).toMatchObject({ column: 'Commune', header: 'Commune' });
    const duplicates = issues.filter((i) => i.code === 'POSSIBLE_DUPLICATE_PERSON');
    expect(duplicates.map((i) => [i.column, i.header])).toEqual([
      [null, null],
      [null, null],
    ]);
    for (const i of issues) expect(i.header === null).toBe(i.column === null);
  });

  it('come from headerAsWritten: the header as written, the canonical one for an absent column', () => {
    const wb = renamed({ Participants: { ID: 'N°' } }, buildWorkbook({ participants: [participant({ id: 'A-1' })] }));
    const model = readModel(wb);
    expect(headerAsWritten(model.participants, 'id')).toBe('N°');
    expect(headerAsWritten(model.participants, 'email')).toBe('Email');
  });
});
