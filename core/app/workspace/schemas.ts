// Input schemas of the workspace API (validated at the boundary by dispatch). Person references
// are person ids; texts are trimmed; an empty optional text means "none".
import { isValidOrgNumber, ORG_NUMBER_CHECK_MESSAGE, ORG_NUMBER_FORMAT_MESSAGE } from '../../domain/org-number';
import { z } from 'zod';
import '../../api/zod-sv';
import { appealSchema, attendanceCapacities, breakSchema, boardKinds, isoDateSchema, memberRoles, organisationKinds, timeSchema, voteChoices } from '../../format/meeting';
import { optionalEmailSchema } from '../../format/email';
import { richTextSchema } from '../../format/richtext';
import { oslProvisionSchema } from '../../format/provision';

export const refSchema = z.string().min(1, 'Välj en person.').max(100);
const id = z.string().min(1, 'Ett id måste anges.').max(100);

/** Optional free text: '' clears it. */
const optText = (max: number) => z.string().trim().max(max, `Får vara högst ${max} tecken.`);

const nameSchema = z.string().trim().min(1, 'Skriv personens namn.').max(200, 'Namnet får vara högst 200 tecken.');

export const organisationFieldsSchema = z.strictObject({
  name: z.string().trim().min(1, 'Skriv organisationens namn, t.ex. "Luleå kommun".').max(200),
  kind: z.enum(organisationKinds),
  headerName: optText(200).optional(),
  orgNumber: z
    .string()
    .trim()
    .regex(/^(\d{6}-\d{4})?$/, ORG_NUMBER_FORMAT_MESSAGE)
    .refine((v) => v === '' || isValidOrgNumber(v), ORG_NUMBER_CHECK_MESSAGE)
    .optional(),
});

export const boardFieldsSchema = z.strictObject({
  name: z.string().trim().min(1, 'Skriv nämndens namn, t.ex. "Barn- och utbildningsnämnden".').max(200),
  shortName: optText(100).optional(),
  kind: z.enum(boardKinds),
  seats: z
    .number({ message: 'Ange antalet ledamotsplatser som ett heltal.' })
    .int('Ange antalet ledamotsplatser som ett heltal.')
    .min(1, 'Nämnden måste ha minst en ledamotsplats.')
    .max(201, 'Högst 201 ledamotsplatser.'),
  storagePlace: z.string().trim().min(1, 'Ange var protokollen förvaras (förvaringsplats), t.ex. "Kommunkansliet".').max(200),
  noticeBoardUrl: z
    .string()
    .trim()
    .regex(/^(https?:\/\/\S+)?$/, 'Ange anslagstavlans adress med http:// eller https://, eller lämna fältet tomt.')
    .optional(),
});

export const memberFieldsSchema = z.strictObject({
  role: z.enum(memberRoles),
  party: optText(20).optional(),
  represents: optText(200).optional(),
  termStart: isoDateSchema,
  termEnd: isoDateSchema,
  substituteOrder: z.number().int('Ersättarordningen är ett heltal.').min(1, 'Ersättarordningen börjar på 1.').max(999).nullable().optional(),
  substituteForPersonId: id.nullable().optional(),
});

export const memberAddSchema = memberFieldsSchema.extend({
  boardId: id,
  /** A new person by name, or an existing one by id. */
  name: nameSchema.optional(),
  personId: id.optional(),
  /** The person's e-mail address for the kallelse, saved with the member in one transaction ('' for none). */
  email: optionalEmailSchema.optional(),
});

export const memberUpdateSchema = memberFieldsSchema.partial().extend({
  assignmentId: id,
  name: nameSchema.optional(),
  /** As for members.add: '' removes the address. */
  email: optionalEmailSchema.optional(),
});

export const officialFieldsSchema = z.strictObject({
  title: optText(200).optional(),
  organisation: optText(200).optional(),
});

export const attendanceRowSchema = z.strictObject({
  personId: id,
  capacity: z.enum(attendanceCapacities),
  replacesPersonId: id.nullable().optional(),
  fromParagraph: z.number().int().min(1).max(9999).nullable().optional(),
  toParagraph: z.number().int().min(1).max(9999).nullable().optional(),
  note: optText(500).nullable().optional(),
  /** Why a serving substitute was called in out of the substitute order. */
  orderReason: optText(200).nullable().optional(),
  /** Clock time of arrival / departure for this interval, TT:MM (empty: none). */
  fromTime: z
    .union([timeSchema, z.literal('')])
    .nullable()
    .optional(),
  toTime: z
    .union([timeSchema, z.literal('')])
    .nullable()
    .optional(),
});

export const meetingCreateSchema = z.strictObject({
  boardId: id,
  date: isoDateSchema,
  startTime: timeSchema,
  endTime: z.union([timeSchema, z.literal('')]).optional(),
  place: z.string().trim().min(1, 'Ange var sammanträdet hålls, t.ex. "Sessionssalen" eller "Teams".').max(200),
  secretaryId: refSchema,
  chairId: refSchema,
  firstNumber: z.number().int().min(1, 'Paragrafnummer börjar på 1.').max(9999).optional(),
});

export const meetingPatchSchema = z.strictObject({
  date: isoDateSchema.optional(),
  startTime: timeSchema.optional(),
  endTime: timeSchema.nullable().optional(),
  place: z.string().trim().min(1, 'Ange var sammanträdet hålls, t.ex. "Sessionssalen" eller "Teams".').max(200).optional(),
  status: z.enum(['planned', 'held', 'cancelled']).optional(),
  secretaryId: refSchema.optional(),
  chairId: refSchema.optional(),
  justerare: z.array(refSchema).max(2, 'Högst två justerare kan utses.').optional(),
  adjustmentTimePlace: optText(300).nullable().optional(),
  digitalSignatures: z.boolean().optional(),
  noticeSignatoryId: id.nullable().optional(),
  /** Breaks (ajournering): the whole list, in time order. */
  breaks: z.array(breakSchema).max(50).optional(),
  firstNumber: z.number().int().min(1, 'Paragrafnummer börjar på 1.').max(9999).optional(),
});

const voteMeans = (what: string) => z.string().trim().min(1, `Skriv vad ${what} betyder, t.ex. "bifall till ordförandens förslag".`).max(500);

const voteSubject = optText(300).optional();

export const voteInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('open'),
    subject: voteSubject,
    jaMeans: voteMeans('Ja'),
    nejMeans: voteMeans('Nej'),
    votes: z.array(z.strictObject({ person: refSchema, vote: z.enum(voteChoices) })).min(1, 'Registrera minst en röst.'),
    /** Filled in from the chair's vote when omitted; a given one must agree with it. */
    castingVote: z.strictObject({ person: refSchema, side: z.enum(['ja', 'nej']) }).optional(),
  }),
  z.strictObject({
    kind: z.literal('closed'),
    subject: voteSubject,
    jaMeans: voteMeans('Ja'),
    nejMeans: voteMeans('Nej'),
    ja: z.number().int().min(0, 'Antalet röster kan inte vara negativt.').max(999),
    nej: z.number().int().min(0, 'Antalet röster kan inte vara negativt.').max(999),
    avstar: z.number().int().min(0, 'Antalet röster kan inte vara negativt.').max(999),
    lotWinner: z.enum(['ja', 'nej']).optional(),
  }),
]);

const lines = z.array(z.string().trim().max(2000)).max(500);

export const paragraphPatchSchema = z.strictObject({
  title: z.string().trim().min(1, 'Paragrafen måste ha en rubrik. Skriv en rubrik, t.ex. "Val av justerare".').max(500).optional(),
  caseNumber: optText(200).nullable().optional(),
  decision: z
    .strictObject({ numbered: z.boolean(), points: z.array(richTextSchema).max(200) })
    .nullable()
    .optional(),
  summary: richTextSchema.nullable().optional(),
  description: richTextSchema.nullable().optional(),
  body: richTextSchema.nullable().optional(),
  propositionOrder: richTextSchema.nullable().optional(),
  /** Every vote of the §, in order; the list replaces the stored one (an empty list: no vote). */
  votes: z.array(voteInputSchema).max(20, 'Högst 20 omröstningar per paragraf.').optional(),
  decisionDocuments: lines.optional(),
  distribution: lines.optional(),
  motions: z
    .array(z.strictObject({ by: refSchema, text: z.string().trim().max(5000) }))
    .max(100)
    .optional(),
  reservations: z
    .array(z.strictObject({ person: refSchema, reason: optText(5000).optional() }))
    .max(100)
    .optional(),
  protocolNotes: z
    .array(z.strictObject({ by: refSchema.optional(), text: z.string().trim().max(5000) }))
    .max(100)
    .optional(),
  tasks: z
    .array(
      z.strictObject({
        what: z.string().trim().min(1, 'Skriv vad uppdraget gäller.').max(2000),
        responsible: z.string().trim().min(1, 'Skriv vem som ansvarar för uppdraget, t.ex. "Socialchefen".').max(300),
        due: z.union([isoDateSchema, z.literal('')]).optional(),
      }),
    )
    .max(100)
    .optional(),
  /** How the decision is appealed; null or laglighetsprövning: the default. */
  appeal: appealSchema.nullable().optional(),
  immediatelyAdjusted: z.boolean().optional(),
  confidential: oslProvisionSchema.nullable().optional(),
  /** Who chaired the § in the meeting chair's place (a serving member or substitute); null: none recorded. */
  chair: refSchema.nullable().optional(),
});

export type ParagraphPatch = z.output<typeof paragraphPatchSchema>;

export const javInputSchema = z
  .array(
    z.strictObject({
      personId: refSchema,
      note: optText(1000).optional(),
      /** A present substitute who serves in the person's seat for this § only. */
      substituteId: id.nullable().optional(),
    }),
  )
  .max(50);

export const sectionsSchema = z.array(z.strictObject({ heading: z.string().trim().max(500), body: richTextSchema })).max(200);

export const base64Schema = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Filens innehåll måste vara base64-kodat.');

export const searchInputSchema = z.strictObject({
  query: z.string().max(200, 'Sökningen får vara högst 200 tecken.'),
  boardId: id.optional(),
  meetingId: id.optional(),
  /** Only meetings held this year. */
  year: z.number().int().min(1000).max(9999).optional(),
  limit: z.number().int().min(1).max(200).optional(),
});

export { id as workspaceIdSchema };
