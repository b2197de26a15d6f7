// The kallelse: its PDF, the board's deadline rule, people's e-mail addresses, and sending it as
// e-mail messages (.eml) with the record of when it went to whom.
import { z } from 'zod';
import { KALLELSE_MODES, type KallelseSending, type KallelseStatus } from '../../app/kallelse';
import { optionalEmailSchema as emailSchema } from '../../format/email';
import { idSchema, method } from './define';

export const kallelseContract = {
  /** The meeting's recipients (with or without e-mail), the deadline by the board's rule, handlingar and earlier sendings. */
  'kallelse.status': method<KallelseStatus>()(z.strictObject({ meetingId: idSchema })),
  /** The kallelse with its föredragningslista as a PDF (base64), typeset from the meeting as it is now. */
  'kallelse.pdf': method<{ fileName: string; pdfBase64: string }>()(z.strictObject({ meetingId: idSchema })),
  /**
   * Writes the kallelse as e-mail messages (one per recipient, or one to all in Bcc) with the PDF
   * and the handlingar attached, and records the sending. Late sendings must be confirmed.
   */
  'kallelse.send': method<KallelseSending>()(
    z.strictObject({
      meetingId: idSchema,
      mode: z.enum(KALLELSE_MODES, { error: 'Välj ett meddelande per mottagare eller ett till alla (dold kopia).' }).default('per_recipient'),
      from: emailSchema.refine((v) => v !== '', 'Ange avsändarens e-postadress, t.ex. sekreterare@kommun.se.'),
      includeHandlingar: z.boolean().default(true),
      acceptLate: z.boolean().default(false),
    }),
  ),
  /** One written message as an .eml file (base64). */
  'kallelse.message': method<{ fileName: string; emlBase64: string }>()(z.strictObject({ messageId: idSchema })),
  /** How many days before the meeting the board's kallelse must be sent (its reglemente or arbetsordning). */
  'kallelse.setDaysBefore': method<{ daysBefore: number }>()(
    z.strictObject({
      boardId: idSchema,
      daysBefore: z
        .number({ message: 'Ange antalet dagar som ett heltal.' })
        .int('Ange antalet dagar som ett heltal.')
        .min(0, 'Antalet dagar kan inte vara negativt.')
        .max(90, 'Högst 90 dagar före sammanträdet.'),
    }),
  ),
  /** A person's e-mail address; '' removes it. */
  'people.setEmail': method<{ email: string | null }>()(z.strictObject({ personId: idSchema, email: emailSchema })),
} as const;
