// The one e-mail address rule: a person's address (the kallelse goes there) is checked the same
// way in the member dialog, the API (people.setEmail, kallelse.send), the meeting format
// (people[].email) and the member list CSV (column E-post). The check itself is the one the .eml
// writer uses (core/format/mime.ts), so every stored address can be written into a message.
import { z } from 'zod';
import { isValidMailAddress } from './mime';

export const EMAIL_MAX_LENGTH = 254;
export const EMAIL_FORMAT_MESSAGE = 'Skriv e-postadressen som namn@exempel.se (utan mellanslag och utan namn före).';
export const EMAIL_LENGTH_MESSAGE = `E-postadressen får vara högst ${EMAIL_MAX_LENGTH} tecken.`;

/** Why `value` (already trimmed) is no usable address, or null when it is one. */
export function emailProblem(value: string): string | null {
  if (value.length > EMAIL_MAX_LENGTH) return EMAIL_LENGTH_MESSAGE;
  return isValidMailAddress(value) ? null : EMAIL_FORMAT_MESSAGE;
}

/** An address, trimmed; never empty. */
export const emailAddressSchema = z.string().trim().max(EMAIL_MAX_LENGTH, EMAIL_LENGTH_MESSAGE).refine(isValidMailAddress, EMAIL_FORMAT_MESSAGE);

/** An address or '' (no address). */
export const optionalEmailSchema = z
  .string()
  .trim()
  .max(EMAIL_MAX_LENGTH, EMAIL_LENGTH_MESSAGE)
  .refine((v) => v === '' || isValidMailAddress(v), EMAIL_FORMAT_MESSAGE);
