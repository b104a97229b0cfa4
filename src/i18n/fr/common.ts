/** French text shown to users: common messages. All user-facing text lives in src/i18n/fr/. */
export const COMMON = {
  lockBusy: 'Le classeur est occupé\u00a0: un autre enregistrement est en cours, réessayez dans quelques secondes.',
  sidebarTitle: "Club de l'alternance",
  comingSoon: 'Cette fonction arrive bientôt.',
  unexpectedError:
    'Une erreur inattendue est survenue. Réessayez\u00a0; si elle revient, prévenez la personne qui a installé le module.',
} as const;
