import { readModel } from '../../../src/app/read';
import { MemoryWorkbook } from '../../../src/adapters/memory';
import { requireUsableParticipants } from '../../../src/core/checks/participants-usable';
import { isUserError } from '../../../src/core/errors';
import { PARTICIPANTS, headerOf } from '../../../src/core/schema';
import type { CellValue } from '../../../src/core/values';

const TEXTS = {
  tabMissing: 'tab missing',
  headerMissing: (sheet: string) => `no header in ${sheet}`,
  columnMissing: (header: string) => `no column ${header}`,
};

function modelOf(tabs: Record<string, CellValue[][]>) {
  return readModel(new MemoryWorkbook('Europe/Paris', tabs));
}

function refusal(tabs: Record<string, CellValue[][]>, columns: Parameters<typeof requireUsableParticipants>[1]): string {
  try {
    requireUsableParticipants(modelOf(tabs), columns, TEXTS);
  } catch (e) {
    if (!isUserError(e)) throw e;
    expect(e.code).toBe('WORKBOOK_UNUSABLE');
    return e.message;
  }
  return 'usable';
}

const ID = headerOf(PARTICIPANTS, 'id');
const ENTRY = headerOf(PARTICIPANTS, 'entryDate');
const LAST = headerOf(PARTICIPANTS, 'lastName');
const FIRST = headerOf(PARTICIPANTS, 'firstName');

describe('requireUsableParticipants', () => {
  it('refuses a workbook without Participants with the caller text', () => {
    expect(refusal({ Séances: [['Date']] }, ['id'])).toBe('tab missing');
  });

  it('refuses a Participants tab without a header row, naming the tab as written', () => {
    expect(refusal({ participants: [['bonjour'], ['x']] }, ['id'])).toBe('no header in participants');
  });

  it('refuses the first missing column of the list, in its order (canonical header)', () => {
    expect(
      refusal(
        {
          Participants: [
            [ID, LAST, FIRST],
            ['P1', 'Durand', 'Léa'],
          ],
        },
        ['id', 'entryDate'],
      ),
    ).toBe(`no column ${ENTRY}`);
    expect(
      refusal(
        {
          Participants: [
            [LAST, FIRST, ENTRY],
            ['Durand', 'Léa', ''],
          ],
        },
        ['entryDate', 'id'],
      ),
    ).toBe(`no column ${ID}`);
  });

  it('accepts a tab with the needed columns', () => {
    const tabs = {
      Participants: [
        [ID, LAST, ENTRY],
        ['P1', 'Durand', ''],
      ],
    };
    expect(refusal(tabs, ['id', 'entryDate'])).toBe('usable');
    expect(refusal(tabs, [])).toBe('usable');
  });
});
