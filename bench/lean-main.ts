/** `npm run bench:lean`: the SPEC §9 ratios under the lean stand-in alone (indicative, never fails). */
import { generateDataset } from './dataset';
import { measureLeanRatios } from './lean';

const RUNS = 11;
const r = measureLeanRatios(generateDataset(10_000), RUNS);
const ms = (v: number) => `${v.toFixed(0)} ms`;
const ratio = (v: number) => `×${v.toFixed(2).replace('.', ',')}`;
console.log(`Substitut léger (indicatif), 10 000 participants, médianes de ${r.runs} :`);
console.log(
  `  plancher A ${ms(r.floorValues)}, plancher B ${ms(r.floorValuesAndNotes)}, computeIndicators ${ms(r.computeIndicators)}, validateWorkbook ${ms(r.validateWorkbook)}`,
);
console.log(`  computeIndicators / A ${ratio(r.indicatorsRatio)} ; validateWorkbook / B ${ratio(r.validationRatio)}`);
