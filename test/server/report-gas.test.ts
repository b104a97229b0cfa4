/**
 * The annual report through the real Apps Script adapter over the counting fake of the
 * Apps Script services: constant service calls, text kept as text, data tabs untouched.
 */
import { READ_BANDS } from '../../src/core/bands';
import type { Services } from '../../src/app/ports';
import { generateAnnualReport } from '../../src/app/report';
import { dateCell, participant, participantsTab } from '../support/builders';
import { createFakeGas, FakeGas, FakeInputCell } from '../support/fake-gas';
import { withFakeServices } from '../support/fake-services';

function withFake<T>(fake: FakeGas, run: (services: Services) => T): T {
  return withFakeServices(fake, { today: '2019-01-10' }, run);
}

const COMMUNES = ['Arcueil', 'Cachan', 'Gentilly', 'Le Kremlin-Bicêtre', 'Villejuif', 'Fresnes'];
const DISTRICTS = ['La Plaine', 'Chaperon Vert', 'Alexandre Dumas'];

/** A workbook of n participants (2017–2018) with 4 attendance rows each. */
function workbook(n: number, extraTabs: Record<string, FakeInputCell[][]> = {}): FakeGas {
  const sessions = Array.from({ length: 4 }, (_, k) => `2018-03-${String(6 + 7 * k).padStart(2, '0')}`);
  const people = Array.from({ length: n }, (_, i) =>
    participant({
      id: `G-${i}`,
      lastName: `Nom${i}`,
      firstName: `Prénom${i}`,
      entryDate: i % 5 === 0 ? '2017-10-03' : '2018-03-05',
      birthDate: `${1995 + (i % 9)}-0${1 + (i % 9)}-15`,
      commune: COMMUNES[i % COMMUNES.length],
      qpvResident: i % 4 === 0 ? 'Oui' : 'Non',
      qpvDistrict: i % 4 === 0 ? DISTRICTS[i % 3] : '',
      sex: i % 2 ? 'F' : 'H',
      situation: i % 3 === 0 ? 'Alternance signée' : '',
      contractType: i % 3 === 0 ? 'Apprentissage' : '',
      contractStart: i % 3 === 0 ? '2018-09-10' : '',
      contractMonths: i % 3 === 0 ? 24 : '',
      email: `personne${i}@exemple.fr`,
    }),
  );
  const attendance: FakeInputCell[][] = [['Date', 'ID participant', 'Participant', 'Statut']];
  sessions.forEach((d, k) => {
    const day = dateCell(d);
    for (let i = 0; i < n; i++) attendance.push([day, `G-${i}`, `Nom${i} Prénom${i}`, (i + k) % 7 === 0 ? 'Absent' : 'Présent']);
  });
  return createFakeGas({
    sheets: {
      Participants: participantsTab(people) as FakeInputCell[][],
      Séances: [['Date', 'Thème', 'Animateur', 'Lieu'], ...sessions.map((d) => [dateCell(d), 'CV', 'Nadia', 'Salle 1'])],
      Présences: attendance,
      Paramètres: [
        ['Année', 'Places prévues', 'Seuil de confidentialité'],
        [2017, 55, 3],
        [2018, 55, ''],
      ],
      ...extraTabs,
    },
  });
}

function measure(n: number, existing: boolean) {
  const fake = workbook(n, existing ? { 'Bilan 2018': [['ancien bilan']] } : {});
  return withFake(fake, (services) => {
    fake.resetCalls();
    const result = generateAnnualReport(services, 2018);
    return { calls: fake.snapshotCalls(), result, fake };
  });
}

describe('generateAnnualReport on the Apps Script services', () => {
  it.each([false, true])('makes the same service calls for 100 and 10 000 participants (report tab existing: %s)', (existing) => {
    const small = measure(100, existing);
    const large = measure(10_000, existing);
    expect(small.result.indicators.beneficiaries).toBe(100);
    expect(large.result.indicators.beneficiaries).toBe(10_000);
    expect(large.calls).toEqual(small.calls);
    expect(small.calls['Range.getValues']).toBe(3 + READ_BANDS); // one batch read per tab, Présences in bands
    expect(small.calls['Range.setValues']).toBe(1); // the whole report in one write
    expect(small.calls['Sheet.insertChart']).toBe(3);
  });

  it('writes only the report tab, with headers and changes kept as text, never as formulas', () => {
    const fake = workbook(30);
    const before = JSON.stringify(
      ['Participants', 'Séances', 'Présences', 'Paramètres'].map((s) => [fake.values(s), fake.formulas(s)]),
    );
    withFake(fake, (services) => generateAnnualReport(services, 2018));
    expect(
      JSON.stringify(['Participants', 'Séances', 'Présences', 'Paramètres'].map((s) => [fake.values(s), fake.formulas(s)])),
    ).toBe(before);
    const values = fake.values('Bilan 2018');
    const header = values.find((r) => r[0] === 'Chiffres clés')!;
    expect(header.slice(0, 6)).toEqual(['Chiffres clés', '2018', '%', '2017', '%', 'Évolution']);
    const beneficiaries = values.find((r) => r[0] === 'Bénéficiaires')!;
    expect(beneficiaries.slice(0, 6)).toEqual(['Bénéficiaires', 30, '', 6, '', '+24']);
    expect(
      fake
        .formulas('Bilan 2018')
        .flat()
        .filter((f) => f !== ''),
    ).toEqual([]);
    expect(fake.charts('Bilan 2018')).toHaveLength(3);
    const text = JSON.stringify(values);
    expect(text).not.toMatch(/Nom\d|Prénom\d|@exemple\.fr|G-\d/);
  });

  it('masks small counts of the previous year with its confidentiality threshold read from Paramètres', () => {
    const fake = workbook(10);
    withFake(fake, (services) => generateAnnualReport(services, 2018));
    const values = fake.values('Bilan 2018');
    // Threshold 3 (row 2 of Paramètres): 2017 had 2 beneficiaries → "< 3".
    expect(values.find((r) => r[0] === 'Bénéficiaires')!.slice(0, 6)).toEqual(['Bénéficiaires', 10, '', '< 3', '', '']);
  });
});
