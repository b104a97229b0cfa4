/** French text of the sidebar shell. */
export const SIDEBAR = {
  nav: {
    home: 'Accueil',
    attendance: 'Présences',
    followUp: 'Suivi',
    checks: 'Contrôle',
    report: 'Bilan',
    journey: 'Parcours',
    privacy: 'Données',
  },
  tabsLabel: 'Vues du panneau',
  homeTitle: "Club de l'alternance",
  reportTitle: 'Bilan annuel',
  homeIntro:
    "Bienvenue. Choisissez une action\u00a0: saisir les présences d'une séance, vérifier le classeur avant d'envoyer les chiffres, ou générer le bilan annuel.",
  loading: 'Chargement…',
  /**
   * google.script.run failed before reaching the script because the browser is signed into
   * several Google accounts (see src/sidebar/rpc.ts, MULTIPLE_ACCOUNTS_ERRORS).
   */
  multipleAccounts:
    "Votre navigateur est connecté à plusieurs comptes Google et le module n'arrive pas à savoir lequel utiliser. Ouvrez le classeur dans une fenêtre de navigation privée (Ctrl+Maj+N dans Chrome) où vous vous connectez uniquement au compte qui a accès au classeur, ou déconnectez les autres comptes, puis relancez le module.",
} as const;
