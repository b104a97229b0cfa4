/** What the add-on says about Sheets itself (its settings), not about the team's data. */
export const SHEETS_TEXT = {
  /** Heading of the "Contrôle" view's issues about the whole workbook (its settings). */
  workbookSection: 'Le classeur',
  /** LOCALE_NOT_FRENCH: the spreadsheet's locale reads 06/03/2018 month first. */
  localeNotFrench: (locale: string) =>
    `Les paramètres régionaux du classeur sont «\u00a0${locale}\u00a0» et non français\u00a0: Sheets lit une date tapée 06/03/2018 comme le 3 juin (le mois d'abord). Choisissez «\u00a0France\u00a0» dans Fichier › Paramètres › Paramètres régionaux, puis vérifiez les dates déjà saisies.`,
};
