// Archive packages for the e-archive: a board's meetings of one year as an E-ARK CSIP style
// folder (archive.export), and the check of such a folder (archive.verify). The folder is a path
// on the computer the back end runs on: the desktop app's folder dialog gives it, the browser and
// the CLI type it. Only a full path without ".." parts is taken (a partial one would land in the
// back end's working folder; ".." would step out of the one the user named), and an export never
// writes into a folder that already has files in it (the service refuses that).
import { z } from 'zod';
import type { ArchiveExportResult, ArchiveVerification } from '../../app/archive';
import { isAbsolutePath } from '../../domain/paths';
import { idSchema, method } from './define';

/** A full folder path without ".." parts or control characters. */
export const folderPathSchema = (what: string) =>
  z
    .string({ error: `Ange ${what}.` })
    .trim()
    .min(1, `Ange ${what}.`)
    .max(4096, 'Sökvägen får vara högst 4096 tecken.')
    .refine((p) => !/\p{Cc}/u.test(p), 'Sökvägen innehåller kontrolltecken. Skriv om den med vanliga tecken.')
    .refine(isAbsolutePath, `Ange hela sökvägen till ${what}, t.ex. /home/arkiv/protokoll-2020 eller C:\\Arkiv\\Protokoll-2020. En ofullständig sökväg skulle hamna i programmets egen arbetsmapp.`)
    .refine((p) => !p.split(/[\\/]/).includes('..'), 'Sökvägen får inte innehålla "..". Ange mappens hela sökväg utan att gå uppåt i mappträdet.');

const yearSchema = z
  .number({ error: 'Ange året med fyra siffror, t.ex. 2020.' })
  .int('Ange året med fyra siffror, t.ex. 2020.')
  .min(1000, 'Ange året med fyra siffror, t.ex. 2020.')
  .max(9999, 'Ange året med fyra siffror, t.ex. 2020.');

const certificatesSchema = z
  .array(z.base64({ error: 'Rotcertifikatet måste skickas base64-kodat.' }).min(1, 'Rotcertifikatfilen är tom.').max(14_000_000, 'Rotcertifikatfilen är för stor (högst 10 MB).'))
  .max(50, 'Ange högst 50 rotcertifikat.');

const crlsSchema = z
  .array(z.base64({ error: 'Spärrlistan måste skickas base64-kodad.' }).min(1, 'Spärrlistefilen är tom.').max(70_000_000, 'Spärrlistan är för stor (högst 50 MB).'))
  .max(20, 'Ange högst 20 spärrlistor.');

export const archiveContract = {
  /** Writes the archive package of a board's meetings in a year to a new or empty folder (all or nothing). */
  'archive.export': method<ArchiveExportResult>()(
    z.strictObject({
      boardId: idSchema,
      year: yearSchema,
      directory: folderPathSchema('mappen som arkivpaketet ska skrivas till'),
    }),
  ),
  /**
   * Checks a package folder: METS.xml's structure, every checksum, and every signed PDF against
   * the trust store's root certificates and CRLs, plus those given here (PEM or DER files, base64).
   */
  'archive.verify': method<ArchiveVerification>()(
    z.strictObject({
      directory: folderPathSchema('arkivpaketets mapp'),
      trustAnchorsBase64: certificatesSchema.optional(),
      crlsBase64: crlsSchema.optional(),
    }),
  ),
} as const;
