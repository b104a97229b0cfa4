import { dayFromIso } from '../../src/core/days';
import { followUpList } from '../../src/core/follow-up';
import { readModel } from '../../src/app/read';
import { buildWorkbook, participant } from '../support/builders';

const day = (iso: string): number => dayFromIso(iso)!;
const SESSIONS = ['2018-03-06', '2018-03-13', '2018-03-20', '2018-03-27'];

function workbook(extra: { date: string; id: string; status: string }[] = []) {
  const people = [
    participant({
      id: 'S1',
      lastName: 'Lambert',
      firstName: 'Chloé',
      entryDate: '2018-03-01',
      phone: '06 12 34 56 78',
      email: 'chloe@exemple.fr',
    }),
    participant({ id: 'S2', lastName: 'Abadie', firstName: 'Zoé', entryDate: '2018-03-01' }),
    participant({ id: 'S3', lastName: 'Roux', firstName: 'Maël', entryDate: '2018-03-01' }),
  ];
  const attendance = [
    ...SESSIONS.map((date) => ({ date, id: 'S3', status: 'Présent' })),
    { date: '2018-03-06', id: 'S1', status: 'Présent' },
    ...SESSIONS.slice(1).map((date) => ({ date, id: 'S1', status: 'Absent' })),
    ...SESSIONS.slice(1).map((date) => ({ date, id: 'S2', status: 'Excusé' })),
    ...extra,
  ];
  return readModel(buildWorkbook({ participants: people, sessions: SESSIONS.map((date) => ({ date })), attendance }));
}

describe('the "Suivi" call list (SPEC §4)', () => {
  it('lists everyone à relancer on the day, sorted by name, with reason, last presence and contacts', () => {
    const list = followUpList(workbook(), day('2018-04-03'));
    expect(list.date).toBe('2018-04-03');
    expect(list.people).toEqual([
      {
        id: 'S2',
        name: 'Abadie Zoé',
        reason: 'Aucune présence aux trois dernières séances',
        lastPresence: null,
        phone: null,
        email: null,
      },
      {
        id: 'S1',
        name: 'Lambert Chloé',
        reason: 'Absent aux trois dernières séances',
        lastPresence: '2018-03-06',
        phone: '06 12 34 56 78',
        email: 'chloe@exemple.fr',
      },
    ]);
  });

  it('leaves out someone recorded Présent that very day', () => {
    const list = followUpList(workbook([{ date: '2018-04-03', id: 'S1', status: 'Présent' }]), day('2018-04-03'));
    expect(list.people.map((p) => p.id)).toEqual(['S2']);
  });
});
