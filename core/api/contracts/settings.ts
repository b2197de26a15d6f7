// App settings: the RFC 3161 time-stamping service used when signing (PAdES B-T).
import { z } from 'zod';
import type { SignServiceSetting } from '../../app/justering/sign-services';
import type { AppSettings } from '../../app/justering/types';
import { emptyInput, idSchema, method } from './define';

function isHttpUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

const tsaUrlSchema = z
  .string()
  .trim()
  .nullable()
  .transform((v) => (v === '' ? null : v))
  .refine(
    (v) => v === null || isHttpUrl(v),
    'Ange tidsstämpeltjänstens adress som en http- eller https-adress, t.ex. https://tidsstampel.example.se/tsa, eller lämna den tom för att skriva under utan tidsstämpel.',
  );

const text = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Ange ${what}.`)
    .max(1000, `${what[0]?.toUpperCase() ?? ''}${what.slice(1)} är för lång.`);

const entityId = (what: string) =>
  text(what).refine((v) => /^(https?:\/\/|urn:)\S+$/.test(v), `Ange ${what} som en URL eller URN, så som den står i tjänstens SAML-metadata (t.ex. https://sign.example.se/signservice).`);

/** An absolute path on this computer; not a network (UNC) path. */
const localPath = (what: string) =>
  text(what).refine(
    (v) => (v.startsWith('/') || /^[A-Za-z]:[\\/]/.test(v)) && !v.startsWith('//') && !v.startsWith('\\\\'),
    `Ange ${what} som en fullständig sökväg på den här datorn (t.ex. /etc/justera/underskrift.p12 eller C:\\Justera\\underskrift.p12), inte en nätverkssökväg.`,
  );

function isCertificatePem(v: string): boolean {
  const m = /^-----BEGIN CERTIFICATE-----\s*([A-Za-z0-9+/=\s]+?)\s*-----END CERTIFICATE-----\s*$/.exec(v.trim());
  if (!m?.[1]) return false;
  const b64 = m[1].replace(/\s+/g, '');
  return b64.length > 100 && b64.length % 4 === 0 && b64.startsWith('MII');
}

export const signServiceInputSchema = z.strictObject({
  id: idSchema.optional(),
  name: text('ett namn på underskriftstjänsten').max(100, 'Namnet får vara högst 100 tecken.'),
  signServiceEntityId: entityId('underskriftstjänstens entityID'),
  signServiceUrl: z
    .string()
    .trim()
    .refine((v) => isHttpUrl(v), 'Ange underskriftstjänstens adress som en https-adress, t.ex. https://sign.example.se/sign/request.'),
  serviceCertificatePem: z
    .string()
    .refine(isCertificatePem, 'Klistra in underskriftstjänstens certifikat i PEM-form (-----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----), så som det står i tjänstens metadata.'),
  identityProvider: entityId('legitimeringstjänstens entityID (t.ex. BankID:s eller Freja eID+:s)'),
  requesterEntityId: entityId('kommunens entityID hos underskriftstjänsten'),
  requesterP12Path: localPath('sökvägen till kommunens PKCS#12-fil'),
  requesterPasswordFile: localPath('sökvägen till filen med PKCS#12-filens lösenord'),
  loa: z.enum(['loa2', 'loa3', 'loa4'], 'Välj tillitsnivå: loa2, loa3 eller loa4.'),
});

export const settingsContract = {
  'settings.get': method<AppSettings>()(emptyInput),
  'settings.set': method<AppSettings>()(z.strictObject({ tsaUrl: tsaUrlSchema })),
  'settings.signServices.list': method<{ services: SignServiceSetting[] }>()(emptyInput),
  'settings.signServices.save': method<SignServiceSetting>()(signServiceInputSchema),
  'settings.signServices.remove': method<{ removed: boolean }>()(z.strictObject({ id: idSchema })),
} as const;
