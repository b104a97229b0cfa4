/** French text of `club-alternance demo` (the demo workbook written to a file). */
const NBSP = '\u00a0';

export const DEMO_CLI = {
  usage: `Usage${NBSP}: club-alternance demo <classeur.xlsx> [--remplacer]`,
  missingFile: 'Indiquez le fichier .xlsx à écrire (par exemple club-alternance demo demo.xlsx).',
  unknownOption: (o: string) => `Option inconnue${NBSP}: «${NBSP}${o}${NBSP}».`,
  extraArgument: (a: string) => `Argument en trop${NBSP}: «${NBSP}${a}${NBSP}».`,
  written: (p: string) =>
    [
      `Classeur de démonstration écrit${NBSP}: ${p} (personnes fictives).`,
      `Essayez par exemple${NBSP}: club-alternance verifier ${p}`,
      `ou${NBSP}: club-alternance bilan ${p} --annee 2018`,
    ].join('\n'),
} as const;
