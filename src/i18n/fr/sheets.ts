/** What the add-on says about Sheets itself (its settings), not about the team's data. */
export const SHEETS_TEXT = {
  /** Heading of the "Contrôle" view's issues about the whole workbook (its settings). */
  workbookSection: 'Le classeur',
  /** LOCALE_NOT_FRENCH: the spreadsheet's locale may read 06/03/2018 month first (en_US) or numbers otherwise. */
  localeNotFrench: (locale: string) =>
    `Les paramètres régionaux du classeur sont «\u00a0${locale}\u00a0» et non français\u00a0: Sheets y lit les dates et les nombres tapés selon les usages d'un autre pays (06/03/2018 peut devenir le 3 juin). Choisissez «\u00a0France\u00a0» dans Fichier › Paramètres › Paramètres régionaux, puis vérifiez les dates déjà saisies.`,
};
