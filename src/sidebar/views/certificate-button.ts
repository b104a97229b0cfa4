/** "Attestation de participation" in the Parcours view (SPEC §12): the certificate of the person shown, in a dialog. */
import { call } from '../rpc';
import { DOCUMENTS_TEXT } from '../../i18n/fr/documents';
import { documentButton, DocumentButton } from './document-button';

export function certificateButton(id: string): DocumentButton {
  return documentButton('jr-certificate', DOCUMENTS_TEXT.sidebar.certificate, () => call('showCertificate', id));
}
