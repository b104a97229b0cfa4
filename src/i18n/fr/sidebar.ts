/** French text of the sidebar shell. */
export const SIDEBAR = {
  nav: { home: 'Accueil', attendance: 'Présences', checks: 'Contrôle', report: 'Bilan', journey: 'Parcours' },
  homeIntro:
    "Bienvenue. Choisissez une action : saisir les présences d'une séance, vérifier le classeur avant d'envoyer les chiffres, ou générer le bilan annuel.",
  loading: 'Chargement…',
} as const;
