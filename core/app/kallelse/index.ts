// Sending the kallelse: the kallelse PDF (with its föredragningslista) and the §§' handlingar as
// e-mail messages (.eml) to the board's members and substitutes, one per recipient or one to all
// in Bcc, opened as drafts in the user's mail program; and the record of when it went to whom.
// The deadline is the board's rule (days before the meeting, from its reglemente/arbetsordning).
import { AppError } from '../../api/errors';
import { addDays, stockholmDay, weekdayName } from '../../domain/calendar';
import { buildKallelseData } from '../../documents/kallelse';
import type { KallelseData } from '../../documents/types';
import type { BoardKind, MeetingDocument, MemberRole } from '../../format/meeting';
import { buildMessage, isValidMailAddress, stockholmOffsetMinutes, type MailAddress, type MailAttachment } from '../../format/mime';
import type { Clock, IdGenerator, Store } from '../ports';

export const KALLELSE_MODES = ['per_recipient', 'bcc'] as const;
export type KallelseMode = (typeof KALLELSE_MODES)[number];

/** The default when the board has not set its own: a week, as fullmäktige's tillkännagivande (KL 5 kap. 53 §). */
export const DEFAULT_DAYS_BEFORE = 7;

export interface KallelseRecipient {
  personId: string;
  name: string;
  role: MemberRole;
  /** Null: "saknar e-postadress". */
  email: string | null;
}

export interface KallelseHandling {
  paragraph: number;
  title: string;
  fileName: string;
  size: number;
  /** False for a § under secrecy (OSL): its handlingar are never e-mailed. */
  attached: boolean;
  confidentialProvision: string | null;
}

export interface SentMessage {
  id: string;
  fileName: string;
  to: string[];
}

export interface KallelseSending {
  id: string;
  meetingId: string;
  sentAt: string;
  mode: KallelseMode;
  from: string;
  daysBefore: number;
  deadline: string;
  late: boolean;
  recipients: { personId: string; name: string; role: MemberRole; email: string }[];
  missing: { personId: string; name: string; role: MemberRole }[];
  files: { fileName: string; sha256: string; size: number }[];
  messages: SentMessage[];
  actor: string;
}

export interface KallelseStatus {
  meetingId: string;
  boardId: string;
  boardName: string;
  boardKind: BoardKind;
  meetingDate: string;
  daysBefore: number;
  /** The last day to send it in time (ÅÅÅÅ-MM-DD). */
  deadline: string;
  today: string;
  /** Sending today would be late. */
  late: boolean;
  recipients: KallelseRecipient[];
  handlingar: KallelseHandling[];
  /** The secretary's address, the default sender; null when unknown. */
  defaultFrom: string | null;
  /** Newest first. */
  sendings: KallelseSending[];
}

export interface StoredHandling {
  paragraph: number;
  title: string;
  fileName: string;
  mediaType: string;
  data: Uint8Array;
  confidentialProvision: string | null;
}

export interface KallelseStore {
  board(boardId: string): { id: string; name: string; kind: BoardKind; daysBefore: number } | null;
  setDaysBefore(boardId: string, days: number): void;
  /** Members and substitutes of the meeting's board on its day (term covers it, not retired by then), in roster order. */
  roster(meetingId: string): { personId: string; name: string; role: MemberRole; substituteOrder: number | null; email: string | null }[];
  /** The e-mail address of the meeting's secretary, null when unknown. */
  secretaryEmail(meetingId: string): string | null;
  setEmail(personId: string, email: string | null): boolean;
  handlingar(meetingId: string): StoredHandling[];
  insertSending(s: Omit<KallelseSending, 'messages'>, messages: { id: string; fileName: string; to: string[]; eml: Uint8Array }[]): void;
  sendings(meetingId: string): KallelseSending[];
  message(messageId: string): { fileName: string; eml: Uint8Array } | null;
}

export interface KallelseDeps {
  store: Store;
  kallelse: KallelseStore;
  clock: Clock;
  ids: IdGenerator;
  actor: string;
  render(data: KallelseData): Promise<Uint8Array>;
  sha256(data: Uint8Array): string;
}

const notFound = () => new AppError('not_found', 'Sammanträdet finns inte (det kan ha tagits bort). Gå tillbaka till nämnden och välj ett sammanträde.');

function loadMeeting(deps: KallelseDeps, meetingId: string): { doc: MeetingDocument; boardId: string } {
  const loaded = deps.store.loadMeeting(meetingId);
  if (loaded === null) throw notFound();
  return { doc: loaded.doc, boardId: loaded.ids.boardId };
}

function boardOf(deps: KallelseDeps, boardId: string) {
  const b = deps.kallelse.board(boardId);
  if (b === null) throw new AppError('not_found', 'Nämnden finns inte (den kan ha tagits bort).');
  return b;
}

/** Members first (in roster order), then substitutes in their order; a person once. */
function recipientsOf(deps: KallelseDeps, meetingId: string): KallelseRecipient[] {
  const roster = deps.kallelse.roster(meetingId);
  const ordered = [
    ...roster.filter((x) => x.role !== 'ersattare'),
    ...roster.filter((x) => x.role === 'ersattare').sort((a, b) => (a.substituteOrder ?? Number.MAX_SAFE_INTEGER) - (b.substituteOrder ?? Number.MAX_SAFE_INTEGER)),
  ];
  const seen = new Set<string>();
  return ordered.filter((m) => (seen.has(m.personId) ? false : (seen.add(m.personId), true))).map((m) => ({ personId: m.personId, name: m.name, role: m.role, email: m.email }));
}

export function deadlineOf(meetingDate: string, daysBefore: number): string {
  return addDays(meetingDate, -daysBefore);
}

export function kallelseStatus(deps: KallelseDeps, input: { meetingId: string }): KallelseStatus {
  const { doc, boardId } = loadMeeting(deps, input.meetingId);
  const board = boardOf(deps, boardId);
  const today = stockholmDay(deps.clock.now()) ?? doc.meeting.date;
  const deadline = deadlineOf(doc.meeting.date, board.daysBefore);
  const handlingar = deps.kallelse.handlingar(input.meetingId).map((h) => ({
    paragraph: h.paragraph,
    title: h.title,
    fileName: h.fileName,
    size: h.data.length,
    attached: h.confidentialProvision === null,
    confidentialProvision: h.confidentialProvision,
  }));
  return {
    meetingId: input.meetingId,
    boardId,
    boardName: board.name,
    boardKind: board.kind,
    meetingDate: doc.meeting.date,
    daysBefore: board.daysBefore,
    deadline,
    today,
    late: today > deadline,
    recipients: recipientsOf(deps, input.meetingId),
    handlingar,
    defaultFrom: deps.kallelse.secretaryEmail(input.meetingId),
    sendings: deps.kallelse.sendings(input.meetingId),
  };
}

export function setDaysBefore(deps: KallelseDeps, input: { boardId: string; daysBefore: number }): { daysBefore: number } {
  const board = boardOf(deps, input.boardId);
  deps.store.transaction(() => {
    deps.kallelse.setDaysBefore(board.id, input.daysBefore);
    deps.store.audit({ action: 'board.kallelseDaysBefore', entity: 'board', entityId: board.id, details: { from: board.daysBefore, to: input.daysBefore } });
  });
  return { daysBefore: input.daysBefore };
}

export function setEmail(deps: KallelseDeps, input: { personId: string; email: string }): { email: string | null } {
  const email = input.email === '' ? null : input.email;
  deps.store.transaction(() => {
    if (!deps.kallelse.setEmail(input.personId, email)) throw new AppError('not_found', 'Personen finns inte (den kan ha tagits bort).');
    deps.store.audit({ action: 'person.email', entity: 'person', entityId: input.personId, details: { email } });
  });
  return { email };
}

/** Characters no file system accepts in a name, and control characters. */
function safeFileName(name: string): string {
  const clean = [...name]
    .map((c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? ' ' : c))
    .join('')
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return [...clean].slice(0, 150).join('');
}

export function kallelsePdfName(doc: MeetingDocument): string {
  return safeFileName(`Kallelse ${doc.board.name} ${doc.meeting.date}.pdf`);
}

function messageText(doc: MeetingDocument, data: KallelseData, handlingar: number): string {
  const m = doc.meeting;
  const names = new Map(doc.people.map((p) => [p.key, p.name]));
  const secretary = names.get(m.secretary) ?? '';
  const time = m.endTime === undefined ? m.startTime : `${m.startTime}–${m.endTime}`;
  const lines = [
    'Hej!',
    '',
    `Du kallas till sammanträde med ${doc.board.name} ${weekdayName(m.date)} ${m.date} kl. ${time}, ${m.place}.`,
    '',
    handlingar === 0
      ? 'Kallelsen med föredragningslistan finns i den bifogade PDF-filen.'
      : `Kallelsen med föredragningslistan finns i den bifogade PDF-filen, och handlingarna i ${handlingar === 1 ? 'en bifogad fil' : `${handlingar} bifogade filer`}.`,
    '',
    'Föredragningslista:',
    ...data.agenda.map((a) => `${a.number}. ${a.title}${a.caseNumber === undefined ? '' : ` (${a.caseNumber})`}`),
    '',
    `Kan du inte delta? Anmäl förhinder till sekreteraren ${secretary} så snart som möjligt, så att en ersättare kan kallas in.`,
    '',
    'Med vänlig hälsning',
    secretary,
    doc.board.name,
  ];
  return lines.join('\n');
}

export interface SendInput {
  meetingId: string;
  mode: KallelseMode;
  from: string;
  includeHandlingar: boolean;
  /** Sending after the deadline must be confirmed. */
  acceptLate: boolean;
}

export async function sendKallelse(deps: KallelseDeps, input: SendInput): Promise<KallelseSending> {
  const status = kallelseStatus(deps, { meetingId: input.meetingId });
  const { doc } = loadMeeting(deps, input.meetingId);
  if (!isValidMailAddress(input.from)) {
    throw new AppError('validation', 'Ange avsändarens e-postadress, t.ex. sekreterare@kommun.se.', { issues: [{ path: 'from', message: 'Ogiltig e-postadress.' }] });
  }
  const reachable = status.recipients.filter((r): r is KallelseRecipient & { email: string } => r.email !== null);
  const missing = status.recipients.filter((r) => r.email === null).map((r) => ({ personId: r.personId, name: r.name, role: r.role }));
  if (reachable.length === 0) {
    throw new AppError(
      'validation',
      status.recipients.length === 0
        ? 'Nämnden har inga ledamöter eller ersättare på sammanträdesdagen. Lägg till dem på nämndens sida först.'
        : 'Ingen av ledamöterna och ersättarna har en e-postadress. Lägg till e-postadresser på nämndens sida (Ändra ledamot).',
    );
  }
  if (status.late && !input.acceptLate) {
    throw new AppError(
      'conflict',
      `Kallelsen skickas för sent: enligt nämndens regler ska den skickas senast ${status.daysBefore} dagar före sammanträdet, dvs. senast ${status.deadline}. Bekräfta att du ändå vill skicka den.`,
      { deadline: status.deadline, daysBefore: status.daysBefore },
    );
  }

  const now = deps.clock.now();
  const sentAt = now.toISOString();
  const data = buildKallelseData(doc, { generatedAt: sentAt });
  const pdf = await deps.render(data);
  const pdfName = kallelsePdfName(doc);
  const attachments: MailAttachment[] = [{ fileName: pdfName, contentType: 'application/pdf', data: pdf }];
  if (input.includeHandlingar) {
    for (const h of deps.kallelse.handlingar(input.meetingId)) {
      if (h.confidentialProvision !== null) continue;
      attachments.push({ fileName: safeFileName(h.fileName), contentType: /^[a-z0-9.+-]+\/[a-z0-9.+-]+$/i.test(h.mediaType) ? h.mediaType : 'application/octet-stream', data: h.data });
    }
  }
  const text = messageText(doc, data, attachments.length - 1);
  const subject = `Kallelse till sammanträde med ${doc.board.name} ${doc.meeting.date}`;
  const from: MailAddress = { name: '', address: input.from };
  const offset = stockholmOffsetMinutes(now);
  const domain = input.from.slice(input.from.indexOf('@') + 1);
  const encoder = new TextEncoder();

  const messages: { id: string; fileName: string; to: string[]; eml: Uint8Array }[] = [];
  const write = (to: MailAddress[], bcc: MailAddress[], fileName: string) => {
    const id = deps.ids.next();
    const eml = buildMessage({ from, to, bcc, subject, date: now, utcOffsetMinutes: offset, messageId: `kallelse.${id.replace(/[^A-Za-z0-9.-]/g, '')}@${domain}`, text, attachments, draft: true });
    messages.push({ id, fileName: safeFileName(fileName), to: [...to, ...bcc].map((a) => a.address), eml: encoder.encode(eml) });
  };
  if (input.mode === 'per_recipient') {
    reachable.forEach((r, i) => write([{ name: r.name, address: r.email }], [], `Kallelse ${doc.meeting.date} ${String(i + 1).padStart(2, '0')} ${r.name}.eml`));
  } else {
    write(
      [from],
      reachable.map((r) => ({ name: r.name, address: r.email })),
      `Kallelse ${doc.meeting.date} alla mottagare.eml`,
    );
  }

  const sending: Omit<KallelseSending, 'messages'> = {
    id: deps.ids.next(),
    meetingId: input.meetingId,
    sentAt,
    mode: input.mode,
    from: input.from,
    daysBefore: status.daysBefore,
    deadline: status.deadline,
    late: status.late,
    recipients: reachable.map((r) => ({ personId: r.personId, name: r.name, role: r.role, email: r.email })),
    missing,
    files: attachments.map((a) => ({ fileName: a.fileName, sha256: deps.sha256(a.data), size: a.data.length })),
    actor: deps.actor,
  };
  deps.store.transaction(() => {
    deps.kallelse.insertSending(sending, messages);
    deps.store.audit({
      action: 'kallelse.sent',
      entity: 'meeting',
      entityId: input.meetingId,
      details: { sendingId: sending.id, mode: input.mode, recipients: reachable.length, missing: missing.length, late: status.late, deadline: status.deadline },
    });
  });
  return { ...sending, messages: messages.map((m) => ({ id: m.id, fileName: m.fileName, to: m.to })) };
}

export async function kallelsePdf(deps: KallelseDeps, input: { meetingId: string }): Promise<{ fileName: string; pdf: Uint8Array }> {
  const { doc } = loadMeeting(deps, input.meetingId);
  const pdf = await deps.render(buildKallelseData(doc, { generatedAt: deps.clock.now().toISOString() }));
  return { fileName: kallelsePdfName(doc), pdf };
}

export function kallelseMessage(deps: KallelseDeps, input: { messageId: string }): { fileName: string; eml: Uint8Array } {
  const m = deps.kallelse.message(input.messageId);
  if (m === null) throw new AppError('not_found', 'Meddelandet finns inte. Skicka kallelsen på nytt.');
  return m;
}
