// App settings: the RFC 3161 time-stamping service used when signing (PAdES B-T).
import { z } from 'zod';
import type { AppSettings } from '../../app/justering/types';
import { emptyInput, method } from './define';

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

export const settingsContract = {
  'settings.get': method<AppSettings>()(emptyInput),
  'settings.set': method<AppSettings>()(z.strictObject({ tsaUrl: tsaUrlSchema })),
} as const;
