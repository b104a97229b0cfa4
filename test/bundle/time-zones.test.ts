/**
 * dist/Code.js on a spreadsheet in La Réunion (UTC+4): Date cells are midnight there. With a
 * working Intl, and with an Intl that has no time-zone data (the runtime then falls back to
 * Paris offsets): the check against Utilities.formatDate keeps the days right.
 */
import { createFakeGas, FakeInputCell, sheetsDate } from '../support/fake-gas';
import { ensureBundleBuilt, loadBundle } from '../support/gas-local';

const REUNION = 'Indian/Reunion';

function reunionWorkbook() {
  const d = (iso: string) => sheetsDate(iso, REUNION);
  const sheets: Record<string, FakeInputCell[][]> = {
    Participants: [
      ['ID', 'Nom', 'Prénom', 'Date de naissance', 'Commune', "Date d'entrée", 'Résident QPV'],
      ['R-1', 'Payet', 'Léa', d('2001-06-15'), 'Saint-Denis', d('2018-03-06'), 'Non'],
    ],
    Séances: [
      ['Date', 'Thème', 'Animateur', 'Lieu'],
      [d('2018-03-06'), 'CV', 'Nadia', 'Saint-Denis'],
    ],
    Présences: [
      ['Date', 'ID participant', 'Participant', 'Statut'],
      [d('2018-03-06'), 'R-1', 'Payet Léa', 'Présent'],
    ],
  };
  return createFakeGas({ timeZone: REUNION, sheets });
}

/** Intl as a runtime without time-zone data has it: DateTimeFormat refuses every zone. */
function intlWithoutTimeZones(): Record<string, unknown> {
  const real = Intl;
  const DateTimeFormat = () => {
    throw new RangeError('Invalid time zone specified');
  };
  return { Intl: { Collator: real.Collator, NumberFormat: real.NumberFormat, PluralRules: real.PluralRules, DateTimeFormat } };
}

beforeAll(() => ensureBundleBuilt());

describe('dist/Code.js in La Réunion', () => {
  it('finds the session and the status saved on the day of their Date cells', () => {
    const gas = loadBundle(reunionWorkbook());
    const sheet = JSON.parse(JSON.stringify(gas.call('getAttendanceSheet', '2018-03-06')));
    expect([sheet.session?.theme, sheet.participants[0]?.status]).toEqual(['CV', 'Présent']);
  });

  it('still reads the right days when Intl has no time-zone data (Utilities.formatDate wins)', () => {
    const gas = loadBundle(reunionWorkbook(), { globals: intlWithoutTimeZones() });
    const sheet = JSON.parse(JSON.stringify(gas.call('getAttendanceSheet', '2018-03-06')));
    expect([sheet.session?.theme, sheet.participants[0]?.status]).toEqual(['CV', 'Présent']);
  });

  it('writes a saved session as midnight in La Réunion when Intl has no time-zone data', () => {
    const fake = reunionWorkbook();
    const gas = loadBundle(fake, { globals: intlWithoutTimeZones() });
    gas.call('saveAttendance', { date: '2018-03-13', entries: [{ participantId: 'R-1', status: 'Absent' }] });
    expect((fake.cell('Séances', 3, 1) as Date).getTime()).toBe(sheetsDate('2018-03-13', REUNION).getTime());
  });
});
