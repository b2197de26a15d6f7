// File-type filters for the native open/save dialogs (Swedish names, shown to the user).
import type { FileFilter } from './shell/dialogs';

export const DOCUMENT_FILTERS: FileFilter[] = [
  { name: 'Justera-paket och PDF', extensions: ['justera', 'pdf'] },
  { name: 'Justera-paket', extensions: ['justera'] },
  { name: 'PDF', extensions: ['pdf'] },
];

export const DATABASE_FILTERS: FileFilter[] = [{ name: 'Justera-databas', extensions: ['sqlite', 'db'] }];
