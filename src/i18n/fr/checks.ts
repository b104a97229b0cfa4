/** French text of the checks (SPEC §3): issue messages, the "Contrôle" view, the CLI, "Préparer". */

/** Short quoted value for a message (long cell contents are cut). */
export function quote(value: string): string {
  const v = value.length > 40 ? `${value.slice(0, 39)}…` : value;
  return `« ${v} »`;
}

/** "ligne 4", "lignes 4 et 9", "lignes 4, 9, 12, 15, 20 et 3 autres". */
export function rowsText(rows: readonly number[], total = rows.length): string {
  if (total === 1) return `ligne ${rows[0]}`;
  const shown = rows.slice(0, 5);
  const rest = total - shown.length;
  if (rest > 0) return `lignes ${shown.join(', ')} et ${rest} autre${rest > 1 ? 's' : ''}`;
  return `lignes ${shown.slice(0, -1).join(', ')} et ${shown[shown.length - 1]}`;
}

function listText(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} ou ${values[values.length - 1]}`;
}

const DATE_FORMAT_HINT = 'écrivez-la au format JJ/MM/AAAA (par exemple 05/03/2018)';

export const CHECK_MESSAGES = {
  missingColumn: (header: string, tab: string, headerRow: number) =>
    `Colonne obligatoire « ${header} » introuvable : ajoutez-la à la ligne d'en-têtes (ligne ${headerRow}) de l'onglet ${tab}.`,
  missingColumnNoHeaderRow: (header: string, tab: string) =>
    `Colonne obligatoire « ${header} » introuvable : l'onglet ${tab} n'a pas de ligne d'en-têtes reconnue dans ses lignes 1 à 5 ; ajoutez-la (ou lancez « Préparer le classeur » sur un onglet vide).`,
  missingColumnNoTab: (header: string, tab: string) =>
    `Onglet « ${tab} » introuvable : créez-le avec la colonne « ${header} » (menu « Préparer le classeur »).`,
  idMissing: () => "ID manquant : donnez à cette personne un identifiant unique (par exemple P2018-0042).",
  idDuplicate: (id: string, others: number[], total: number) =>
    `L'ID ${quote(id)} est aussi utilisé ${rowsText(others, total)} : chaque personne doit avoir un ID différent.`,
  lastNameMissing: () => 'Nom manquant : saisissez le nom de famille.',
  firstNameMissing: () => 'Prénom manquant : saisissez le prénom.',
  dateInvalid: (value: string) => `${quote(value)} n'est pas une date lisible : ${DATE_FORMAT_HINT}.`,
  birthDateMissing: () =>
    "Date de naissance manquante : indiquez-la (elle sert à l'âge et à la part des mineurs du bilan).",
  entryDateMissing: () =>
    "Date d'entrée manquante : indiquez-la, sans elle la personne n'est comptée dans aucun bilan.",
  birthDateInFuture: (date: string) =>
    `La date de naissance (${date}) est après aujourd'hui : corrigez-la.`,
  entryDateInFuture: (date: string) =>
    `La date d'entrée (${date}) est après aujourd'hui : corrigez-la (une entrée se saisit le jour où elle a lieu).`,
  ageImplausible: (age: number, birth: string, entry: string) =>
    `Âge improbable à l'entrée : ${age} ans (né(e) le ${birth}, entrée le ${entry}). Vérifiez la date de naissance et la date d'entrée : c'est sans doute une faute de frappe.`,
  ageOutOfRange: (age: number) =>
    `${age} ans à l'entrée, hors de la tranche 16-25 ans du Club : vérifiez la date de naissance (si elle est juste, rien à corriger).`,
  valueNotAllowed: (value: string, header: string, allowed: readonly string[]) =>
    `${quote(value)} n'est pas une valeur prévue pour « ${header} » : choisissez ${listText(allowed.map((a) => `« ${a} »`))}.`,
  communeMissing: () => 'Commune manquante : indiquez la commune de résidence.',
  communeOutsideTerritory: (value: string, territory: readonly string[]) =>
    `${quote(value)} n'est pas une commune du territoire (${territory.join(', ')}) : vérifiez l'orthographe ; si la personne habite ailleurs, rien à corriger.`,
  postcodeInvalid: (value: string) =>
    `${quote(value)} n'est pas un code postal : il faut 5 chiffres (par exemple 94800).`,
  postcodeMismatch: (postcode: string, commune: string, expected: string) =>
    `Le code postal ${postcode} n'est pas celui de ${commune} (${expected}) : corrigez le code postal ou la commune.`,
  qpvDistrictMissing: () =>
    "Résident QPV = Oui mais le quartier n'est pas indiqué : indiquez le quartier QPV (liste de l'onglet Paramètres).",
  qpvDistrictUnknown: (value: string) =>
    `${quote(value)} n'est pas un quartier QPV de la liste : corrigez le nom (voir la liste « Quartier QPV » de l'onglet Paramètres) ou ajoutez ce quartier à la liste.`,
  qpvInconsistent: (value: string) =>
    `Résident QPV = Non mais un quartier QPV est indiqué (${quote(value)}) : corrigez l'un des deux.`,
  contractTypeMissing: () =>
    'Alternance signée sans type de contrat : indiquez « Apprentissage » ou « Professionnalisation ».',
  contractStartMissing: () =>
    "Alternance signée sans date de début du contrat : indiquez-la (elle date le résultat dans le bilan).",
  contractDurationInvalid: (value: string) =>
    `${quote(value)} n'est pas une durée valide : indiquez un nombre entier de mois, de 1 à 48.`,
  contractAgeApprenticeship: (age: number) =>
    `${age} ans au début du contrat : l'apprentissage est ouvert de 15 à 29 ans (sauf cas particuliers). Vérifiez la date de naissance, la date de début ou le type de contrat.`,
  contractAgeProfessionalisation: (age: number) =>
    `${age} ans au début du contrat : le contrat de professionnalisation vise les moins de 26 ans (au-delà, seulement certains demandeurs d'emploi). Vérifiez la date de naissance, la date de début ou le type de contrat.`,
  contractFieldsWithoutContract: (type: string, situation: string) =>
    `Type de contrat ${quote(type)} renseigné alors que la situation est « ${situation} » : passez la situation à « Alternance signée » ou videz le type de contrat.`,
  exitBeforeEntry: (exit: string, entry: string) =>
    `La date de sortie (${exit}) est avant la date d'entrée (${entry}) : corrigez l'une des deux.`,
  outcomeDateMissing: (situation: string) =>
    `Situation « ${situation} » sans date de sortie : indiquez la date de sortie (elle date le résultat dans le bilan).`,
  phoneInvalid: (value: string) =>
    `${quote(value)} n'est pas un numéro français : 10 chiffres commençant par 0 (06 12 34 56 78) ou +33 suivi de 9 chiffres.`,
  emailInvalid: (value: string) =>
    `${quote(value)} n'est pas une adresse e-mail valide (exemple : prenom.nom@exemple.fr).`,
  possibleDuplicatePerson: (others: number[], total: number) =>
    `Même nom, prénom et date de naissance que ${rowsText(others, total)}, avec un autre ID : s'il s'agit de la même personne, gardez une seule ligne (un seul ID) et reportez ses présences sur cet ID.`,
  sessionDateMissing: () => 'Date de la séance manquante : indiquez-la au format JJ/MM/AAAA.',
  sessionDateInvalid: (value: string) =>
    `${quote(value)} n'est pas une date lisible : écrivez la date de la séance au format JJ/MM/AAAA.`,
  sessionDuplicate: (date: string, others: number[], total: number) =>
    `La séance du ${date} figure aussi ${rowsText(others, total)} : gardez une seule ligne par date.`,
  sessionOutsideSeason: (date: string, year: number, start: string | null, end: string | null) =>
    `Séance du ${date} hors de la saison ${year} (${
      start && end ? `du ${start} au ${end}` : start ? `à partir du ${start}` : `jusqu'au ${end}`
    }, onglet Paramètres) : vérifiez la date de la séance ou les dates de saison.`,
  attendanceIdMissing: () => "ID participant manquant : indiquez l'ID de la personne (onglet Participants).",
  attendanceUnknownParticipant: (id: string) =>
    `L'ID ${quote(id)} ne correspond à aucune personne de l'onglet Participants : corrigez l'ID ou ajoutez la personne.`,
  attendanceDateMissing: () => 'Date de la séance manquante : indiquez la date au format JJ/MM/AAAA.',
  attendanceUnknownSession: (date: string) =>
    `Aucune séance le ${date} dans l'onglet Séances : ajoutez la séance ou corrigez la date.`,
  attendanceDuplicate: (id: string, date: string, others: number[], total: number) =>
    `La présence de ${quote(id)} le ${date} est aussi saisie ${rowsText(others, total)} : gardez une seule ligne.`,
  attendanceStatusMissing: () => 'Statut manquant : choisissez « Présent », « Absent » ou « Excusé ».',
  attendanceStatusInvalid: (value: string) =>
    `${quote(value)} n'est pas un statut de présence : choisissez « Présent », « Absent » ou « Excusé ».`,
  attendanceBeforeEntry: (date: string, entry: string) =>
    `Présence le ${date}, avant la date d'entrée de la personne (${entry}) : vérifiez la date, l'ID ou la date d'entrée.`,
  attendanceAfterExit: (date: string, exit: string) =>
    `Présence le ${date}, après la date de sortie de la personne (${exit}) : vérifiez la date, l'ID ou la date de sortie.`,
} as const;

export const SEVERITY_LABELS = { error: 'erreur', warning: 'avertissement' } as const;

/** 1439 → '1 439' with a no-break space (local until a shared French number formatter lands). */
function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

export const countText = {
  errors: (n: number) => plural(n, 'erreur', 'erreurs'),
  warnings: (n: number) => plural(n, 'avertissement', 'avertissements'),
  rows: (n: number) => plural(n, 'ligne vérifiée', 'lignes vérifiées'),
};

/** Grid marks: each of our notes is one block starting with this line, after the user's own text. */
export const MARK_HEADER = "⚠ Contrôle Club de l'alternance";

/** Sidebar "Contrôle" view. */
export const CHECKS_VIEW = {
  title: 'Contrôle du classeur',
  intro: 'Vérifie les onglets Participants, Séances et Présences avant d\'envoyer les chiffres.',
  run: 'Vérifier',
  rerun: 'Vérifier à nouveau',
  running: 'Vérification en cours…',
  failed: (message: string) => `La vérification a échoué : ${message}`,
  summary: (errors: number, warnings: number, rows: number) =>
    `${countText.errors(errors)}, ${countText.warnings(warnings)} — ${countText.rows(rows)}.`,
  allClear: (rows: number) => `Aucun problème : ${countText.rows(rows)}.`,
  marksHint: 'Les cellules concernées portent une note « ⚠ Contrôle » (supprimée automatiquement une fois corrigées, à la prochaine vérification).',
  showWarnings: 'Afficher les avertissements',
  row: (n: number) => `Ligne ${n}`,
  go: 'Aller à la cellule',
  /** The button's accessible name: starts with its visible text (`go`), then says which cell. */
  goAria: (sheet: string, row: number, column: string | null) =>
    `Aller à la cellule (${sheet}, ligne ${row}${column ? `, colonne ${column}` : ''})`,
  selectFailed: (message: string) => `Impossible d'aller à la cellule : ${message}`,
  truncated: (shown: number, total: number) =>
    `${shown} problèmes affichés sur ${total} : corrigez d'abord ceux-ci puis vérifiez à nouveau.`,
  /** Issues counted but not listed (the server returns 500 at most; the grid's notes mark them all). */
  notShown: (n: number) =>
    n > 1
      ? `${groupDigits(n)}\u00a0problèmes non affichés\u00a0: corrigez d'abord ceux-ci, puis vérifiez à nouveau (les notes de la grille les signalent tous).`
      : `1\u00a0problème non affiché\u00a0: corrigez d'abord ceux-ci, puis vérifiez à nouveau (une note de la grille le signale).`,
  severity: { error: 'Erreur', warning: 'Avertissement' },
} as const;

/** Menu actions and server errors. */
export const CHECKS_SERVER = {
  toastSummary: (errors: number, warnings: number) =>
    errors + warnings === 0
      ? 'Contrôle terminé : aucun problème.'
      : `Contrôle terminé : ${countText.errors(errors)}, ${countText.warnings(warnings)}.`,
  marksSkippedLockBusy:
    "Les notes de contrôle n'ont pas été mises à jour : un autre enregistrement est en cours. Relancez la vérification dans quelques secondes.",
  badSelectArguments: 'Cellule à sélectionner invalide.',
  tabNotFound: (tab: string) => `L'onglet « ${tab} » est introuvable : il a peut-être été renommé ou supprimé.`,
};

/** "Préparer le classeur". */
export const PREPARE = {
  title: 'Préparer le classeur',
  done: 'Le classeur est prêt.',
  alreadyReady: 'Le classeur était déjà prêt : rien à créer. Les listes de choix et les contrôles de dates ont été vérifiés.',
  createdTabs: (tabs: string[]) => `Onglets créés : ${tabs.join(', ')}.`,
  addedColumns: (tab: string, headers: string[]) =>
    `Colonnes ajoutées à droite de l'onglet ${tab} : ${headers.join(', ')}.`,
  validations: (n: number) => `Listes de choix et contrôles de dates posés sur ${n} colonne${n > 1 ? 's' : ''}.`,
  frozen: (tabs: string[]) => `Ligne d'en-têtes figée : ${tabs.join(', ')}.`,
  untouched: (tab: string) =>
    `L'onglet ${tab} contient des données mais pas de ligne d'en-têtes reconnue (lignes 1 à 5) : il n'a pas été modifié. Ajoutez les en-têtes à la main (par exemple ${'ID, Nom, Prénom'}).`,
  help: {
    sex: 'Choisissez F ou H.',
    yesNo: 'Choisissez Oui ou Non.',
    trainingLevel: 'Choisissez le niveau de formation (nomenclature 2019).',
    situation: 'Choisissez la situation (vide = En recherche).',
    contractType: 'Choisissez Apprentissage ou Professionnalisation.',
    status: 'Choisissez Présent, Absent ou Excusé.',
    date: 'Saisissez une date (JJ/MM/AAAA).',
  },
} as const;

/** `club-alternance verifier`. */
export const VERIFY_CLI = {
  usage: 'Usage : club-alternance verifier <classeur.xlsx> [--json]',
  missingPath: 'Indiquez le classeur à vérifier : club-alternance verifier <classeur.xlsx> [--json]',
  tooManyPaths: 'Un seul classeur à la fois : club-alternance verifier <classeur.xlsx> [--json]',
  unknownOption: (option: string) =>
    `Option inconnue : « ${option} ». Usage : club-alternance verifier <classeur.xlsx> [--json]`,
  notFound: (path: string) => `Fichier introuvable : ${path}`,
  isDirectory: (path: string) => `${path} est un dossier, pas un classeur .xlsx.`,
  notXlsx: (path: string) => `${path} n'est pas un classeur .xlsx (exportez le classeur au format .xlsx).`,
  noParticipants: (path: string) => `Le classeur ${path} n'a pas d'onglet « Participants » : ce n'est pas un classeur du Club de l'alternance.`,
  tabHeading: (tab: string, errors: number, warnings: number) =>
    `${tab} — ${countText.errors(errors)}, ${countText.warnings(warnings)}`,
  issueLine: (tab: string, row: number, column: string | null, severity: 'error' | 'warning', message: string, code: string) =>
    `${tab}, ligne ${row} — ${column ? `${column} : ` : ''}${message} [${SEVERITY_LABELS[severity]} ${code}]`,
  summary: (rows: number, errors: number, warnings: number) =>
    errors + warnings === 0
      ? `Aucun problème : ${countText.rows(rows)}.`
      : `Bilan du contrôle : ${countText.rows(rows)}, ${countText.errors(errors)}, ${countText.warnings(warnings)}.`,
} as const;
