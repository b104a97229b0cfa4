/** RangeList (Sheet.getRangeList): several ranges of a tab written with one call. */
import { parseA1 } from './a1';
import { FakeRange } from './range';
import type { FakeState } from './state';
import type { SheetState } from './types';

export class FakeRangeList {
  private readonly ranges: FakeRange[];
  constructor(
    private readonly state: FakeState,
    sheet: SheetState,
    a1Notations: string[],
  ) {
    this.ranges = a1Notations.map((a1) => {
      const { row, col, numRows, numCols } = parseA1(a1);
      if (row + numRows - 1 > sheet.maxRows) state.fail('Those rows are out of bounds.');
      if (col + numCols - 1 > sheet.maxColumns) state.fail('Those columns are out of bounds.');
      return new FakeRange(state, sheet, row, col, numRows, numCols);
    });
  }
  getRanges() {
    this.state.hit('RangeList.getRanges');
    return this.ranges;
  }
  setValue(value: unknown) {
    this.state.hit('RangeList.setValue');
    // Each range as Range.setValue would, without counting per-range calls.
    for (const range of this.ranges) range.writeEach(value);
    return this;
  }
  setNumberFormat(format: string) {
    this.state.hit('RangeList.setNumberFormat');
    for (const range of this.ranges) range.numberFormatEach(format);
    return this;
  }
  setNote(note: string | null) {
    this.state.hit('RangeList.setNote');
    for (const range of this.ranges) range.noteEach(note);
    return this;
  }
  clearNote() {
    this.state.hit('RangeList.clearNote');
    for (const range of this.ranges) range.noteEach(null);
    return this;
  }
}
