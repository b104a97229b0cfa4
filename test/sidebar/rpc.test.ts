/** Recognising google.script.run's failure when the browser is signed into several Google accounts. */
import { failureMessage, isMultipleAccountsError } from '../../src/sidebar/rpc';
import { SIDEBAR } from '../../src/i18n/fr/sidebar';

/** An Error as google.script.run's failure handler receives it (name "ScriptError"). */
function scriptError(message: string): Error {
  const e = new Error(message);
  e.name = 'ScriptError';
  return e;
}

const STORAGE = "We're sorry, a server error occurred while reading from storage. Error code PERMISSION_DENIED.";
const AUTHORIZATION = 'Authorization is required to perform that action.';

describe('isMultipleAccountsError', () => {
  it.each([
    ['the storage PERMISSION_DENIED error', scriptError(STORAGE)],
    ['the "authorization is required" error', scriptError(AUTHORIZATION)],
    ['its French wording', scriptError('Une autorisation est requise pour effectuer cette action.')],
    [
      'a localised storage error (the code is never translated)',
      scriptError("Désolé, une erreur de serveur s'est produite. Code d'erreur : PERMISSION_DENIED."),
    ],
    ['a plain Error with that text', new Error(STORAGE)],
    ['a plain object with that message', { message: STORAGE }],
  ])('recognises %s', (_what, error) => {
    expect(isMultipleAccountsError(error)).toBe(true);
  });

  it.each([
    ['a French refusal of the server', new Error("La date est après aujourd'hui : choisissez une autre date.")],
    ['the lock-busy message', new Error('Le classeur est occupé : réessayez dans quelques secondes.')],
    ['a network failure', scriptError('NetworkError: Connection failure due to HTTP 0')],
    ['a TypeError that merely mentions the code', Object.assign(new TypeError(STORAGE))],
    ['a bare string', STORAGE],
    ['null', null],
    ['an object without message', { name: 'ScriptError' }],
  ])('does not mistake %s for it', (_what, error) => {
    expect(isMultipleAccountsError(error)).toBe(false);
  });
});

describe('failureMessage', () => {
  it('explains in French how to open the sheet with the one account', () => {
    expect(failureMessage(scriptError(STORAGE))).toBe(SIDEBAR.multipleAccounts);
    expect(SIDEBAR.multipleAccounts).toMatch(/plusieurs comptes Google/);
    expect(SIDEBAR.multipleAccounts).toMatch(/navigation privée/);
    expect(SIDEBAR.multipleAccounts).toMatch(/uniquement au compte qui a accès au classeur/);
  });

  it("passes any other failure's message through", () => {
    expect(failureMessage(new Error('Cellule à sélectionner invalide.'))).toBe('Cellule à sélectionner invalide.');
  });
});
