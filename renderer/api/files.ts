// Files in and out of the browser: a chosen file read as base64 for the API (files cross the
// boundary as base64 strings), and saving what the back end returned under a file name.
import { base64ToBytes } from '../../core/format/base64';
import { t } from '../i18n';

export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error(t('file.readError')));
    reader.readAsDataURL(file);
  });
}

/** Saves a blob under a file name, through a temporary link. */
export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Saves a PDF the back end returned (base64). */
export function downloadPdf(fileName: string, base64: string): void {
  saveBlob(fileName, new Blob([base64ToBytes(base64)], { type: 'application/pdf' }));
}

/** Saves a text file (a signing package, JSON). */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  saveBlob(fileName, new Blob([text], { type }));
}
