/**
 * Payload values that are objects — even ones whose `toString` is not a function, or without
 * a prototype — get the invalid-input message (code INVALID_INPUT), never the generic
 * unexpected error (SPEC §7 via issue 20), and change nothing.
 */
import { createServerApi } from '../../src/server/api';
import type { ServerApi } from '../../src/shared/api';
import { buildWorkbook, memoryServices, participant } from '../support/builders';

const HOSTILE: [string, () => unknown][] = [
  ['an object whose toString is a string', () => ({ toString: 'x' })],
  ['an object whose valueOf and toString are not functions', () => ({ toString: 1, valueOf: 2 })],
  ['an object without a prototype', () => Object.create(null)],
  ['an array', () => ['2018-03-13']],
];

function setup() {
  const wb = buildWorkbook({
    participants: [participant({ id: 'T-1' })],
    sessions: [{ date: '2018-03-13' }],
    attendance: [{ date: '2018-03-13', id: 'T-1', status: 'Présent' }],
  });
  const api: ServerApi = createServerApi(memoryServices(wb) as never);
  return { wb, api };
}

function codeOf(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    return String((e as { cause?: { code?: unknown } }).cause?.code);
  }
  return 'no error';
}

describe.each(HOSTILE)('%s as a payload value', (_name, value) => {
  it('saveAttendance: date', () => {
    const { wb, api } = setup();
    const before = JSON.stringify(wb.sheets);
    const input = { date: value(), entries: [{ participantId: 'T-1', status: 'Absent' }] };
    expect([codeOf(() => api.saveAttendance(input as never)), JSON.stringify(wb.sheets)]).toEqual(['INVALID_INPUT', before]);
  });

  it('saveAttendance: status and participant ID', () => {
    const { api } = setup();
    const status = { date: '2018-03-13', entries: [{ participantId: 'T-1', status: value() }] };
    const id = { date: '2018-03-13', entries: [{ participantId: value(), status: 'Absent' }] };
    expect([codeOf(() => api.saveAttendance(status as never)), codeOf(() => api.saveAttendance(id as never))]).toEqual([
      'INVALID_INPUT',
      'INVALID_INPUT',
    ]);
  });

  it('saveAttendance: theme', () => {
    const { api } = setup();
    const input = { date: '2018-03-13', theme: value(), entries: [] };
    expect(codeOf(() => api.saveAttendance(input as never))).toBe('INVALID_INPUT');
  });

  it('the other functions taking a value', () => {
    const { api } = setup();
    const codes = [
      codeOf(() => api.getAttendanceSheet(value() as never)),
      codeOf(() => api.computeIndicators(value() as never)),
      codeOf(() => api.generateAnnualReport(value() as never)),
      codeOf(() => api.anonymise({ cutoff: value(), ids: [] } as never)),
      codeOf(() => api.anonymise(value() as never)),
    ];
    expect(codes.filter((c) => c === 'UNEXPECTED')).toEqual([]);
  });
});
