/** "Feuille d'émargement" in the attendance view (SPEC §12): the sheet of the date shown, in a dialog. */
import { call } from '../../rpc';
import { DOCUMENTS_TEXT } from '../../../i18n/fr/documents';
import { documentButton, DocumentButton } from '../document-button';

/** `shownDate`: the date whose list the view shows ('YYYY-MM-DD'), or null while none is loaded. */
export function signInSheetButton(shownDate: () => string | null): DocumentButton {
  return documentButton('att-print', DOCUMENTS_TEXT.sidebar.signInSheet, () => {
    const date = shownDate();
    return date === null ? null : call('showSignInSheet', date);
  });
}
