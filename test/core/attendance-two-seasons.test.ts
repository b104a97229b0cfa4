/**
 * SPEC §4 on a workbook of two seasons with people kept from 2016 and no Date de sortie
 * (issue 10): the list of a day holds the current group only; the others are `others`.
 */
import { buildAttendanceSheet } from '../../src/core/attendance';
import { dayFromIso } from '../../src/core/days';
import { attendanceRecordsOf } from '../../src/core/workbook';
import { readModel } from '../../src/app/read';
import { TWO_SEASON_GROUPS as G, twoSeasonWorkbook } from '../support/builders';

const sheetOn = (iso: string) => buildAttendanceSheet(readModel(twoSeasonWorkbook()), dayFromIso(iso)!);
const ids = (list: { id: string }[]) => list.map((p) => p.id).sort();

describe('the list of a day on two seasons of data (SPEC §4)', () => {
  it('on 2018-03-06 lists the 2018 entrants and the carried-over group only', () => {
    expect(ids(sheetOn('2018-03-06').participants)).toEqual(
      [...G.carriedOver, ...G.spring2018Stopped, ...G.spring2018, G.contract].sort(),
    );
  });

  it('on 2018-03-06 puts the people of 2016 and 2017 who stopped coming in others', () => {
    expect(ids(sheetOn('2018-03-06').others)).toEqual([...G.from2016, ...G.from2017].sort());
  });

  it('on 2018-06-13 leaves out the participant whose contract started in May', () => {
    const sheet = sheetOn('2018-06-13');
    expect(ids(sheet.participants)).toEqual([...G.carriedOver, ...G.spring2018Stopped, ...G.spring2018].sort());
    expect(ids(sheet.others)).toContain(G.contract);
  });

  it('on 2018-10-30 lists the autumn group and the spring people seen within six months', () => {
    expect(ids(sheetOn('2018-10-30').participants)).toEqual([...G.spring2018, ...G.autumn2018].sort());
  });

  it('on 2018-10-30 counts every other enrolled person in others, the anonymised row excepted', () => {
    const others = ids(sheetOn('2018-10-30').others);
    expect(others).toHaveLength(23);
    expect(others).not.toContain(G.anonymised);
  });

  it('flags "à relancer" only those listed, with their reason and contacts', () => {
    const flagged = sheetOn('2018-10-30').participants.filter((p) => p.needsFollowUp);
    expect(ids(flagged)).toEqual([...G.spring2018].sort());
    expect(flagged[0].followUpReason).toBe('Aucune présence aux trois dernières séances');
    expect(flagged[0].phone).toMatch(/^06 12 34 56 \d\d$/);
    expect(flagged[0].email).toMatch(/@exemple\.fr$/);
  });

  it('gives no contact for someone not flagged', () => {
    const autumn = sheetOn('2018-10-30').participants.find((p) => p.id === G.autumn2018[0])!;
    expect([autumn.needsFollowUp, autumn.followUpReason, autumn.phone, autumn.email]).toEqual([false, null, null, null]);
  });

  it('never lists an anonymised row, even when recorded for the date', () => {
    const wb = twoSeasonWorkbook();
    const att = wb.sheet('Présences').cells;
    att.push([att[1][0], G.anonymised, '', 'Présent']);
    const day = attendanceRecordsOf(readModel(wb)).at(-1)!.date;
    const sheet = buildAttendanceSheet(readModel(wb), (day as { value: number }).value);
    expect(ids(sheet.participants).concat(ids(sheet.others))).not.toContain(G.anonymised);
  });
});
