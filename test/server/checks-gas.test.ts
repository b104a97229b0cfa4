/**
 * Checks on the counting fake of the Apps Script services: through the real adapter
 * (AppsScriptWorkbook / AppsScriptLock) and through the built bundle dist/Code.js.
 */
import { READ_BANDS } from '../../src/core/bands';
import type { Services } from '../../src/app/ports';
import { MARK_HEADER } from '../../src/i18n/fr/checks';
import { markNote } from '../../src/core/marks';
import { prepareWorkbook, selectCell, validateWorkbook } from '../../src/app/checks';
import { ParticipantInput, dateCell, participant, participantsTab } from '../support/builders';
import { createFakeGas, FakeGas, FakeInputCell } from '../support/fake-gas';
import { RecordingUi, withFakeServices } from '../support/fake-services';
import { ensureBundleBuilt, loadBundle } from '../support/gas-local';

function withFake<T>(fake: FakeGas, run: (services: Services, ui: RecordingUi) => T): T {
  return withFakeServices(fake, { today: '2026-11-26' }, run);
}

const SESSIONS_HEADER = ['Date', 'Thème', 'Animateur', 'Lieu'];
const ATTENDANCE_HEADER = ['Date', 'ID participant', 'Participant', 'Statut'];

/** n participants (every 10th with a wrong postcode), 4 sessions, 4 attendance rows per participant. */
function workbookOf(n: number): FakeGas {
  const people: ParticipantInput[] = [];
  for (let i = 0; i < n; i++) people.push(participant({ id: `N-${i}`, postcode: i % 10 === 0 ? '9480' : '94800' }));
  const days = ['2018-03-06', '2018-03-13', '2018-03-20', '2018-03-27'];
  const attendance: FakeInputCell[][] = [ATTENDANCE_HEADER];
  for (const d of days)
    for (let i = 0; i < n; i++) attendance.push([dateCell(d), `N-${i}`, '', i % 7 === 0 ? 'Malade' : 'Présent']);
  return createFakeGas({
    sheets: {
      Participants: participantsTab(people) as FakeInputCell[][],
      Séances: [SESSIONS_HEADER, ...days.map((d) => [dateCell(d), 'CV', '', ''])],
      Présences: attendance,
    },
  });
}

describe('service calls of validateWorkbook', () => {
  it('are the same for 100 and 10 000 participants (first run and re-run)', () => {
    const counts = (n: number) => {
      const fake = workbookOf(n);
      return withFake(fake, (services) => {
        fake.resetCalls();
        const first = validateWorkbook(services);
        const firstCalls = fake.snapshotCalls();
        fake.resetCalls();
        validateWorkbook(services);
        return { issues: first.counts.errors + first.counts.warnings, firstCalls, rerunCalls: fake.snapshotCalls() };
      });
    };
    const small = counts(100);
    const large = counts(10_000);
    expect(large.issues).toBeGreaterThan(small.issues * 50);
    expect(large.firstCalls).toEqual(small.firstCalls);
    expect(large.rerunCalls).toEqual(small.rerunCalls);
    // Participants and Séances in one read each, Présences in READ_BANDS (values and notes);
    // under the lock, before their notes are written, the key column of each tab whose notes
    // change (Participants and Présences here) once more: did the rows move?
    expect(small.firstCalls['Range.getValues']).toBe(2 + READ_BANDS + 2);
    expect(small.rerunCalls['Range.getValues']).toBe(2 + READ_BANDS);
    expect(small.firstCalls['Range.getNotes']).toBe(2 + READ_BANDS);
    // The new notes of each tab (Présences too, whichever bands change) in one rectangle; nothing to clear.
    expect(small.firstCalls['Range.setNotes']).toBe(2);
    expect(small.firstCalls['RangeList.clearNote'] ?? 0).toBe(0);
    expect((small.rerunCalls['Range.setNotes'] ?? 0) + (small.rerunCalls['RangeList.clearNote'] ?? 0)).toBe(0);
    expect(Object.keys(small.firstCalls).filter((k) => /^Range\.(setValue|getValue|setNote|getNote)$/.test(k))).toEqual([]);
  });
});

describe('marks through the Apps Script adapter', () => {
  it("append a block after the user's note and remove it once fixed, formats untouched", () => {
    const fake = createFakeGas({
      sheets: {
        Participants: participantsTab([
          participant({ id: 'G-1', postcode: '9480' }),
          participant({ id: 'G-2' }),
        ]) as FakeInputCell[][],
      },
    });
    withFake(fake, (services) => {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      const sheet = ss.getSheetByName('Participants')!;
      sheet.getRange(2, 7).setNote('Code à vérifier');
      sheet.getRange(2, 7).setBackground('#ffff00');
      sheet.getRange(3, 2).setNote('Personne suivie par Mme Haddad');
      const formatBefore = JSON.stringify(fake.format('Participants', 2, 7));

      const postcode = validateWorkbook(services).issues.find((i) => i.code === 'POSTCODE_INVALID')!;
      expect(fake.note('Participants', 2, 7)).toBe(`Code à vérifier\n\n${markNote([postcode.message])}`);
      expect(fake.note('Participants', 3, 2)).toBe('Personne suivie par Mme Haddad');

      sheet.getRange(2, 7).setValue("'94800");
      validateWorkbook(services);
      expect(fake.note('Participants', 2, 7)).toBe('Code à vérifier');
      expect(fake.note('Participants', 3, 2)).toBe('Personne suivie par Mme Haddad');
      expect(JSON.stringify(fake.format('Participants', 2, 7))).toBe(formatBefore);
    });
  });

  it("select the issue's cell", () => {
    const fake = createFakeGas({ sheets: { Participants: participantsTab([participant({ id: 'G-1' })]) as FakeInputCell[][] } });
    withFake(fake, (services) => {
      fake.resetCalls();
      selectCell(services, 'Participants', 2, 'Commune');
    });
    expect(fake.selection()).toMatchObject({ sheet: 'Participants', row: 2, col: 6 });
    expect(fake.activeSheet()).toBe('Participants');
    // Only the header rows are read, never the whole tab.
    expect(fake.count('Sheet.getDataRange')).toBe(0);
    expect(fake.count('Range.getValues')).toBe(1);
  });
});

describe('"Préparer le classeur" through the Apps Script adapter', () => {
  it('creates the tabs, keeps validation inside the grid and is idempotent', () => {
    const fake = createFakeGas({ sheets: { 'Feuille 1': [['libre']] } });
    const state = () =>
      JSON.stringify(
        fake.sheetNames().map((name) => ({
          name,
          values: fake.values(name),
          notes: fake.notes(name),
          frozen: fake.frozenRows(name),
          maxRows: fake.maxRows(name),
          validation: [1, 2, 3, 4, 5, 8, 14].map((c) => fake.validation(name, 2, c)),
          lastValidation: fake.validation(name, fake.maxRows(name), 4),
        })),
      );
    withFake(fake, (services, ui) => {
      prepareWorkbook(services);
      expect(ui.alerts).toHaveLength(1);
      expect(ui.alerts[0]).toContain('Onglets créés');
    });
    expect(fake.sheetNames()).toEqual(['Feuille 1', 'Participants', 'Séances', 'Présences', 'Paramètres']);
    expect(fake.values('Feuille 1')).toEqual([['libre']]);
    expect(fake.frozenRows('Participants')).toBe(1);
    expect(fake.validation('Participants', 2, 4)).not.toBeNull();
    expect(fake.validation('Participants', 1000, 4)).not.toBeNull();
    expect(fake.maxRows('Participants')).toBe(1000);
    expect(fake.validation('Participants', 2, 1)).toBeNull();
    const after1 = state();
    withFake(fake, (services) => prepareWorkbook(services));
    expect(state()).toBe(after1);
  });
});

describe('the built bundle', () => {
  beforeAll(() => ensureBundleBuilt());

  it('exposes validateWorkbook, selectCell and the two menu handlers', () => {
    const fake = createFakeGas({
      sheets: {
        Participants: participantsTab([
          participant({ id: 'B-1', email: 'b1@' }),
          participant({ id: 'B-2' }),
        ]) as FakeInputCell[][],
        Séances: [SESSIONS_HEADER],
        Présences: [ATTENDANCE_HEADER],
      },
    });
    const gas = loadBundle(fake);
    const result = gas.call('validateWorkbook');
    expect(JSON.parse(JSON.stringify(result))).toEqual({
      rowsChecked: 2,
      issues: [
        expect.objectContaining({ sheet: 'Participants', row: 2, code: 'EMAIL_INVALID', column: 'Email', severity: 'warning' }),
      ],
      counts: { errors: 0, warnings: 1 },
      truncated: false,
    });
    expect(fake.note('Participants', 2, 11)).toContain(MARK_HEADER);
    gas.call('selectCell', 'Participants', 2, 'Email');
    expect(fake.selection()).toMatchObject({ row: 2, col: 11 });
    gas.call('menuCheckWorkbook');
    gas.call('menuPrepareWorkbook');
    expect(fake.sheetNames()).toContain('Paramètres');
    expect(gas.logs.join('\n')).not.toMatch(/b1@|B-1/);
  });

  it("notes on each faulty cell that cell's messages, and names the columns as the team wrote them", () => {
    // The team's own headers: "Date d'inscription" for Date d'entrée, "DDN" for Date de naissance.
    const tab = participantsTab([
      participant({ id: 'R-1', entryDate: '3 mars' }),
      participant({ id: 'R-2', birthDate: '' }),
    ]) as FakeInputCell[][];
    const headers = tab[0] as string[];
    const entryCol = headers.indexOf("Date d'entrée") + 1;
    const birthCol = headers.indexOf('Date de naissance') + 1;
    headers[entryCol - 1] = "Date d'inscription";
    headers[birthCol - 1] = 'DDN';
    const fake = createFakeGas({ sheets: { Participants: tab, Séances: [SESSIONS_HEADER], Présences: [ATTENDANCE_HEADER] } });
    const gas = loadBundle(fake);
    const { issues } = JSON.parse(JSON.stringify(gas.call('validateWorkbook'))) as {
      issues: { row: number; column: string | null; header: string | null; code: string; message: string }[];
    };
    const entry = issues.find((i) => i.code === 'DATE_INVALID')!;
    const birth = issues.find((i) => i.code === 'BIRTH_DATE_MISSING')!;
    expect([entry.row, entry.column, entry.header]).toEqual([2, "Date d'entrée", "Date d'inscription"]);
    expect([birth.row, birth.column, birth.header]).toEqual([3, 'Date de naissance', 'DDN']);
    expect(birth.message).toContain('«\u00a0DDN\u00a0»');
    expect(issues.every((i) => (i.column === null) === (i.header === null))).toBe(true);
    // Hovering the cell says what is wrong there: the marker, then that cell's message.
    expect(fake.note('Participants', 2, entryCol)).toBe(`${MARK_HEADER}\n${entry.message}`);
    expect(fake.note('Participants', 3, birthCol)).toBe(`${MARK_HEADER}\n${birth.message}`);
    expect(entry.message).toContain('«\u00a03 mars\u00a0»');
  });
});
