/** The "Club de l'alternance" menu (SPEC §1): label → top-level handler name in dist/Code.js. */
export const MENU_TITLE = "Club de l'alternance";
export const MENU_ITEMS = [
  { label: 'Ouvrir le panneau', handler: 'menuOpenSidebar' },
  { label: 'Saisir les présences', handler: 'menuRecordAttendance' },
  { label: 'Vérifier le classeur', handler: 'menuCheckWorkbook' },
  { label: 'Générer le bilan annuel…', handler: 'menuGenerateReport' },
  { label: 'Préparer le classeur', handler: 'menuPrepareWorkbook' },
  { label: "Parcours d'un jeune", handler: 'menuParticipantJourney' },
  { label: 'Données personnelles…', handler: 'menuPersonalData' },
  { label: 'Jeunes à relancer', handler: 'menuFollowUp' },
] as const;
