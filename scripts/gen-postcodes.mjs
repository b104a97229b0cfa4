// Réduit @etalab/decoupage-administratif à une petite table « commune normalisée → codes postaux »
// pour l'Île-de-France. Lancé par `npm run gen:postcodes` ; le résultat est commité
// (src/core/data/postcodes.ts) pour que le bundle Apps Script reste petit et autonome.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
const require = createRequire(import.meta.url);
const communes = require('@etalab/decoupage-administratif/data/communes.json');
const IDF = new Set(['75', '77', '78', '91', '92', '93', '94', '95']);
const norm = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
const table = {};
for (const c of communes) {
  if (c.type !== 'commune-actuelle' || !IDF.has(c.departement) || !c.codesPostaux) continue;
  const key = norm(c.nom);
  table[key] = [...new Set([...(table[key] || []), ...c.codesPostaux])].sort();
}
const keys = Object.keys(table).sort();
const lines = keys.map((k) => `  ${JSON.stringify(k)}: ${JSON.stringify(table[k].join(' '))},`);
writeFileSync(
  new URL('../src/core/data/postcodes.ts', import.meta.url),
  `// Généré par scripts/gen-postcodes.mjs depuis @etalab/decoupage-administratif (Île-de-France).\n` +
    `// Ne pas modifier à la main.\n` +
    `export const POSTCODES_BY_COMMUNE: Readonly<Record<string, string>> = {\n${lines.join('\n')}\n};\n`,
);
console.log(`${keys.length} communes`);
