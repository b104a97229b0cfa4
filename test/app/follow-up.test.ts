/** The "Suivi" call list (getFollowUpList) through the server API: a workbook it cannot use is said, not shown empty. */
import { createServerApi } from '../../src/app/api';
import { buildWorkbook, memoryServices, participant } from '../support/builders';

function apiOn(blank: (header: unknown[]) => void) {
  const wb = buildWorkbook({
    participants: [participant({ id: 'A-1', entryDate: '2018-03-06' })],
    sessions: [{ date: '2018-03-06' }],
  });
  blank(wb.sheet('Participants').cells[0]);
  return createServerApi(memoryServices(wb, '2018-03-20'));
}

describe('getFollowUpList on a Participants tab it cannot read', () => {
  it('lists nobody only when it could read the tab', () => {
    expect(apiOn(() => {}).getFollowUpList().people).toEqual([]);
  });

  it('refuses a tab without its ID column (WORKBOOK_UNUSABLE), rather than "nobody to call"', () => {
    const api = apiOn((header) => {
      header[header.indexOf('ID')] = 'Remarques';
    });
    expect(() => api.getFollowUpList()).toThrow(expect.objectContaining({ cause: { code: 'WORKBOOK_UNUSABLE' } }));
  });

  it('refuses a tab without a header row (WORKBOOK_UNUSABLE)', () => {
    const api = apiOn((header) => header.fill(''));
    expect(() => api.getFollowUpList()).toThrow(expect.objectContaining({ cause: { code: 'WORKBOOK_UNUSABLE' } }));
  });
});
