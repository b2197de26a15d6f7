// What only the desktop shell can do for the page: native dialogs. Other hosts (the loopback
// browser host, the CLI, tests) answer that it is not available, and the page asks for a typed path.
import { z } from 'zod';
import { idSchema, method } from './define';

export const shellContract = {
  /** A native folder dialog; `path` is null when the user cancelled, `available` false outside the desktop app. */
  'shell.chooseFolder': method<{ available: boolean; path: string | null }>()(z.strictObject({ title: z.string().trim().min(1).max(200) })),
  /**
   * Opens a written kallelse message (.eml) in the user's mail program: the desktop app writes it
   * to the data folder and hands it to the operating system. Elsewhere `available` is false and
   * the page downloads the file instead.
   */
  'shell.openMail': method<{ available: boolean; path: string | null }>()(z.strictObject({ messageId: idSchema })),
} as const;
