// The address the digital notice board is published under: an absolute http(s) URL of a folder.
// One schema for every entrance (the setting, the export's override, the CLI, the UI), so the
// same address is accepted or refused with the same Swedish message everywhere.
import { z } from 'zod';

function folderUrl(value: string): string | null {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return null;
  }
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.hostname === '' || u.username !== '' || u.password !== '') return null;
  if (u.search !== '' || u.hash !== '' || value.includes('?') || value.includes('#')) return null;
  const href = u.href;
  return href.endsWith('/') ? href : `${href}/`;
}

const MESSAGE = 'Ange anslagstavlans publika adress som en fullständig webbadress till mappen, med https:// (eller http://) och utan ? eller #, t.ex. https://www.kommun.se/anslagstavla/.';

/** A published folder address, normalised to end with "/". */
export const noticeBoardUrlSchema = z
  .string()
  .trim()
  .max(2000, 'Adressen får vara högst 2000 tecken.')
  .refine((v) => folderUrl(v) !== null, MESSAGE)
  .transform((v) => folderUrl(v) as string);

/** The same, where '' or null clears the setting. */
export const noticeBoardUrlSettingSchema = z
  .string()
  .trim()
  .max(2000, 'Adressen får vara högst 2000 tecken.')
  .nullable()
  .refine((v) => v === null || v === '' || folderUrl(v) !== null, MESSAGE)
  .transform((v) => (v === null || v === '' ? null : (folderUrl(v) as string)));

/** Why there is no OParl data without the address (shown by the CLI and the clerk's screen). */
export const OPARL_NEEDS_ADDRESS =
  'Öppna data enligt OParl skrevs inte: anslagstavlans publika adress saknas. OParl kräver att varje objekt har en fullständig webbadress (https://…), och den kan Justera bara bilda när det vet var mappen publiceras. ' +
  'Ange adressen under Anslag › Digital anslagstavla, med "justera board set-url URL --db FIL", eller för en enstaka export med --base-url. Webbsidorna och nyhetsflödet skrevs som vanligt.';
