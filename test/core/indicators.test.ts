/** Every rule of SPEC §6, each edge on its own (fictional people). */
import { computeIndicators, computeYearFigures } from '../../src/core/indicators';
import { readModel } from '../../src/app/read';
import { buildWorkbook, participant, ParticipantInput, WorkbookInput } from '../support/builders';

type Attendance = NonNullable<WorkbookInput['attendance']>;

function figures(input: WorkbookInput, year = 2018) {
  return computeIndicators(readModel(buildWorkbook(input)), year);
}

function one(p: ParticipantInput, attendance: Attendance = [], year = 2018) {
  return figures({ participants: [p], attendance }, year);
}

const present = (id: string, ...dates: string[]): Attendance => dates.map((date) => ({ date, id, status: 'Présent' }));

describe('beneficiaries of a year', () => {
  it('counts a participant entered during the year as a new entrant', () => {
    const i = one(participant({ id: 'A1', entryDate: '2018-05-02' }));
    expect(i).toMatchObject({ beneficiaries: 1, newEntrants: 1, carriedOver: 0 });
  });

  it('counts a participant enrolled during the year who never came', () => {
    const i = one(participant({ id: 'A1', entryDate: '2018-05-02' }), []);
    expect(i.beneficiaries).toBe(1);
    expect(i.attendance.presences).toBe(0);
    expect(i.attendance.meanSessionsPerBeneficiary).toBe(0);
  });

  it('counts an entry on 1 January and on 31 December in that year, not in the next one', () => {
    const people = [participant({ id: 'J1', entryDate: '2018-01-01' }), participant({ id: 'D31', entryDate: '2018-12-31' })];
    expect(figures({ participants: people }, 2018)).toMatchObject({ beneficiaries: 2, newEntrants: 2 });
    expect(figures({ participants: people }, 2019)).toMatchObject({ beneficiaries: 0, newEntrants: 0 });
    expect(figures({ participants: people }, 2017)).toMatchObject({ beneficiaries: 0 });
  });

  it('reads an entry on 31 December written as text or as a serial number', () => {
    const people = [
      participant({ id: 'T', entryDate: '31/12/2018' }),
      participant({ id: 'S', entryDate: 43465 }), // 2018-12-31
    ];
    expect(figures({ participants: people }, 2018).newEntrants).toBe(2);
  });

  it('carries over a participant entered before the year with at least one Présent in it', () => {
    const i = one(participant({ id: 'C1', entryDate: '2017-10-02' }), present('C1', '2018-03-06'));
    expect(i).toMatchObject({ beneficiaries: 1, newEntrants: 0, carriedOver: 1 });
  });

  it('does not carry over a participant with only Absent or Excusé in the year', () => {
    const i = one(participant({ id: 'C1', entryDate: '2017-10-02' }), [
      { date: '2018-03-06', id: 'C1', status: 'Absent' },
      { date: '2018-03-13', id: 'C1', status: 'Excusé' },
      { date: '2017-10-10', id: 'C1', status: 'Présent' },
    ]);
    expect(i.beneficiaries).toBe(0);
    expect(i.attendance).toMatchObject({ presences: 0, absences: 1, excused: 1 });
  });

  it('does not count a participant whose entry is after the year, even with presences in it', () => {
    const i = one(participant({ id: 'L1', entryDate: '2019-01-15' }), present('L1', '2018-10-02'));
    expect(i.beneficiaries).toBe(0);
    // The presence still counts in the year's attendance (its ID is a participant's).
    expect(i.attendance.presences).toBe(1);
    expect(i.attendance.meanSessionsPerBeneficiary).toBeNull();
  });

  it('excludes rows without a readable entry date, in every year, even with presences', () => {
    const people = [
      participant({ id: 'N1', entryDate: '' }),
      participant({ id: 'N2', entryDate: '31/02/2018' }),
      participant({ id: 'OK', entryDate: '2018-03-05' }),
    ];
    const attendance = present('N1', '2018-03-06');
    for (const year of [2017, 2018, 2019]) {
      const i = figures({ participants: people, attendance }, year);
      expect(i.excludedRows).toBe(2);
      expect(i.beneficiaries).toBe(year === 2018 ? 1 : 0);
    }
    const i = figures({ participants: people, attendance }, 2018);
    expect(i.attendance.presences).toBe(1);
    expect(i.attendance.meanSessionsPerBeneficiary).toBe(0);
  });

  it('matches Présences IDs ignoring case and surrounding spaces', () => {
    const i = one(participant({ id: 'ab-12', entryDate: '2017-10-02' }), present('  AB-12 ', '2018-03-06'));
    expect(i.carriedOver).toBe(1);
  });

  it("counts each row of a duplicated ID as a participant, sharing that ID's attendance", () => {
    const people = [participant({ id: 'D1', entryDate: '2018-03-05' }), participant({ id: 'd1', entryDate: '2018-04-05' })];
    const i = figures({ participants: people, attendance: present('D1', '2018-03-06') });
    expect(i.beneficiaries).toBe(2);
    expect(i.attendance.presences).toBe(1);
    expect(i.attendance.meanSessionsPerBeneficiary).toBe(0.5);
  });
});

describe('ages at the reference date', () => {
  it('makes an 18th birthday on the entry date an adult', () => {
    const i = one(participant({ birthDate: '2000-03-05', entryDate: '2018-03-05' }));
    expect(i.minors.count).toBe(0);
    expect(i.ageBands['18to21']).toBe(1);
  });

  it('keeps someone a minor the day before their 18th birthday', () => {
    const i = one(participant({ birthDate: '2000-03-06', entryDate: '2018-03-05' }));
    expect(i.minors).toEqual({ count: 1, percent: 100 });
    expect(i.ageBands.under18).toBe(1);
  });

  it('measures a carried-over participant at their first Présent of the year, not at entry', () => {
    const p = participant({ id: 'C1', birthDate: '2000-03-10', entryDate: '2017-09-12' });
    const attendance: Attendance = [
      { date: '2018-03-06', id: 'C1', status: 'Absent' }, // before the birthday, but not a Présent
      { date: '2018-03-20', id: 'C1', status: 'Présent' },
      { date: '2018-03-13', id: 'C1', status: 'Présent' }, // first Présent (rows are not in order)
    ];
    expect(one(p, attendance, 2018).minors.count).toBe(0); // 18 on 2018-03-13
    expect(one(p, [], 2017).minors.count).toBe(1); // 17 at entry
    const before = one(p, [{ date: '2018-03-09', id: 'C1', status: 'Présent' }], 2018);
    expect(before.minors.count).toBe(1); // first Présent the day before the birthday
  });

  it('puts ages in bands at their edges: 17, 18, 21, 22, 25, 26', () => {
    const at = (birthDate: string) => participant({ birthDate, entryDate: '2018-06-01' });
    const i = figures({
      participants: [at('2000-06-02'), at('2000-06-01'), at('1996-06-02'), at('1996-06-01'), at('1992-06-02'), at('1992-06-01')],
    });
    expect(i.ageBands).toEqual({ under18: 1, '18to21': 2, '22to25': 2, '26plus': 1, unknown: 0 });
  });

  it('counts a blank or unreadable birth date as unknown, not as a minor', () => {
    const i = figures({ participants: [participant({ birthDate: '' }), participant({ birthDate: 'bientôt' })] });
    expect(i.ageBands.unknown).toBe(2);
    expect(i.minors).toEqual({ count: 0, percent: 0 });
  });
});

describe('breakdowns', () => {
  it('counts QPV residents by canonical district, unknown text as written, blank as Non précisé', () => {
    const i = figures({
      participants: [
        participant({ qpvResident: 'oui', qpvDistrict: 'CHAPERON VERT' }),
        participant({ qpvResident: 'x', qpvDistrict: 'Chaperon  Vert ' }),
        participant({ qpvResident: 'Oui', qpvDistrict: '  Les Hautes  Bruyères ' }),
        participant({ qpvResident: 'Oui', qpvDistrict: '' }),
        participant({ qpvResident: 'Non', qpvDistrict: 'La Plaine' }),
        participant({ qpvResident: '' }),
        participant({ qpvResident: 'peut-être' }),
      ],
    });
    expect(i.qpv).toEqual({
      count: 4,
      percent: 57,
      unknown: 2,
      byDistrict: { 'Chaperon Vert': 2, 'Les Hautes Bruyères': 1, 'Non précisé': 1 },
    });
  });

  it('uses the district list of Paramètres when it has one', () => {
    const i = figures({
      participants: [participant({ qpvResident: 'Oui', qpvDistrict: 'lebon lamartine' })],
      settings: [
        ['Quartier QPV', 'Commune du QPV'],
        ['Lebon-Lamartine', 'Villejuif'],
      ],
    });
    expect(i.qpv.byDistrict).toEqual({ 'Lebon-Lamartine': 1 });
  });

  it('counts sex with its synonyms, blank and unknown values as unknown', () => {
    const i = figures({
      participants: ['Femme', 'mme', 'H', 'Monsieur', '', 'X'].map((sex) => participant({ sex })),
    });
    expect(i.sex).toEqual({ F: 2, H: 2, unknown: 2 });
  });

  it('lists every territory commune even at 0, then Autres and Non renseigné', () => {
    const i = figures({
      participants: [
        participant({ commune: 'le kremlin bicetre' }),
        participant({ commune: 'LE KREMLIN-BICÊTRE ' }),
        participant({ commune: 'Fresnes' }),
        participant({ commune: '' }),
      ],
    });
    expect(i.communes).toEqual({
      Arcueil: 0,
      Cachan: 0,
      Gentilly: 0,
      'Le Kremlin-Bicêtre': 2,
      Villejuif: 0,
      Autres: 1,
      'Non renseigné': 1,
    });
    expect(Object.keys(i.communes)).toEqual([
      'Arcueil',
      'Cachan',
      'Gentilly',
      'Le Kremlin-Bicêtre',
      'Villejuif',
      'Autres',
      'Non renseigné',
    ]);
  });

  it('uses the territory of Paramètres when it has one', () => {
    const i = figures({
      participants: [participant({ commune: 'fresnes' }), participant({ commune: 'Villejuif' })],
      settings: [['Commune du territoire'], ['Fresnes'], ['Thiais']],
    });
    expect(i.communes).toEqual({ Fresnes: 1, Thiais: 0, Autres: 1, 'Non renseigné': 0 });
  });

  it('lists the six training levels and Non renseigné, unreadable values counting as not given', () => {
    const i = figures({
      participants: ['BTS', 'niveau IV', 'Aucun', 'Master', 'licence pro', 'CAP', '', 'Doctorat en cours'].map((trainingLevel) =>
        participant({ trainingLevel }),
      ),
    });
    expect(i.trainingLevels).toEqual({
      'Sans diplôme': 1,
      'CAP / BEP (niveau 3)': 1,
      'Bac (niveau 4)': 1,
      'Bac+2 (niveau 5)': 1,
      'Bac+3 / Bac+4 (niveau 6)': 1,
      'Bac+5 et plus (niveau 7-8)': 1,
      'Non renseigné': 2,
    });
  });
});

describe('attendance', () => {
  const people = [participant({ id: 'A', entryDate: '2018-03-05' }), participant({ id: 'B', entryDate: '2018-03-05' })];

  it('counts Présences rows of the year whose ID is a participant, in Séances or not', () => {
    const i = figures({
      participants: people,
      sessions: [{ date: '2018-03-06' }, { date: '2018-03-13' }, { date: '2017-10-10' }],
      attendance: [
        { date: '2018-03-06', id: 'A', status: 'P' },
        { date: '2018-03-06', id: 'B', status: 'absente' },
        { date: '2018-03-13', id: 'A', status: 'Excusée' },
        { date: '2018-03-14', id: 'B', status: 'Présent' }, // no session that day: still counted
        { date: '2018-03-06', id: 'INCONNU', status: 'Présent' }, // unknown ID: ignored
        { date: '2017-10-10', id: 'A', status: 'Présent' }, // other year
        { date: '2018-03-13', id: 'B', status: 'peut-être' }, // unreadable status
        { date: 'hier', id: 'B', status: 'Présent' }, // unreadable date
      ],
    });
    expect(i.attendance).toEqual({
      sessions: 2,
      presences: 2,
      absences: 1,
      excused: 1,
      presenceRate: 50,
      meanPerSession: 1,
      meanSessionsPerBeneficiary: 1,
    });
  });

  it('counts Séances rows dated in the year (session dates on 1 January and 31 December included)', () => {
    const i = figures({
      participants: people,
      sessions: [{ date: '2018-01-01' }, { date: '31/12/2018' }, { date: '2019-01-01' }, { date: '2017-12-31' }, { date: '' }],
    });
    expect(i.attendance.sessions).toBe(2);
  });

  it("divides beneficiaries' presences by beneficiaries, leaving out presences of others", () => {
    const i = figures({
      participants: [...people, participant({ id: 'OLD', entryDate: '2016-03-01' }), participant({ id: 'X', entryDate: '' })],
      sessions: [{ date: '2018-03-06' }, { date: '2018-03-13' }, { date: '2018-03-20' }],
      attendance: [
        ...present('A', '2018-03-06', '2018-03-13', '2018-03-20'),
        ...present('B', '2018-03-06', '2018-03-13', '2018-03-20'),
        ...present('X', '2018-03-06', '2018-03-13'),
      ],
    });
    expect(i.beneficiaries).toBe(2);
    expect(i.attendance.presences).toBe(8);
    expect(i.attendance.meanPerSession).toBe(2.7);
    expect(i.attendance.meanSessionsPerBeneficiary).toBe(3);
  });

  it('rounds means to one decimal and percentages to whole numbers', () => {
    const i = figures({
      participants: [participant({ id: 'A' }), participant({ id: 'B' }), participant({ id: 'C' }), participant({ id: 'D' })],
      sessions: [{ date: '2018-03-06' }, { date: '2018-03-13' }, { date: '2018-03-20' }],
      attendance: [
        ...present('A', '2018-03-06', '2018-03-13', '2018-03-20'),
        ...present('B', '2018-03-06', '2018-03-13', '2018-03-20'),
        ...present('C', '2018-03-06', '2018-03-13', '2018-03-20'),
        ...present('D', '2018-03-06', '2018-03-13', '2018-03-20'),
        { date: '2018-03-27', id: 'D', status: 'Présent' },
        ...['A', 'B', 'C'].map((id) => ({ date: '2018-03-27', id, status: 'Absent' })),
      ],
    });
    // 13 presences / 4 beneficiaries = 3.25 → 3.3; 13 / 3 sessions = 4.33 → 4.3; 13/16 = 81.25 % → 81
    expect(i.attendance).toMatchObject({ presences: 13, meanSessionsPerBeneficiary: 3.3, meanPerSession: 4.3, presenceRate: 81 });
  });
});

describe('outcomes attributed to the year', () => {
  const outcome = (p: ParticipantInput, year = 2018, attendance: Attendance = []) =>
    one(participant(p), attendance, year).outcomes;

  it('reads a blank situation as still searching', () => {
    expect(outcome({ situation: '' })).toMatchObject({ stillSearching: 1, positive: 0, positiveRate: 0 });
  });

  it('counts a contract starting in the year as work-study, by contract type', () => {
    const o = outcome({ situation: 'Alternance', contractType: 'Contrat pro', contractStart: '2018-10-01', contractMonths: 24 });
    expect(o).toMatchObject({
      workStudy: 1,
      professionalisation: 1,
      apprenticeship: 0,
      positive: 1,
      positiveRate: 100,
      meanContractMonths: 24,
    });
  });

  it('counts a contract signed the year after entry in that later year only, when the participant carries over', () => {
    const p = participant({
      id: 'S1',
      entryDate: '2017-09-12',
      situation: 'Alternance signée',
      contractType: 'Apprentissage',
      contractStart: '2018-09-03',
      contractMonths: 12,
    });
    const in2017 = one(p, present('S1', '2017-09-19'), 2017).outcomes;
    expect(in2017).toMatchObject({ workStudy: 0, stillSearching: 1, meanContractMonths: null });
    const in2018 = one(p, present('S1', '2017-09-19', '2018-03-13'), 2018);
    expect(in2018.carriedOver).toBe(1);
    expect(in2018.outcomes).toMatchObject({ workStudy: 1, apprenticeship: 1, stillSearching: 0, meanContractMonths: 12 });
    // Without a presence in 2018 the participant is not a 2018 beneficiary at all.
    expect(one(p, present('S1', '2017-09-19'), 2018).beneficiaries).toBe(0);
  });

  it('counts a contract starting on 31 December in the year and on 1 January in the next', () => {
    expect(
      outcome({ situation: 'Alternance signée', contractType: 'Apprentissage', contractStart: '2018-12-31' }).workStudy,
    ).toBe(1);
    expect(
      outcome({ situation: 'Alternance signée', contractType: 'Apprentissage', contractStart: '2019-01-01' }).stillSearching,
    ).toBe(1);
  });

  it('dates other situations by Date de sortie', () => {
    expect(outcome({ situation: 'Formation', exitDate: '2018-11-05' }).training).toBe(1);
    expect(outcome({ situation: 'Formation', exitDate: '2019-02-01' }).stillSearching).toBe(1);
    expect(outcome({ situation: 'Emploi', exitDate: '2018-06-30' })).toMatchObject({ employment: 1, positive: 1 });
    expect(outcome({ situation: 'Abandon', exitDate: '2018-06-30' })).toMatchObject({ dropout: 1, positive: 0 });
    expect(outcome({ situation: 'Autre', exitDate: '2018-06-30' })).toMatchObject({ other: 1, positive: 0 });
    // The contract start does not date a Formation, nor the exit date an Alternance.
    expect(outcome({ situation: 'Formation', contractStart: '2019-02-01', exitDate: '2018-11-05' }).training).toBe(1);
    expect(
      outcome({
        situation: 'Alternance signée',
        contractType: 'Apprentissage',
        contractStart: '2018-09-01',
        exitDate: '2019-02-01',
      }).workStudy,
    ).toBe(1);
  });

  it('counts a situation without its date as reached in the year', () => {
    expect(outcome({ situation: 'Emploi', exitDate: '' }).employment).toBe(1);
    expect(outcome({ situation: 'Alternance signée', contractType: 'Apprentissage', contractStart: '' }).workStudy).toBe(1);
  });

  it('counts an unreadable situation as not given (still searching)', () => {
    expect(outcome({ situation: 'Service civique', exitDate: '2018-06-30' }).stillSearching).toBe(1);
  });

  it('keeps a work-study contract without a readable type out of both contract types', () => {
    const o = outcome({ situation: 'Alternance signée', contractType: 'CDI', contractStart: '2018-09-01' });
    expect(o).toMatchObject({ workStudy: 1, apprenticeship: 0, professionalisation: 0 });
  });

  it('averages contract months over work-study outcomes with a readable Durée', () => {
    const ws = (contractMonths: unknown, contractStart = '2018-09-01') =>
      participant({
        situation: 'Alternance signée',
        contractType: 'Apprentissage',
        contractStart,
        contractMonths: contractMonths as string,
      });
    const i = figures({
      participants: [
        ws(24),
        ws('12'),
        ws(''),
        ws('deux ans'),
        ws(13.5),
        ws(0),
        ws(36, '2019-01-10'),
        participant({ situation: 'Emploi', contractMonths: 6 }),
      ],
    });
    expect(i.outcomes.workStudy).toBe(6);
    expect(i.outcomes.meanContractMonths).toBe(18);
  });

  it('counts positive outcomes as work-study + training + employment, over beneficiaries', () => {
    const i = figures({
      participants: [
        participant({ situation: 'Alternance signée', contractType: 'Apprentissage', contractStart: '2018-09-01' }),
        participant({ situation: 'Formation', exitDate: '2018-09-01' }),
        participant({ situation: 'Emploi', exitDate: '2018-09-01' }),
        participant({ situation: 'Abandon', exitDate: '2018-09-01' }),
        participant({ situation: 'En recherche' }),
        participant({}),
      ],
    });
    expect(i.outcomes).toMatchObject({ positive: 3, positiveRate: 50, stillSearching: 2, dropout: 1 });
  });
});

describe('planned places and zero denominators', () => {
  it('reads planned places of the year and the fill rate, which may exceed 100', () => {
    const settings = [
      ['Année', 'Places prévues'],
      [2017, 2],
      [2018, 3],
    ];
    const people = [participant({}), participant({}), participant({}), participant({})];
    expect(figures({ participants: people, settings })).toMatchObject({ plannedPlaces: 3, fillRate: 133 });
  });

  it('gives null planned places and fill rate without Paramètres, or without the year in it', () => {
    expect(figures({ participants: [participant({})] })).toMatchObject({ plannedPlaces: null, fillRate: null });
    expect(
      figures({
        participants: [participant({})],
        settings: [
          ['Année', 'Places prévues'],
          [2017, 55],
        ],
      }),
    ).toMatchObject({
      plannedPlaces: null,
      fillRate: null,
    });
  });

  it('gives a null fill rate for 0 planned places', () => {
    expect(
      figures({
        participants: [participant({})],
        settings: [
          ['Année', 'Places prévues'],
          [2018, 0],
        ],
      }),
    ).toMatchObject({
      plannedPlaces: 0,
      fillRate: null,
    });
  });

  it('gives null for every figure whose denominator is 0', () => {
    const i = figures({ participants: [participant({ entryDate: '2016-03-01' })] }, 2018);
    expect(i.beneficiaries).toBe(0);
    expect(i.minors.percent).toBeNull();
    expect(i.qpv.percent).toBeNull();
    expect(i.outcomes.positiveRate).toBeNull();
    expect(i.outcomes.meanContractMonths).toBeNull();
    expect(i.attendance).toEqual({
      sessions: 0,
      presences: 0,
      absences: 0,
      excused: 0,
      presenceRate: null,
      meanPerSession: null,
      meanSessionsPerBeneficiary: null,
    });
  });

  it('works on a workbook with only a Participants tab', () => {
    const wb = buildWorkbook({ participants: [participant({})] });
    wb.sheets.splice(1); // drop Séances and Présences
    const i = computeIndicators(readModel(wb), 2018);
    expect(i).toMatchObject({ beneficiaries: 1, attendance: { sessions: 0, presences: 0 } });
  });
});

describe('presences per month (for the report)', () => {
  it('counts Présent rows of known participants by month of the year', () => {
    const f = computeYearFigures(
      readModel(
        buildWorkbook({
          participants: [participant({ id: 'A' })],
          attendance: [...present('A', '2018-03-06', '2018-03-13', '2018-12-31', '2019-01-01'), ...present('Z', '2018-04-03')],
        }),
      ),
      2018,
    );
    expect(f.presencesByMonth).toEqual([0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });
});
