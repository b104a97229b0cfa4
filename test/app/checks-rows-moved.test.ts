/**
 * "Vérifier" reads the values, runs the checks, then writes its notes under the document lock.
 * The lock keeps the add-on's own saves out, not a colleague who sorts a tab by hand in
 * between: then no note is written (they would land on other people's rows) and the menu says
 * why (src/app/checks.ts, core/row-moves.ts).
 */
import type { MemoryWorkbook } from '../../src/adapters/memory';
import { checkWorkbookFromMenu, validateWorkbook } from '../../src/app/checks';
import { CHECKS_SERVER } from '../../src/i18n/fr/checks';
import { buildWorkbook, memoryServices, participant } from '../support/builders';

function workbook(): MemoryWorkbook {
  return buildWorkbook({
    participants: [
      participant({ id: 'A-1', lastName: 'Martin' }),
      participant({ id: 'A-2', lastName: 'Zola', birthDate: '31/02/2001' }),
      participant({ id: 'A-3', lastName: 'Abel' }),
    ],
    sessions: [{ date: '2018-03-06' }],
    attendance: [{ date: '2018-03-06', id: 'A-9', status: 'Présent' }],
  });
}

/** Services whose lock, once taken, lets `during` run first: what a colleague does meanwhile. */
function servicesWith(wb: MemoryWorkbook, during: () => void) {
  const services = memoryServices(wb);
  const take = services.lock.tryLock.bind(services.lock);
  services.lock.tryLock = (ms: number) => {
    during();
    return take(ms);
  };
  const toasts: string[] = [];
  return { services: { ...services, ui: { ...services.ui, toast: (m: string) => toasts.push(m) } }, toasts };
}

function notesOf(wb: MemoryWorkbook): number {
  return wb.sheets.reduce((n, s) => n + s.notes.size, 0);
}

/** Sorts Participants by name, as a colleague would (rows 2–4). */
function sortByName(wb: MemoryWorkbook): void {
  const cells = wb.sheet('Participants').cells;
  const name = cells[0].indexOf('Nom');
  const rows = cells.slice(1).sort((a, b) => String(a[name]).localeCompare(String(b[name])));
  cells.splice(1, rows.length, ...rows);
}

describe('a check during which a colleague sorts a tab', () => {
  it('writes its notes when nothing moved', () => {
    const wb = workbook();
    const { services } = servicesWith(wb, () => {});
    const result = validateWorkbook(services);
    expect(result.counts.errors).toBeGreaterThan(0);
    expect(notesOf(wb)).toBeGreaterThan(0);
  });

  it('writes no note, still returns the issues, and releases the lock', () => {
    const wb = workbook();
    const { services } = servicesWith(wb, () => sortByName(wb));
    const result = validateWorkbook(services);
    expect(result.issues.some((i) => i.code === 'DATE_INVALID' && i.row === 3)).toBe(true);
    expect(notesOf(wb)).toBe(0);
    expect(services.lock.held).toBe(false);
  });

  it('says in the menu that the notes were not updated because rows moved', () => {
    const wb = workbook();
    const { services, toasts } = servicesWith(wb, () => sortByName(wb));
    checkWorkbookFromMenu(services);
    expect(toasts).toEqual([CHECKS_SERVER.marksSkippedRowsMoved]);
  });

  it('also sees Présences rows moved', () => {
    const wb = buildWorkbook({
      participants: [participant({ id: 'A-1' })],
      sessions: [{ date: '2018-03-06' }],
      attendance: [
        { date: '2018-03-06', id: 'A-9', status: 'Présent' },
        { date: '2018-03-06', id: 'A-1', status: 'Présent' },
      ],
    });
    const cells = wb.sheet('Présences').cells;
    const { services } = servicesWith(wb, () => cells.splice(1, 2, cells[2], cells[1]));
    validateWorkbook(services);
    expect(notesOf(wb)).toBe(0);
  });
});
