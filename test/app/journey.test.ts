/** getParticipantJourney (SPEC §5, §10) over an in-memory workbook, through createServerApi. */
import { createServerApi, createMenuActions } from '../../src/app/api';
import { SERVER_FUNCTIONS } from '../../src/app/registry';
import { MENU_ITEMS } from '../../src/app/registry';
import { SIDEBAR_VIEWS } from '../../src/shared/views';
import { buildWorkbook, memoryServices, participant } from '../support/builders';

const TODAY = '2018-04-10';

function workbook() {
  return buildWorkbook({
    participants: [
      participant({
        id: 'J-1',
        lastName: 'Benali',
        firstName: 'Yanis',
        birthDate: '2000-04-11',
        commune: 'le kremlin bicetre',
        qpvResident: 'oui',
        qpvDistrict: 'chaperon vert',
        entryDate: '2018-03-01',
        phone: '06 12 34 56 78',
        email: 'yanis.benali@exemple.test',
      }),
      participant({
        id: 'J-2',
        lastName: 'Durand',
        firstName: 'Léo',
        entryDate: '2017-03-01',
        situation: 'Alternance',
        contractType: 'Contrat pro',
        contractStart: '2017-09-01',
        contractMonths: 12,
        employer: 'Boulangerie Fictive',
      }),
      participant({ id: 'J-3', lastName: 'Écrivain', firstName: 'Léa', entryDate: '2018-03-01', anonymisedOn: '2018-04-01' }),
      participant({ id: '', lastName: 'Sans', firstName: 'Identifiant', entryDate: '2018-03-01' }),
      participant({ id: 'J-6', lastName: 'Moreau', firstName: 'Inès', entryDate: '2018-03-01' }),
      participant({
        id: 'J-5',
        lastName: 'adam',
        firstName: 'Zoé',
        entryDate: '2015-03-01',
        situation: 'Abandon',
        exitDate: '2015-06-30',
      }),
    ],
    sessions: [
      { date: '2018-03-06', theme: 'cv' },
      { date: '2018-03-13', theme: 'préparation à l’entretien' },
      { date: '2018-03-20', theme: 'LETTRE DE MOTIVATION ' },
      { date: '2018-03-27', theme: 'Visite du salon' },
      { date: '2018-04-03', theme: 'Ciblage des entreprises' },
    ],
    attendance: [
      { date: '2018-03-20', id: 'J-1', status: 'Excusée' },
      { date: '2018-03-13', id: 'j-1 ', status: 'P' },
      { date: '2018-03-06', id: 'J-1', status: 'Présent' },
      { date: '2018-03-27', id: 'J-1', status: 'Présent' },
      { date: '2018-04-03', id: 'J-1', status: 'Absent' },
      { date: '2018-04-04', id: 'J-1', status: 'Présent' },
      { date: '2018-04-05', id: 'J-1', status: 'n’importe quoi' },
      { date: '2018-03-06', id: 'J-2', status: 'Présent' },
    ],
  });
}

function api(wb = workbook()) {
  const services = memoryServices(wb, TODAY);
  return { api: createServerApi(services), services, wb };
}

describe('getParticipantJourney(id)', () => {
  const journey = () => api().api.getParticipantJourney('J-1').journey!;

  it('gives the identity: name, age today, canonical commune and district, QPV', () => {
    const j = journey();
    expect([j.id, j.name, j.age, j.commune, j.qpv, j.quartier]).toEqual([
      'J-1',
      'Benali Yanis',
      17,
      'Le Kremlin-Bicêtre',
      'Oui',
      'Chaperon Vert',
    ]);
  });

  it('lists every readable Présences row of the person, oldest first, with the matched themes', () => {
    expect(journey().sessions).toEqual([
      { date: '2018-03-06', theme: 'CV', status: 'Présent' },
      { date: '2018-03-13', theme: "Préparation à l'entretien", status: 'Présent' },
      { date: '2018-03-20', theme: 'Lettre de motivation', status: 'Excusé' },
      { date: '2018-03-27', theme: 'Visite du salon', status: 'Présent' },
      { date: '2018-04-03', theme: 'Ciblage des entreprises', status: 'Absent' },
      { date: '2018-04-04', theme: '', status: 'Présent' },
    ]);
  });

  it('counts the statuses and rounds the presence rate as the annual report does', () => {
    expect(journey().counts).toEqual({ present: 4, absent: 1, excused: 1, presenceRate: 67 });
  });

  it('covers only the programme themes attended Présent (not Excusé, not Absent, not outside the list)', () => {
    expect(journey().themesCovered).toEqual(['CV', "Préparation à l'entretien"]);
  });

  it('keeps the themes still to cover in the programme order', () => {
    expect(journey().themesToCover).toEqual([
      'Validation du projet',
      'Lettre de motivation',
      'Ciblage des entreprises',
      'Outils et sites de recherche',
      "Simulation d'entretien",
      'Bilan',
    ]);
  });

  it('gives the last presence, the dates, the situation and the contacts', () => {
    const j = journey();
    expect([j.lastPresence, j.entryDate, j.exitDate, j.situation, j.contract, j.phone, j.email]).toEqual([
      '2018-04-04',
      '2018-03-01',
      null,
      'En recherche',
      null,
      '06 12 34 56 78',
      'yanis.benali@exemple.test',
    ]);
  });

  it('shows the contract of a signed work-study participant', () => {
    const j = api().api.getParticipantJourney('J-2').journey!;
    expect([j.situation, j.contract]).toEqual([
      'Alternance signée',
      { type: 'Professionnalisation', start: '2017-09-01', months: 12, employer: 'Boulangerie Fictive' },
    ]);
  });

  it('finds an ID whatever its case and surrounding spaces', () => {
    expect(api().api.getParticipantJourney('  j-2 ').journey!.id).toBe('J-2');
  });

  it('never holds undefined nor a Date', () => {
    const j = journey();
    const walk = (v: unknown): boolean =>
      v !== undefined && !(v instanceof Date) && (v === null || typeof v !== 'object' || Object.values(v).every(walk));
    expect(walk(j)).toBe(true);
  });

  it('flags "à relancer" a participant listed today who missed the last three sessions, with the reason', () => {
    const j = api().api.getParticipantJourney('J-6').journey!;
    expect([j.needsFollowUp, typeof j.followUpReason, (j.followUpReason ?? '').length > 10]).toEqual([true, 'string', true]);
  });

  it('flags nobody who is not listed today', () => {
    const j = api().api.getParticipantJourney('J-5').journey!;
    expect([j.needsFollowUp, j.followUpReason, j.sessions, j.counts.presenceRate, j.lastPresence]).toEqual([
      false,
      null,
      [],
      null,
      null,
    ]);
  });

  it('refuses an unknown ID with a French NOT_FOUND error', () => {
    expect(() => api().api.getParticipantJourney('X-9')).toThrow(expect.objectContaining({ cause: { code: 'NOT_FOUND' } }));
  });

  it('refuses an anonymised ID with a French NOT_FOUND error', () => {
    expect(() => api().api.getParticipantJourney('J-3')).toThrow(/anonymisée/);
  });

  it('refuses an ID that is not text', () => {
    expect(() => api().api.getParticipantJourney(42 as unknown as string)).toThrow(
      expect.objectContaining({ cause: { code: 'INVALID_INPUT' } }),
    );
  });

  it('never writes', () => {
    const { api: a, wb } = api();
    const before = wb.version;
    a.getParticipantJourney('J-1');
    a.getParticipantJourney(null);
    expect(wb.version).toBe(before);
  });
});

describe('getParticipantJourney(null)', () => {
  it('opens on the participant of the active row of Participants', () => {
    const { api: a, wb } = api();
    wb.setActiveCell('Participants', 3, 2);
    expect(a.getParticipantJourney(null).journey!.id).toBe('J-2');
  });

  it('gives no journey when the active row is the header', () => {
    const { api: a, wb } = api();
    wb.setActiveCell('Participants', 1, 1);
    expect(a.getParticipantJourney(null).journey).toBeNull();
  });

  it('gives no journey when the active sheet is not Participants', () => {
    const { api: a, wb } = api();
    wb.setActiveCell('Présences', 3, 2);
    expect(a.getParticipantJourney(null).journey).toBeNull();
  });

  it('gives no journey on an anonymised row', () => {
    const { api: a, wb } = api();
    wb.setActiveCell('Participants', 4, 1); // J-3, anonymised
    expect(a.getParticipantJourney(null).journey).toBeNull();
  });

  it('gives the directory: non-anonymised participants with an ID, sorted by Nom then Prénom, active = listed today', () => {
    const { api: a } = api();
    expect(a.getParticipantJourney(null).directory).toEqual([
      { id: 'J-5', name: 'adam Zoé', active: false },
      { id: 'J-1', name: 'Benali Yanis', active: true },
      { id: 'J-2', name: 'Durand Léo', active: false }, // contract started before today: not expected
      { id: 'J-6', name: 'Moreau Inès', active: true },
    ]);
  });
});

describe('the "Parcours d\'un jeune" entry points', () => {
  it('are a server function, a menu item after "Préparer le classeur" and a sidebar view', () => {
    const labels = MENU_ITEMS.map((m) => m.label);
    expect([
      SERVER_FUNCTIONS.includes('getParticipantJourney'),
      labels.indexOf("Parcours d'un jeune") - labels.indexOf('Préparer le classeur'),
      (SIDEBAR_VIEWS as readonly string[]).includes('journey'),
    ]).toEqual([true, 1, true]);
  });

  it('the menu item opens the sidebar on the journey view without reading the workbook', () => {
    const wb = workbook();
    const services = memoryServices(wb, TODAY);
    createMenuActions(services).menuParticipantJourney();
    expect([services.ui.sidebars, wb.calls.readValues ?? 0]).toEqual([['journey'], 0]);
  });
});
