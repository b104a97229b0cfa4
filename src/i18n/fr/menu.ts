/** The "Club de l'alternance" menu's texts (SPEC §1). */
export const MENU_TEXT = {
  title: "Club de l'alternance",
  openSidebar: 'Ouvrir le panneau',
  recordAttendance: 'Saisir les présences',
  checkWorkbook: 'Vérifier le classeur',
  generateReport: 'Générer le bilan annuel…',
  prepareWorkbook: 'Préparer le classeur',
  participantJourney: "Parcours d'un jeune",
  personalData: 'Données personnelles…',
  printSignInSheet: "Imprimer la feuille d'émargement…",
  followUp: 'Jeunes à relancer',
} as const;
