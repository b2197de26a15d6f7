// What Justera changes in pdfkit, the PDF writer under @react-pdf, installed once per process
// before anything is typeset: font reuse (speed) and marked content (tagged PDF).
import { installFontReuse } from './pdfkit-font-reuse';
import { installTagging } from './pdfkit-tagging';

export function installPdfkitHooks(): void {
  installFontReuse();
  installTagging();
}
