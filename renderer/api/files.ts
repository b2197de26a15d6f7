// Reading a chosen file as base64 for the API (files cross the boundary as base64 strings).
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
