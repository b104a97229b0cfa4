#!/usr/bin/env node
'use strict';
// Entrée de la ligne de commande : le code est construit dans build/ par `npm ci` (script prepare).
const path = require('node:path');
const fs = require('node:fs');
const built = path.join(__dirname, '..', 'build', 'cli.js');
if (!fs.existsSync(built)) {
  process.stderr.write("La ligne de commande n'est pas construite : lancez « npm run build » dans le dossier du projet.\n");
  process.exit(2);
}
require(built).main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
