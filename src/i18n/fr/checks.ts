/** French text of the checks (SPEC §3): issue messages, the "Contrôle" view, the CLI, "Préparer". */
import { countOf, frenchNumber, MONTH_NAMES, WEEKDAY_NAMES } from './format';

/** Short quoted value for a message (long cell contents are cut). */
export function quote(value: string): string {
  const v = value.length > 40 ? `${value.slice(0, 39)}…` : value;
  return `«\u00a0${v}\u00a0»`;
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

const MONTHS = MONTH_NAMES;

/**
 * For a date written in an accepted format whose day does not exist (31/02/2001), the reason
 * in French ("février 2001 n'a que 28 jours"); null otherwise.
 */
export function impossibleDay(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(t);
  let d: number, mo: number, y: number;
  if (m) {
    d = Number(m[1]);
    mo = Number(m[2]);
    y = m[3].length === 2 ? (Number(m[3]) < 30 ? 2000 : 1900) + Number(m[3]) : Number(m[3]);
  } else if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t))) {
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
  } else return null;
  if (mo < 1 || mo > 12) return mo === 0 || mo > 12 ? `il n'y a pas de mois ${mo}` : null;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const length = mo === 2 ? (leap ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  if (d === 0) return "il n'y a pas de jour 0";
  if (d <= length) return null;
  return `${MONTHS[mo - 1]} ${y} n'a que ${length} jours`;
}

const DATE_FORMAT_HINT = 'écrivez-la au format JJ/MM/AAAA (par exemple 05/03/2018)';

/** A column named in a message: its header as written in the user's sheet, quoted. */
function col(header: string): string {
  return `«\u00a0${header}\u00a0»`;
}

export const CHECK_MESSAGES = {
  missingColumn: (header: string, tab: string, headerRow: number) =>
    `Colonne obligatoire «\u00a0${header}\u00a0» introuvable\u00a0: ajoutez-la à la ligne d'en-têtes (ligne ${headerRow}) de l'onglet ${tab}.`,
  missingColumnNoHeaderRow: (header: string, tab: string) =>
    `Colonne obligatoire «\u00a0${header}\u00a0» introuvable\u00a0: l'onglet ${tab} n'a pas de ligne d'en-têtes reconnue dans ses lignes 1 à 5\u00a0; ajoutez-la (ou lancez «\u00a0Préparer le classeur\u00a0» sur un onglet vide).`,
  missingColumnNoTab: (header: string, tab: string) =>
    `Onglet «\u00a0${tab}\u00a0» introuvable\u00a0: créez-le avec la colonne «\u00a0${header}\u00a0» (menu «\u00a0Préparer le classeur\u00a0»).`,
  idMissing: (header: string) =>
    `${col(header)} vide\u00a0: donnez à cette personne un identifiant unique (par exemple P2018-0042).`,
  idDuplicate: (id: string, others: number[], total: number) =>
    `L'ID ${quote(id)} est aussi utilisé ${rowsText(others, total)}\u00a0: chaque personne doit avoir un ID différent.`,
  lastNameMissing: (header: string) => `${col(header)} vide\u00a0: saisissez le nom de famille.`,
  firstNameMissing: (header: string) => `${col(header)} vide\u00a0: saisissez le prénom.`,
  dateInvalid: (value: string) => {
    const missing = impossibleDay(value);
    return missing
      ? `${quote(value)}\u00a0: ce jour n'existe pas (${missing})\u00a0; corrigez la date.`
      : `${quote(value)} n'est pas une date lisible\u00a0: ${DATE_FORMAT_HINT}.`;
  },
  birthDateMissing: (header: string) =>
    `${col(header)} vide\u00a0: indiquez la date de naissance (elle sert à l'âge et à la part des mineurs du bilan).`,
  entryDateMissing: (header: string) =>
    `${col(header)} vide\u00a0: indiquez la date d'entrée, sans elle la personne n'est comptée dans aucun bilan.`,
  birthDateInFuture: (date: string) => `La date de naissance (${date}) est après aujourd'hui\u00a0: corrigez-la.`,
  entryDateInFuture: (date: string) =>
    `La date d'entrée (${date}) est après aujourd'hui\u00a0: corrigez-la (une entrée se saisit le jour où elle a lieu).`,
  ageImplausible: (age: number, birth: string, entry: string) =>
    `Âge improbable à l'entrée\u00a0: ${age} ans (né(e) le ${birth}, entrée le ${entry}). Vérifiez la date de naissance et la date d'entrée\u00a0: c'est sans doute une faute de frappe.`,
  ageOutOfRange: (age: number) =>
    `${age} ans à l'entrée, hors de la tranche 16-25 ans du Club\u00a0: vérifiez la date de naissance (si elle est juste, rien à corriger).`,
  valueNotAllowed: (value: string, header: string, allowed: readonly string[]) =>
    `${quote(value)} n'est pas une valeur prévue pour «\u00a0${header}\u00a0»\u00a0: choisissez ${listText(allowed.map((a) => `«\u00a0${a}\u00a0»`))}.`,
  communeMissing: (header: string) => `${col(header)} vide\u00a0: indiquez la commune de résidence.`,
  communeOutsideTerritory: (value: string, territory: readonly string[]) =>
    `${quote(value)} n'est pas une commune du territoire (${territory.join(', ')})\u00a0: vérifiez l'orthographe\u00a0; si la personne habite ailleurs, rien à corriger.`,
  postcodeInvalid: (value: string) => `${quote(value)} n'est pas un code postal\u00a0: il faut 5 chiffres (par exemple 94800).`,
  postcodeMismatch: (postcode: string, commune: string, expected: string) =>
    `Le code postal ${postcode} n'est pas celui de ${commune} (${expected})\u00a0: corrigez le code postal ou la commune.`,
  qpvDistrictMissing: (resident: string, district: string) =>
    `${col(resident)} = Oui mais ${col(district)} est vide\u00a0: indiquez le quartier QPV (liste de l'onglet Paramètres).`,
  qpvDistrictUnknown: (value: string) =>
    `${quote(value)} n'est pas un quartier QPV de la liste\u00a0: corrigez le nom (voir la liste «\u00a0Quartier QPV\u00a0» de l'onglet Paramètres) ou ajoutez ce quartier à la liste.`,
  qpvInconsistent: (value: string, resident: string) =>
    `${col(resident)} = Non mais un quartier QPV est indiqué (${quote(value)})\u00a0: corrigez l'un des deux.`,
  contractTypeMissing: (header: string) =>
    `Alternance signée mais ${col(header)} est vide\u00a0: indiquez «\u00a0Apprentissage\u00a0» ou «\u00a0Professionnalisation\u00a0».`,
  contractStartMissing: (header: string) =>
    `Alternance signée mais ${col(header)} est vide\u00a0: indiquez la date de début du contrat (elle date le résultat dans le bilan).`,
  contractDurationInvalid: (value: string) =>
    `${quote(value)} n'est pas une durée valide\u00a0: indiquez un nombre entier de mois, de 1 à 48.`,
  contractAgeApprenticeship: (age: number) =>
    `${age} ans au début du contrat\u00a0: l'apprentissage est ouvert de 15 à 29 ans (sauf cas particuliers). Vérifiez la date de naissance, la date de début ou le type de contrat.`,
  contractAgeProfessionalisation: (age: number) =>
    `${age} ans au début du contrat\u00a0: le contrat de professionnalisation vise les moins de 26 ans (au-delà, seulement certains demandeurs d'emploi). Vérifiez la date de naissance, la date de début ou le type de contrat.`,
  contractFieldsWithoutContract: (type: string, situation: string, typeHeader: string, situationHeader: string) =>
    `${col(typeHeader)} ${quote(type)} renseigné alors que ${col(situationHeader)} est «\u00a0${situation}\u00a0»\u00a0: passez la situation à «\u00a0Alternance signée\u00a0» ou videz le type de contrat.`,
  exitBeforeEntry: (exit: string, entry: string) =>
    `La date de sortie (${exit}) est avant la date d'entrée (${entry})\u00a0: corrigez l'une des deux.`,
  outcomeDateMissing: (situation: string, header: string) =>
    `Situation «\u00a0${situation}\u00a0» mais ${col(header)} est vide\u00a0: indiquez la date de sortie (elle date le résultat dans le bilan).`,
  phoneInvalid: (value: string) =>
    `${quote(value)} n'est pas un numéro français\u00a0: 10 chiffres commençant par 0 (06 12 34 56 78) ou +33 suivi de 9 chiffres.`,
  emailInvalid: (value: string) => `${quote(value)} n'est pas une adresse e-mail valide (exemple\u00a0: prenom.nom@exemple.fr).`,
  possibleDuplicatePerson: (others: number[], total: number) =>
    `Même nom, prénom et date de naissance que ${rowsText(others, total)}, avec un autre ID\u00a0: s'il s'agit de la même personne, gardez une seule ligne (un seul ID) et reportez ses présences sur cet ID.`,
  sessionDateMissing: (header: string) => `${col(header)} vide\u00a0: indiquez la date de la séance au format JJ/MM/AAAA.`,
  sessionDateInvalid: (value: string) =>
    `${quote(value)} n'est pas une date lisible\u00a0: écrivez la date de la séance au format JJ/MM/AAAA.`,
  sessionDuplicate: (date: string, others: number[], total: number) =>
    `La séance du ${date} figure aussi ${rowsText(others, total)}\u00a0: gardez une seule ligne par date.`,
  sessionOutsideSeason: (date: string, year: number, start: string | null, end: string | null) =>
    `Séance du ${date} hors de la saison ${year} (${
      start && end ? `du ${start} au ${end}` : start ? `à partir du ${start}` : `jusqu'au ${end}`
    }, onglet Paramètres)\u00a0: vérifiez la date de la séance ou les dates de saison.`,
  sessionUnusualWeekday: (date: string, year: number, usual: number, actual: number) =>
    `Séance du ${date}\u00a0: les séances de ${year} ont lieu le ${WEEKDAY_NAMES[usual]}, celle-ci un ${WEEKDAY_NAMES[actual]}. Vérifiez la date (une faute de frappe, le plus souvent).`,
  attendanceIdMissing: (header: string) => `${col(header)} vide\u00a0: indiquez l'ID de la personne (onglet Participants).`,
  attendanceUnknownParticipant: (id: string) =>
    `L'ID ${quote(id)} ne correspond à aucune personne de l'onglet Participants\u00a0: corrigez l'ID ou ajoutez la personne.`,
  attendanceDateMissing: (header: string) => `${col(header)} vide\u00a0: indiquez la date de la séance au format JJ/MM/AAAA.`,
  attendanceUnknownSession: (date: string) =>
    `Aucune séance le ${date} dans l'onglet Séances\u00a0: ajoutez la séance ou corrigez la date.`,
  attendanceDuplicate: (id: string, date: string, others: number[], total: number) =>
    `La présence de ${quote(id)} le ${date} est aussi saisie ${rowsText(others, total)}\u00a0: gardez une seule ligne.`,
  attendanceStatusMissing: (header: string) =>
    `${col(header)} vide\u00a0: choisissez «\u00a0Présent\u00a0», «\u00a0Absent\u00a0» ou «\u00a0Excusé\u00a0».`,
  attendanceStatusInvalid: (value: string) =>
    `${quote(value)} n'est pas un statut de présence\u00a0: choisissez «\u00a0Présent\u00a0», «\u00a0Absent\u00a0» ou «\u00a0Excusé\u00a0».`,
  attendanceBeforeEntry: (date: string, entry: string) =>
    `Présence le ${date}, avant la date d'entrée de la personne (${entry})\u00a0: vérifiez la date, l'ID ou la date d'entrée.`,
  attendanceInFuture: (date: string) =>
    `Présence datée du ${date}, après aujourd'hui\u00a0: une présence se saisit le jour de la séance ou après\u00a0; corrigez la date.`,
  attendanceAfterExit: (date: string, exit: string) =>
    `Présence le ${date}, après la date de sortie de la personne (${exit})\u00a0: vérifiez la date, l'ID ou la date de sortie.`,
} as const;

export const SEVERITY_LABELS = { error: 'erreur', warning: 'avertissement' } as const;

function plural(n: number, one: string, many: string): string {
  return countOf(n, one, many);
}

export const countText = {
  errors: (n: number) => plural(n, 'erreur', 'erreurs'),
  warnings: (n: number) => plural(n, 'avertissement', 'avertissements'),
  rows: (n: number) => plural(n, 'ligne vérifiée', 'lignes vérifiées'),
};

/**
 * Grid marks: each of our notes is one block starting with this line (after the user's own
 * text, if any), followed by the messages of that cell's problems, one per line.
 */
export const MARK_HEADER = "⚠ Contrôle Club de l'alternance";

/** Sidebar "Contrôle" view. */
export const CHECKS_VIEW = {
  title: 'Contrôle du classeur',
  intro: "Vérifie les onglets Participants, Séances et Présences avant d'envoyer les chiffres.",
  run: 'Vérifier',
  rerun: 'Vérifier à nouveau',
  running: 'Vérification en cours…',
  failed: (message: string) => `La vérification a échoué\u00a0: ${message}`,
  summary: (errors: number, warnings: number, rows: number) =>
    `${countText.errors(errors)}, ${countText.warnings(warnings)} — ${countText.rows(rows)}.`,
  allClear: (rows: number) => `Aucun problème\u00a0: ${countText.rows(rows)}.`,
  marksHint:
    'Les cellules concernées portent une note «\u00a0⚠ Contrôle\u00a0» qui dit ce qui ne va pas (supprimée automatiquement une fois la cellule corrigée, à la prochaine vérification).',
  showWarnings: 'Afficher les avertissements',
  row: (n: number) => `Ligne ${n}`,
  go: 'Aller à la cellule',
  /** The button's accessible name: starts with its visible text (`go`), then says which cell. */
  goAria: (sheet: string, row: number, header: string | null) =>
    `Aller à la cellule (${sheet}, ligne ${row}${header ? `, colonne ${header}` : ''})`,
  selectFailed: (message: string) => `Impossible d'aller à la cellule\u00a0: ${message}`,
  truncated: (shown: number, total: number) =>
    `${frenchNumber(shown)} problèmes affichés sur ${frenchNumber(total)}\u00a0: corrigez d'abord ceux-ci puis vérifiez à nouveau.`,
  /** Issues counted but not listed (the server returns 500 at most; the grid's notes mark them all). */
  notShown: (n: number) =>
    n > 1
      ? `${frenchNumber(n)}\u00a0problèmes non affichés\u00a0: corrigez d'abord ceux-ci, puis vérifiez à nouveau (les notes de la grille les signalent tous).`
      : `1\u00a0problème non affiché\u00a0: corrigez d'abord ceux-ci, puis vérifiez à nouveau (une note de la grille le signale).`,
  severity: { error: 'Erreur', warning: 'Avertissement' },
} as const;

/** Menu actions and server errors. */
export const CHECKS_SERVER = {
  toastSummary: (errors: number, warnings: number) =>
    errors + warnings === 0
      ? 'Contrôle terminé\u00a0: aucun problème.'
      : `Contrôle terminé\u00a0: ${countText.errors(errors)}, ${countText.warnings(warnings)}.`,
  marksSkippedLockBusy:
    "Les notes de contrôle n'ont pas été mises à jour\u00a0: un autre enregistrement est en cours. Relancez la vérification dans quelques secondes.",
  marksSkippedRowsMoved:
    "Les notes de contrôle n'ont pas été mises à jour\u00a0: des lignes ont été déplacées (un tri\u00a0?) pendant la vérification. Relancez «\u00a0Vérifier le classeur\u00a0».",
  badSelectArguments: 'Cellule à sélectionner invalide.',
  rowNotFound: (tab: string, row: number) =>
    `La ligne ${row} n'existe plus dans l'onglet «\u00a0${tab}\u00a0»\u00a0: des lignes ont sans doute été supprimées. Relancez la vérification.`,
  tabNotFound: (tab: string) => `L'onglet «\u00a0${tab}\u00a0» est introuvable\u00a0: il a peut-être été renommé ou supprimé.`,
};

/** "Préparer le classeur". */
export const PREPARE = {
  title: 'Préparer le classeur',
  done: 'Le classeur est prêt.',
  alreadyReady:
    'Le classeur était déjà prêt\u00a0: rien à créer. Les listes de choix et les contrôles de dates ont été vérifiés.',
  createdTabs: (tabs: string[]) => `Onglets créés\u00a0: ${tabs.join(', ')}.`,
  /** One line for every tab: "Colonnes ajoutées à droite : Séances (Début, Fin) ; Paramètres (…)." */
  addedColumns: (tabs: { tab: string; headers: string[] }[]) =>
    `Colonnes ajoutées à droite\u00a0: ${tabs.map((t) => `${t.tab} (${t.headers.join(', ')})`).join('\u00a0; ')}.`,
  /** The settings added to Paramètres, counted rather than listed (the message stays short). */
  addedSettings: (n: number) => `${n} réglage${n > 1 ? 's' : ''}, valeur${n > 1 ? 's' : ''} par défaut en ligne\u00a02`,
  validations: (n: number) => `Listes de choix et contrôles de dates posés sur ${n} colonne${n > 1 ? 's' : ''}.`,
  frozen: (tabs: string[]) => `Ligne d'en-têtes figée\u00a0: ${tabs.join(', ')}.`,
  untouched: (tab: string) =>
    `L'onglet ${tab} contient des données mais pas de ligne d'en-têtes reconnue (lignes 1 à 5)\u00a0: il n'a pas été modifié. Ajoutez les en-têtes à la main (par exemple ${'ID, Nom, Prénom'}).`,
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
  usage: 'Usage\u00a0: club-alternance verifier <classeur.xlsx> [--json]',
  missingPath: 'Indiquez le classeur à vérifier\u00a0: club-alternance verifier <classeur.xlsx> [--json]',
  tooManyPaths: 'Un seul classeur à la fois\u00a0: club-alternance verifier <classeur.xlsx> [--json]',
  unknownOption: (option: string) =>
    `Option inconnue\u00a0: «\u00a0${option}\u00a0». Usage\u00a0: club-alternance verifier <classeur.xlsx> [--json]`,
  notXlsx: (path: string) => `${path} n'est pas un classeur .xlsx (exportez le classeur au format .xlsx).`,
  noParticipants: (path: string) =>
    `Le classeur ${path} n'a pas d'onglet «\u00a0Participants\u00a0»\u00a0: ce n'est pas un classeur du Club de l'alternance.`,
  tabHeading: (tab: string, errors: number, warnings: number) =>
    `${tab} — ${countText.errors(errors)}, ${countText.warnings(warnings)}`,
  /** One issue of the text output: labels only (the code stays in --json). */
  /**
   * One issue of the text output: labels only (the code stays in --json). The place is the row,
   * then the column's letter and its header as written ("ligne 12, colonne E (Date
   * d'inscription)") when the column exists.
   */
  issueLine: (
    tab: string,
    row: number,
    column: { letter: string; header: string } | null,
    severity: 'error' | 'warning',
    message: string,
  ) =>
    `${tab}, ligne ${row}${column === null ? '' : `, colonne ${column.letter} (${column.header})`} — ${CHECKS_VIEW.severity[severity]} — ${message}`,
  summary: (rows: number, errors: number, warnings: number) =>
    errors + warnings === 0
      ? `Aucun problème\u00a0: ${countText.rows(rows)}.`
      : `Bilan du contrôle\u00a0: ${countText.rows(rows)}, ${countText.errors(errors)}, ${countText.warnings(warnings)}.`,
} as const;
