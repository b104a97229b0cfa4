/** Personal data (SPEC §11) through createServerApi / createMenuActions on an in-memory workbook. */
import { createMenuActions, createServerApi } from '../../src/app/api';
import { MENU_ITEMS } from '../../src/app/registry';
import { SIDEBAR_VIEWS } from '../../src/shared/views';
import { buildWorkbook, memoryServices, participant } from '../support/builders';

describe('menu "Données personnelles…"', () => {
  it('comes after "Préparer le classeur" and opens the sidebar on its view', () => {
    const labels = MENU_ITEMS.map((m) => m.label as string);
    expect(labels.indexOf('Données personnelles…')).toBeGreaterThan(labels.indexOf('Préparer le classeur'));
    const services = memoryServices(buildWorkbook());
    createMenuActions(services).menuPersonalData();
    expect(services.ui.sidebars).toEqual(['privacy']);
  });

  it('has its view last in the sidebar tab bar', () => {
    expect(SIDEBAR_VIEWS[SIDEBAR_VIEWS.length - 1]).toBe('privacy');
  });
});

describe('previewAnonymisation and anonymise through the API', () => {
  it('explains in French that a workbook without Participants has nothing to anonymise', () => {
    const wb = buildWorkbook();
    wb.sheets.splice(0, 1);
    expect(() => createServerApi(memoryServices(wb)).previewAnonymisation()).toThrow(
      /onglet «\u00a0Participants\u00a0» est introuvable/,
    );
  });

  it('refuses while someone else holds the document lock, writing nothing', () => {
    const wb = buildWorkbook({ participants: [participant({ id: 'P-1', entryDate: '2016-03-01' })] });
    const services = memoryServices(wb);
    services.lock.busy = true;
    const api = createServerApi(services);
    const before = JSON.stringify(wb.sheets);
    expect(() => api.anonymise({ cutoff: '2024-11-26', ids: ['P-1'] })).toThrow(/occupé/);
    expect(JSON.stringify(wb.sheets)).toBe(before);
  });

  it('writes nothing through the sidebar API unless the IDs match the plan of today', () => {
    const wb = buildWorkbook({
      participants: [participant({ id: 'P-1', entryDate: '2016-03-01' }), participant({ id: 'P-2', entryDate: '2026-03-02' })],
    });
    const api = createServerApi(memoryServices(wb));
    const before = JSON.stringify(wb.sheets);
    expect(() => api.anonymise({ cutoff: '2024-11-26', ids: ['P-1', 'P-2'] })).toThrow(/a changé/);
    expect(JSON.stringify(wb.sheets)).toBe(before);
  });
});
