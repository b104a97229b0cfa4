/** Cell keys and A1 notation. */

export interface GridArea {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** The key of a cell in a tab's maps: 'row:col', 1-based. */
export function cellKey(row: number, col: number): string {
  return `${row}:${col}`;
}

/** The (row, col) of a cellKey. */
export function parseCellKey(key: string): [row: number, col: number] {
  const [row, col] = key.split(':').map(Number);
  return [row, col];
}

/** 1 → 'A', 27 → 'AA'. */
export function columnLetters(col: number): string {
  let letters = '';
  for (let rest = col; rest > 0; rest = Math.floor((rest - 1) / 26))
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** 'B2', 'A1:C3', "'Tab'!$A$1:$B$2" → the area (corners in any order). */
export function parseA1(a1: string): GridArea {
  const match = /^(?:'?[^!]*'?!)?\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(a1.trim());
  if (!match) throw new Error(`Range not found`);
  const colOf = (letters: string) => [...letters.toUpperCase()].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
  const row1 = Number(match[2]);
  const col1 = colOf(match[1]);
  const row2 = match[4] ? Number(match[4]) : row1;
  const col2 = match[3] ? colOf(match[3]) : col1;
  return {
    row: Math.min(row1, row2),
    col: Math.min(col1, col2),
    numRows: Math.abs(row2 - row1) + 1,
    numCols: Math.abs(col2 - col1) + 1,
  };
}
