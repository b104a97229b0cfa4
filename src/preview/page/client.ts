/** Calls to the preview server. */
import type { SidebarView } from '../../shared/views';
import type { WorkbookSnapshot } from '../snapshot';
import type { Answer, Question } from '../ui';

export interface Meta {
  demo: boolean;
  fileName: string | null;
  copyName: string | null;
  simulatedToday: string | null;
  menu: { title: string; items: { label: string; handler: string }[] };
}

export type StateResponse = (WorkbookSnapshot & { meta: Meta; unchanged?: undefined }) | { version: number; unchanged: true };

export interface MenuResponse {
  ok: boolean;
  question?: Question;
  alerts: string[];
  toasts: string[];
  sidebar: SidebarView | null;
  /** A dialog to open (its HTML at /dialog?id=…). */
  dialog?: DialogRef | null;
  message?: string;
}

export interface DialogRef {
  id: number;
  title: string;
  width: number;
  height: number;
}

async function post<T>(path: string, body: unknown): Promise<T> {
  const r = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return (await r.json()) as T;
}

export async function fetchState(since: number | null): Promise<StateResponse> {
  const r = await fetch(since === null ? '/api/state' : `/api/state?since=${since}`, { cache: 'no-store' });
  if (!r.ok) throw new Error(String(r.status));
  return (await r.json()) as StateResponse;
}

export function runMenu(handler: string, answers: Answer[]): Promise<MenuResponse> {
  return post<MenuResponse>('/api/menu', { handler, answers });
}

export function saveCopy(): Promise<{ ok: boolean; message: string }> {
  return post('/api/save', {});
}

/** Tells the server where the user's cursor is (the active cell of the menu's handlers). */
export function selectCell(sheet: string, row: number, col: number): Promise<{ ok: boolean }> {
  return post('/api/select', { sheet, row, col });
}

/** Sends the text typed in a cell (one request per commit). */
export function editCell(sheet: string, row: number, col: number, text: string): Promise<{ ok: boolean; message?: string }> {
  return post('/api/edit', { sheet, row, col, text });
}
