/** What a "clear French message" means in the reliability suite. */

const ENGLISH =
  /\b(the|is not|cannot|can't|undefined|null|NaN|error|failed|exception|must be|should|of undefined|not a function|out of bounds|permission|lock timeout)\b|\[object|TypeError|RangeError|ReferenceError|SyntaxError|Maximum call stack/i;
const FRENCH =
  /[àâçéèêëîïôûùüœ]|\b(le|la|les|du|des|est|pas|aucun|aucune|une|un|dans|onglet|colonne|ligne|classeur|année|date|réessayez|rien)\b/i;

/** Problems of a user-facing message ([] when it is clear French). */
export function frenchProblems(message: unknown, maxLength = 600): string[] {
  if (typeof message !== 'string') return [`pas un texte : ${String(message)}`];
  const out: string[] = [];
  if (message.trim() === '') out.push('message vide');
  if (message.length > maxLength) out.push(`message de ${message.length} caractères`);
  const english = ENGLISH.exec(message);
  if (english) out.push(`texte technique ou anglais « ${english[0]} » dans : ${message.slice(0, 200)}`);
  if (!FRENCH.test(message)) out.push(`pas de français reconnaissable dans : ${message.slice(0, 200)}`);
  return out;
}
