/** Attendance server functions (SPEC §4, §5). Placeholder until issue 5 lands. */
import type { Services } from '../adapters/port';
import type { AttendanceSheet, SaveAttendanceResult } from '../shared/api';
import { COMMON } from '../i18n/fr/common';

export function getAttendanceSheet(_services: Services, _date: unknown): AttendanceSheet {
  throw new Error(COMMON.comingSoon);
}

export function saveAttendance(_services: Services, _input: unknown): SaveAttendanceResult {
  throw new Error(COMMON.comingSoon);
}
