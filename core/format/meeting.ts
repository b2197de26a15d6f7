// The versioned JSON format of one meeting (format "justera-meeting", version 3; version 1 and 2
// files are upgraded on import by upgradeMeetingDocument, one version at a time): what
// `justera import`/`export` move, what the API returns for a meeting, and what templates read.
// Described for people in docs/meeting-format.md; docs/meeting-format.schema.json is generated
// from this file (npm run schema).
import { isValidOrgNumber, ORG_NUMBER_CHECK_MESSAGE, ORG_NUMBER_FORMAT, ORG_NUMBER_FORMAT_MESSAGE } from '../domain/org-number';
import { z } from 'zod';
import '../api/zod-sv';
import { isValidIsoDate } from '../domain/calendar';
import { richTextSchema } from './richtext';
import { emailAddressSchema } from './email';
import { oslProvisionSchema } from './provision';
import { meetingIssues } from '../domain/rules';

export const MEETING_FORMAT = 'justera-meeting';
export const MEETING_FORMAT_VERSION = 3;

export const isoDateSchema = z.string().refine(isValidIsoDate, { message: 'Ange ett datum som finns, i formen ÅÅÅÅ-MM-DD (till exempel 2020-11-05).' });

export const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Ange en tid i formen TT:MM (till exempel 09:00).');

/** A key naming a person inside one file: lower-case letters, digits and hyphens. */
export const personKeySchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'En personnyckel består av små bokstäver a–z, siffror och bindestreck, t.ex. "anders-lundkvist".');

export const organisationKinds = ['kommun', 'region', 'kommunalforbund', 'bolag', 'annan'] as const;
export const boardKinds = ['fullmaktige', 'styrelse', 'namnd', 'gemensam_namnd', 'utskott', 'beredning'] as const;
export const memberRoles = ['ordforande', 'vice_ordforande', 'andre_vice_ordforande', 'ledamot', 'ersattare'] as const;
export const attendanceCapacities = ['member', 'substitute', 'present', 'official', 'absent'] as const;
export const meetingStatuses = ['planned', 'held', 'adjusted', 'cancelled'] as const;
export const voteChoices = ['ja', 'nej', 'avstar'] as const;

export const organisationSchema = z.strictObject({
  name: z.string().trim().min(1, 'Organisationen måste ha ett namn.'),
  kind: z.enum(organisationKinds),
  /** What the page header prints, e.g. "LULEÅ KOMMUN"; defaults to the name in capitals. */
  headerName: z.string().trim().min(1).optional(),
  orgNumber: z.string().regex(ORG_NUMBER_FORMAT, ORG_NUMBER_FORMAT_MESSAGE).refine(isValidOrgNumber, ORG_NUMBER_CHECK_MESSAGE).optional(),
});

export const boardSchema = z.strictObject({
  name: z.string().trim().min(1, 'Nämnden måste ha ett namn.'),
  /** How the text refers to the board, e.g. "E-nämnden". */
  shortName: z.string().trim().min(1).optional(),
  kind: z.enum(boardKinds),
  /** Number of seats (ledamöter); quorum is more than half of them (KL 6 kap. 27 §). */
  seats: z.number().int().min(1).max(201),
  /** Where the adjusted protocol is kept (förvaringsplats). */
  storagePlace: z.string().trim().min(1, 'Ange var protokollet förvaras (förvaringsplats).'),
  noticeBoardUrl: z
    .string()
    .regex(/^https?:\/\/\S+$/, 'Ange anslagstavlans webbadress med http:// eller https://')
    .optional(),
});

export const personSchema = z.strictObject({
  key: personKeySchema,
  name: z.string().trim().min(1, 'Personen måste ha ett namn.'),
  /**
   * The person's e-mail address (where the kallelse is sent). Written by an export only when
   * asked for (`includeEmail`, `justera export --med-e-post`); on import it is stored for a
   * person who has none.
   */
  email: emailAddressSchema.optional(),
});

export const memberSchema = z.strictObject({
  person: personKeySchema,
  role: z.enum(memberRoles),
  party: z.string().trim().max(20).optional(),
  /** What the member represents, e.g. a municipality in a joint board. */
  represents: z.string().trim().optional(),
  termStart: isoDateSchema,
  termEnd: isoDateSchema,
  /** For ersättare: the order in which they are called in (1 first). */
  substituteOrder: z.number().int().min(1).optional(),
  /** For personal substitutes: the member they stand in for. */
  substituteFor: personKeySchema.optional(),
});

export const officialSchema = z.strictObject({
  person: personKeySchema,
  title: z.string().trim().optional(),
  organisation: z.string().trim().optional(),
});

export const attendanceSchema = z.strictObject({
  person: personKeySchema,
  /**
   * member: serving member; substitute: serving in someone's place; present: substitute present,
   * not serving; official; absent: a member who is not there (anmält förhinder), printed under
   * "Ej tjänstgörande ledamöter".
   */
  capacity: z.enum(attendanceCapacities),
  /** For a serving substitute: whose seat. */
  replaces: personKeySchema.optional(),
  /** First § this interval covers (inclusive); absent = from the start. */
  fromParagraph: z.number().int().min(1).optional(),
  /** Last § this interval covers (inclusive); absent = to the end. */
  toParagraph: z.number().int().min(1).optional(),
  /** Free remark printed in the närvarolista, e.g. "Deltar via Teams". */
  note: z.string().optional(),
  /**
   * For a serving substitute called in out of the substitute order (a personal substitute or a
   * lower-numbered one was there and free): why, e.g. "ersättare 2 jävig", "partiöverenskommelse".
   * Printed in the närvarolista; with it the out-of-order warning is answered.
   */
  orderReason: z.string().trim().min(1, 'Skriv varför ersättaren kallades in utanför turordningen, eller ta bort fältet.').max(200).optional(),
  /** Clock time of arrival for this interval ("kl. 14.20"), printed with the § it starts at. */
  fromTime: timeSchema.optional(),
  /** Clock time of departure at the end of this interval ("kl. 15.40"). */
  toTime: timeSchema.optional(),
});

export const motionSchema = z.strictObject({ by: personKeySchema, text: z.string().trim().min(1) });

/** What a vote is about, printed after "Omröstning 1:", e.g. "återremiss eller avgörande i dag". */
const voteSubjectSchema = z.string().trim().min(1, 'Skriv vad omröstningen gäller, eller ta bort fältet subject.').max(300).optional();

export const voteSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('open'),
    subject: voteSubjectSchema,
    /** What Ja and Nej stand for (the proposition), e.g. "bifall till ordförandens förslag". */
    jaMeans: z.string().trim().min(1),
    nejMeans: z.string().trim().min(1),
    votes: z.array(z.strictObject({ person: personKeySchema, vote: z.enum(voteChoices) })).min(1),
    /** A tie is settled by the chair's casting vote (utslagsröst): who, and for which side. */
    castingVote: z.strictObject({ person: personKeySchema, side: z.enum(['ja', 'nej']) }).optional(),
  }),
  z.strictObject({
    kind: z.literal('closed'),
    subject: voteSubjectSchema,
    jaMeans: z.string().trim().min(1),
    nejMeans: z.string().trim().min(1),
    ja: z.number().int().min(0),
    nej: z.number().int().min(0),
    avstar: z.number().int().min(0),
    /** A closed ballot that ties is decided by lot (KL 6 kap. 37 §). */
    lotWinner: z.enum(['ja', 'nej']).optional(),
  }),
]);

/** A follow-up task a decision gives (seed 001): what, who is responsible, by when. */
export const taskSchema = z.strictObject({
  what: z.string().trim().min(1, 'Skriv vad uppdraget gäller.'),
  /** Who carries it out, as written: "Socialchefen", "Arbetsgruppen". */
  responsible: z.string().trim().min(1, 'Skriv vem som ansvarar för uppdraget.'),
  due: isoDateSchema.optional(),
});

export const reservationSchema = z.strictObject({ person: personKeySchema, reason: z.string().trim().optional() });
export const protocolNoteSchema = z.strictObject({ by: personKeySchema.optional(), text: z.string().trim().min(1) });
export const javSchema = z.strictObject({ person: personKeySchema, note: z.string().trim().optional() });

export const attachmentSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('file'),
    title: z.string().trim().min(1),
    filename: z.string().trim().min(1),
    mediaType: z.literal('application/pdf'),
    /** The file, base64. */
    data: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Bilagans data måste vara base64.'),
  }),
  z.strictObject({
    kind: z.literal('document'),
    title: z.string().trim().min(1),
    /** Structured content rendered by the app (e.g. a slide deck's text). */
    sections: z.array(z.strictObject({ heading: z.string(), body: richTextSchema })),
  }),
]);

export const appealKinds = ['laglighetsprovning', 'forvaltningsbesvar', 'ej_overklagbart', 'ingen'] as const;

/**
 * How the decision of a § is appealed, printed on the notice (tillkännagivande) and the notice
 * board. Absent: laglighetsprövning (KL 13 kap.), the default for a municipal decision.
 * forvaltningsbesvar: a special law gives the appeal (e.g. 13 kap. plan- och bygglagen for a
 * bygglov, to Länsstyrelsen within three weeks from notification) — then KL 13 kap. does not apply
 * (KL 13 kap. 2 §). ej_overklagbart: the decision may not be appealed (prints "Beslutet får inte
 * överklagas." with the reason). ingen: nothing is said (an information item without a decision).
 */
export const appealSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('laglighetsprovning') }),
  z.strictObject({
    kind: z.literal('forvaltningsbesvar'),
    /** The provision that gives the appeal, as printed: "13 kap. 3 § plan- och bygglagen (2010:900)". */
    statute: z.string().trim().min(1, 'Ange lagrummet som överklagandet görs enligt, t.ex. "13 kap. 3 § plan- och bygglagen (2010:900)".').max(200),
    /** Who tries the appeal: "Länsstyrelsen i Norrbottens län". */
    authority: z.string().trim().min(1, 'Ange vilken myndighet som prövar överklagandet, t.ex. "Länsstyrelsen i Norrbottens län".').max(200),
    /** Weeks from the day the appellant was notified of the decision (FL 44 §: three). */
    weeks: z.number().int().min(1, 'Tiden för överklagande är minst en vecka.').max(52, 'Ange tiden för överklagande i veckor (högst 52).'),
  }),
  z.strictObject({
    kind: z.literal('ej_overklagbart'),
    /** Why, as printed: "Beslutet är av beredande karaktär (13 kap. 2 § kommunallagen)." */
    reason: z.string().trim().min(1).max(300).optional(),
  }),
  z.strictObject({ kind: z.literal('ingen') }),
]);

export const decisionSchema = z.strictObject({
  /** Whether the points are printed as a numbered list (1., 2., …). */
  numbered: z.boolean(),
  points: z.array(richTextSchema).min(1, 'Ett beslut behöver minst en beslutspunkt.'),
});

export const paragraphSchema = z.strictObject({
  number: z.number().int().min(1, 'Paragrafnummer börjar på 1.').max(9999),
  title: z.string().trim().min(1, 'Paragrafen måste ha en rubrik.'),
  /** As printed, e.g. "2019/258 (Luleå kommun)". */
  caseNumber: z.string().trim().min(1).optional(),
  decision: decisionSchema.optional(),
  summary: richTextSchema.optional(),
  description: richTextSchema.optional(),
  /** Text under no heading, e.g. the sub-headed notes of "Övriga frågor". */
  body: richTextSchema.optional(),
  decisionDocuments: z.array(z.string().trim().min(1)).default([]),
  motions: z.array(motionSchema).default([]),
  propositionOrder: richTextSchema.optional(),
  /**
   * The votes of the §, in the order they were held (e.g. first återremiss or avgörande i dag,
   * then the main vote); each is counted, and checked, on its own.
   */
  votes: z.array(voteSchema).max(20, 'Högst 20 omröstningar per paragraf.').default([]),
  reservations: z.array(reservationSchema).default([]),
  protocolNotes: z.array(protocolNoteSchema).default([]),
  jav: z.array(javSchema).default([]),
  /**
   * Who chaired this § when the meeting's chair did not serve on it (jäv, left early, not yet
   * arrived) and the roster's vice ordförande or andre vice ordförande did not lead it either, or
   * the board chose someone else (KL 6 kap. 20–21 §§). Absent: the meeting's chair, else the vice
   * chairs in turn (core/domain/chair.ts). Must serve on the §.
   */
  chair: personKeySchema.optional(),
  distribution: z.array(z.string().trim().min(1)).default([]),
  /** Follow-up tasks the decision gives, for the follow-up register. */
  tasks: z.array(taskSchema).default([]),
  /** Adjusted at the meeting itself (KL 5 kap. 70 §). */
  immediatelyAdjusted: z.boolean().default(false),
  /** How the decision is appealed; absent: laglighetsprövning (KL 13 kap.). */
  appeal: appealSchema.optional(),
  /** The whole § is covered by secrecy under this OSL provision. */
  confidential: z.strictObject({ provision: oslProvisionSchema }).optional(),
  attachments: z.array(attachmentSchema).default([]),
});

export const noticeSchema = z.strictObject({
  postedOn: isoDateSchema,
  takeDownOn: isoDateSchema,
  takenDownOn: isoDateSchema.optional(),
});

/** "Tid och plats för justering" of an adjustment group: day, optionally time, and place. */
export const groupTimePlaceSchema = z.strictObject({
  date: isoDateSchema,
  time: timeSchema.optional(),
  place: z.string().trim().min(1, 'Ange var justeringen sker, t.ex. "Kommunhuset" eller "Digitalt".').max(200),
});

export const adjustmentGroupSchema = z.strictObject({
  paragraphs: z.array(z.number().int().min(1)).min(1, 'En justeringsgrupp måste omfatta minst en paragraf.'),
  /** Adjusted at the meeting (omedelbar justering). */
  immediate: z.boolean(),
  /**
   * "Tid och plats för justering" of this group: day, optionally the time, and the place. An
   * immediate group is adjusted at the meeting and has none (it prints "Justerat omedelbart vid
   * sammanträdet"). Absent on an ordinary group: the meeting's adjustmentTimePlace applies.
   */
  timePlace: groupTimePlaceSchema.optional(),
  /** The moment the last required signature was applied (ISO 8601 with offset). */
  adjustedAt: z.iso.datetime({ offset: true }).optional(),
  notice: noticeSchema.optional(),
});

/** A break in the meeting (ajournering): from, to, and the § it happened during or after. */
export const breakSchema = z.strictObject({
  start: timeSchema,
  end: timeSchema,
  paragraph: z.number().int().min(1).max(9999),
  when: z.enum(['during', 'after']),
});

export const meetingSchema = z.strictObject({
  date: isoDateSchema,
  startTime: timeSchema,
  endTime: timeSchema.optional(),
  place: z.string().trim().min(1, 'Ange var sammanträdet hålls (lokal eller "Teams").'),
  status: z.enum(meetingStatuses),
  secretary: personKeySchema,
  chair: personKeySchema,
  justerare: z.array(personKeySchema).max(2, 'Högst två justerare kan utses.'),
  /**
   * "Tid och plats för justering", as printed: for the whole protocol when it has no groups, and
   * for every ordinary (not immediate) group without its own timePlace.
   */
  adjustmentTimePlace: z.string().trim().optional(),
  /** Whether the protocol is signed digitally ("[Digitalt signerat, se sista sidan]"). */
  digitalSignatures: z.boolean().default(true),
  /** Who attests the notice (anslagsbevis). */
  noticeSignatory: personKeySchema.optional(),
  /**
   * Breaks (ajournering), in time order: "Sammanträdet ajourneras kl. 15.10–15.25", printed in §
   * `paragraph`, during its handling or after it (`when`).
   */
  breaks: z.array(breakSchema).max(50).optional(),
});

const meetingDocumentBase = z.strictObject({
  format: z.literal(MEETING_FORMAT),
  formatVersion: z.literal(MEETING_FORMAT_VERSION),
  organisation: organisationSchema,
  board: boardSchema,
  people: z.array(personSchema),
  members: z.array(memberSchema),
  officials: z.array(officialSchema).default([]),
  meeting: meetingSchema,
  attendance: z.array(attendanceSchema),
  paragraphs: z.array(paragraphSchema),
  adjustmentGroups: z.array(adjustmentGroupSchema).default([]),
});

export const meetingDocumentSchema = meetingDocumentBase.superRefine((doc, ctx) => {
  for (const issue of crossCheckMeetingDocument(doc)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
});

export type MeetingDocument = z.output<typeof meetingDocumentSchema>;
export type MeetingDocumentInput = z.input<typeof meetingDocumentSchema>;
export type Paragraph = z.output<typeof paragraphSchema>;
export type Attendance = z.output<typeof attendanceSchema>;
export type Break = z.output<typeof breakSchema>;
export type Member = z.output<typeof memberSchema>;
export type Official = z.output<typeof officialSchema>;
export type Person = z.output<typeof personSchema>;
export type Vote = z.output<typeof voteSchema>;
export type Task = z.output<typeof taskSchema>;
export type AdjustmentGroup = z.output<typeof adjustmentGroupSchema>;
export type Attachment = z.output<typeof attachmentSchema>;
export type Appeal = z.output<typeof appealSchema>;
export type AppealKind = (typeof appealKinds)[number];
export type GroupTimePlace = NonNullable<AdjustmentGroup['timePlace']>;
export type MemberRole = (typeof memberRoles)[number];
export type BoardKind = (typeof boardKinds)[number];
export type OrganisationKind = (typeof organisationKinds)[number];
export type MeetingStatus = (typeof meetingStatuses)[number];
export type AttendanceCapacity = (typeof attendanceCapacities)[number];

type Shape = z.output<typeof meetingDocumentBase>;
interface CrossIssue {
  path: (string | number)[];
  message: string;
}

/** Rules that span fields: every person referenced exists, § numbers are unique, groups cover real §§. */
export function crossCheckMeetingDocument(doc: Shape): CrossIssue[] {
  const issues: CrossIssue[] = [];
  const keys = new Set<string>();
  doc.people.forEach((p, i) => {
    if (keys.has(p.key)) issues.push({ path: ['people', i, 'key'], message: `Personnyckeln "${p.key}" förekommer mer än en gång.` });
    keys.add(p.key);
  });
  const ref = (key: string | undefined, path: (string | number)[]) => {
    if (key !== undefined && !keys.has(key)) {
      issues.push({ path, message: `Personen "${key}" finns inte i listan people. Lägg till personen eller rätta nyckeln.` });
    }
  };
  doc.members.forEach((m, i) => {
    ref(m.person, ['members', i, 'person']);
    ref(m.substituteFor, ['members', i, 'substituteFor']);
    if (m.termEnd < m.termStart) issues.push({ path: ['members', i, 'termEnd'], message: 'Mandatperioden slutar före den börjar.' });
  });
  doc.officials.forEach((o, i) => ref(o.person, ['officials', i, 'person']));
  ref(doc.meeting.secretary, ['meeting', 'secretary']);
  ref(doc.meeting.chair, ['meeting', 'chair']);
  ref(doc.meeting.noticeSignatory, ['meeting', 'noticeSignatory']);
  doc.meeting.justerare.forEach((j, i) => ref(j, ['meeting', 'justerare', i]));
  if (doc.meeting.endTime !== undefined && doc.meeting.endTime < doc.meeting.startTime) {
    issues.push({ path: ['meeting', 'endTime'], message: 'Sammanträdet kan inte sluta före det börjar.' });
  }

  const numbers = new Map<number, number>();
  doc.paragraphs.forEach((p, i) => {
    const seen = numbers.get(p.number);
    if (seen !== undefined) {
      issues.push({ path: ['paragraphs', i, 'number'], message: `§ ${p.number} förekommer redan (paragraphs[${seen}]). Varje paragrafnummer får bara användas en gång.` });
    } else numbers.set(p.number, i);
    p.motions.forEach((m, j) => ref(m.by, ['paragraphs', i, 'motions', j, 'by']));
    p.reservations.forEach((r, j) => ref(r.person, ['paragraphs', i, 'reservations', j, 'person']));
    p.protocolNotes.forEach((n, j) => ref(n.by, ['paragraphs', i, 'protocolNotes', j, 'by']));
    p.jav.forEach((r, j) => ref(r.person, ['paragraphs', i, 'jav', j, 'person']));
    ref(p.chair, ['paragraphs', i, 'chair']);
    p.votes.forEach((vote, k) => {
      if (vote.kind !== 'open') return;
      vote.votes.forEach((v, j) => ref(v.person, ['paragraphs', i, 'votes', k, 'votes', j, 'person']));
      ref(vote.castingVote?.person, ['paragraphs', i, 'votes', k, 'castingVote', 'person']);
    });
  });
  doc.paragraphs.forEach((p, i) => {
    if (i > 0 && p.number <= (doc.paragraphs[i - 1]?.number ?? 0) && numbers.get(p.number) === i) {
      issues.push({ path: ['paragraphs', i, 'number'], message: `Paragraferna ska stå i nummerordning; § ${p.number} kommer efter § ${doc.paragraphs[i - 1]?.number}.` });
    }
  });

  doc.attendance.forEach((a, i) => {
    ref(a.person, ['attendance', i, 'person']);
    ref(a.replaces, ['attendance', i, 'replaces']);
    if (a.orderReason !== undefined && a.capacity !== 'substitute') {
      issues.push({ path: ['attendance', i, 'orderReason'], message: 'Bara en tjänstgörande ersättare (capacity "substitute") kan vara inkallad utanför turordningen.' });
    }
    if (a.replaces !== undefined && a.capacity !== 'substitute') {
      issues.push({ path: ['attendance', i, 'replaces'], message: 'Bara en tjänstgörande ersättare (capacity "substitute") ersätter någon.' });
    }
    for (const field of ['fromParagraph', 'toParagraph'] as const) {
      const n = a[field];
      if (n !== undefined && !numbers.has(n)) issues.push({ path: ['attendance', i, field], message: `§ ${n} finns inte i sammanträdet.` });
    }
    if (a.fromParagraph !== undefined && a.toParagraph !== undefined && a.toParagraph < a.fromParagraph) {
      issues.push({ path: ['attendance', i, 'toParagraph'], message: 'Närvaron slutar före den börjar.' });
    }
  });

  const grouped = new Map<number, number>();
  doc.adjustmentGroups.forEach((g, i) => {
    g.paragraphs.forEach((n, j) => {
      if (!numbers.has(n)) issues.push({ path: ['adjustmentGroups', i, 'paragraphs', j], message: `§ ${n} finns inte i sammanträdet.` });
      const other = grouped.get(n);
      if (other !== undefined) issues.push({ path: ['adjustmentGroups', i, 'paragraphs', j], message: `§ ${n} ingår redan i justeringsgrupp ${other + 1}.` });
      grouped.set(n, i);
    });
    if (g.notice && g.adjustedAt === undefined) {
      issues.push({ path: ['adjustmentGroups', i, 'notice'], message: 'Ett anslag kan bara finnas för en justerad grupp (adjustedAt saknas).' });
    }
  });
  // The rules of the law (votes, reservations, presence, justerare) once every reference resolves,
  // in the same words the workspace and its problem list use.
  if (issues.length === 0) {
    const names = new Map(doc.people.map((p) => [p.key, p.name]));
    issues.push(...meetingIssues(doc, (k) => names.get(k) ?? k));
  }
  return issues;
}

type RawDocument = Record<string, unknown>;

/**
 * Version 1 → 2. Version 1 had no castingVote: the chair's Ja or Nej in a tied open vote was the
 * casting vote, so it is written out as one; nothing else changed.
 */
function upgrade1to2(doc: RawDocument): RawDocument {
  const meeting = doc.meeting as { chair?: unknown } | undefined;
  const chair = typeof meeting?.chair === 'string' ? meeting.chair : undefined;
  if (Array.isArray(doc.paragraphs)) {
    for (const p of doc.paragraphs as unknown[]) {
      if (p === null || typeof p !== 'object') continue;
      const vote = (p as { vote?: unknown }).vote as { kind?: unknown; votes?: unknown; castingVote?: unknown } | undefined;
      if (vote?.kind !== 'open' || !Array.isArray(vote.votes) || chair === undefined) continue;
      const entries = vote.votes as { person?: unknown; vote?: unknown }[];
      const ja = entries.filter((v) => v?.vote === 'ja').length;
      const nej = entries.filter((v) => v?.vote === 'nej').length;
      const chairVote = entries.find((v) => v?.person === chair)?.vote;
      if (ja === nej && (chairVote === 'ja' || chairVote === 'nej')) vote.castingVote = { person: chair, side: chairVote };
    }
  }
  return doc;
}

/**
 * Version 2 → 3: a § had at most one vote (`vote`); version 3 has a list (`votes`), so the one
 * vote becomes the list's only element. Nothing else changes meaning.
 */
function upgrade2to3(doc: RawDocument): RawDocument {
  if (Array.isArray(doc.paragraphs)) {
    doc.paragraphs = (doc.paragraphs as unknown[]).map((p) => (p !== null && typeof p === 'object' && !Array.isArray(p) ? withVoteList(p as Record<string, unknown>) : p));
  }
  return doc;
}

/**
 * A § (file or stored content) whose single `vote` (format version 2 and earlier) becomes the
 * list `votes`; one that already has `votes`, or neither, is returned as it is. Paragraph content
 * stored in the database before version 3 is read through this, so no row has to be rewritten
 * (adjusted §§ cannot be, by design).
 */
export function withVoteList<T extends object>(p: T): T {
  if (!('vote' in p) || 'votes' in p) return p;
  const { vote, ...rest } = p as T & { vote?: unknown };
  return { ...rest, votes: vote === undefined || vote === null ? [] : [vote] } as unknown as T;
}

/** The steps, by the version they start from; each returns the next version's document. */
const upgrades: Record<number, (doc: RawDocument) => RawDocument> = { 1: upgrade1to2, 2: upgrade2to3 };

/**
 * An older file brought up to the current version, so old exports still import: the steps run
 * one after the other (1 → 2 → 3), on a copy. Anything that is not an older meeting document is
 * returned as it is (the schema then says what is wrong with it).
 */
export function upgradeMeetingDocument(raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const doc = raw as RawDocument;
  if (doc.format !== MEETING_FORMAT || typeof doc.formatVersion !== 'number' || upgrades[doc.formatVersion] === undefined) return raw;
  let copy = structuredClone(doc);
  while (typeof copy.formatVersion === 'number' && copy.formatVersion < MEETING_FORMAT_VERSION) {
    const step = upgrades[copy.formatVersion];
    if (step === undefined) break;
    const from: number = copy.formatVersion;
    copy = step(copy);
    copy.formatVersion = from + 1;
  }
  return copy;
}

/** A stored snapshot (a frozen version's document, which is never rewritten) with every § read through withVoteList. */
export function withVoteLists<T extends { paragraphs: readonly object[] }>(doc: T): T {
  return doc.paragraphs.some((p) => 'vote' in p) ? { ...doc, paragraphs: doc.paragraphs.map(withVoteList) } : doc;
}
