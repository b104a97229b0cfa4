/** French text shown to users: reading an .xlsx file and writing an output file (CLI). */
import { frenchNumber } from './format';

const NBSP = '\u00a0';

export const FILES = {
  notFound: (p: string) => `Fichier introuvable${NBSP}: ${p}`,
  isDirectory: (p: string) => `${p} est un dossier, pas un classeur .xlsx.`,
  notRegularFile: (p: string) =>
    `${p} n'est pas un fichier ordinaire (tube, périphérique ou prise réseau)${NBSP}: indiquez le classeur .xlsx exporté.`,
  notReadable: (p: string) =>
    `Impossible de lire ${p}${NBSP}: vous n'avez pas le droit de lire ce fichier (vérifiez ses droits d'accès).`,
  empty: (p: string) => `${p} est vide${NBSP}: ce n'est pas un classeur .xlsx.`,
  notXlsx: (p: string) => `Impossible de lire ${p}${NBSP}: ce n'est pas un classeur .xlsx valide.`,
  encrypted: (p: string) =>
    `${p} est protégé par un mot de passe (fichier chiffré)${NBSP}: enregistrez-en une copie sans mot de passe, puis recommencez.`,
  oldXls: (p: string) =>
    `${p} est au vieux format Excel 97-2003 (.xls)${NBSP}: enregistrez-le au format .xlsx, puis recommencez.`,
  tooBig: (p: string, limit: string) =>
    `${p} est trop gros pour être lu (plus de ${limit})${NBSP}: supprimez les onglets ou les lignes inutiles, puis recommencez.`,
  tooManyCells: (p: string, limit: number) =>
    `${p} est trop gros pour être lu (plus de ${frenchNumber(limit)} cellules remplies)${NBSP}: supprimez les onglets ou les lignes inutiles, puis recommencez.`,
  tooBigUnpacked: (p: string) =>
    `${p} est trop gros pour être lu une fois décompressé${NBSP}: son contenu dépasse ce que la commande peut tenir en mémoire (classeur démesuré, ou archive piégée).`,
  zipBomb: (p: string) =>
    `${p} n'est pas un classeur .xlsx ordinaire${NBSP}: son contenu décompressé serait démesuré (archive piégée ou endommagée).`,
  damaged: (p: string) => `${p} est un classeur .xlsx endommagé${NBSP}: il ne peut pas être lu en entier.`,
  // Outputs
  outputBlank: `Le nom du fichier à écrire est vide${NBSP}: indiquez un nom de fichier.`,
  outputExtension: (p: string, extension: string) =>
    `${p} ne se termine pas par ${extension}${NBSP}: cette commande écrit un fichier ${extension}, choisissez un nom qui se termine par ${extension}.`,
  outputNoFolder: (p: string, folder: string) =>
    `Impossible d'écrire ${p}${NBSP}: le dossier ${folder} n'existe pas (créez-le, ou choisissez un autre dossier).`,
  outputNotAFolder: (p: string, folder: string) => `Impossible d'écrire ${p}${NBSP}: ${folder} n'est pas un dossier.`,
  outputIsInput: (p: string) =>
    `${p} est le classeur lu (ou un lien vers lui)${NBSP}: il n'est jamais écrasé, choisissez un autre nom.`,
  outputExists: (p: string) =>
    `Le fichier ${p} existe déjà${NBSP}: choisissez un autre nom, ou ajoutez --remplacer pour l'écraser.`,
  outputIsDirectory: (p: string) => `${p} est un dossier${NBSP}: indiquez un nom de fichier.`,
  cannotWrite: (p: string) =>
    `Impossible d'écrire ${p}${NBSP}: vérifiez que le dossier existe, qu'il reste de la place et que vous avez le droit d'y écrire (rien n'a été écrit).`,
} as const;
