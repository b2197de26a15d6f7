// One § as the protocol prints it: heading, case number, presence changes and its sections in
// the order Swedish protocols use (jäv, beslut, reservationer, ärendet, underlag, yrkanden …).
import type { Break, MeetingDocument, Paragraph, Vote } from '../format/meeting';
import { para, plainText, type RichText } from '../format/richtext';
import { oslLabel } from '../format/provision';
import type { ParagraphSection, ParagraphView, Statement, VoteView } from './types';
import type { People } from './people';
import { presenceNotes, type PresenceSource } from './presence-notes';
import { countVote, voteResultText } from './vote';
import { quorumOn } from '../domain/presence';
import { notQuorateText } from '../domain/rules';
import { actingChair, chairAbsence, chairAbsenceText, type ActingChair } from '../domain/chair';

export const IMMEDIATE_POINT = 'Paragrafen anses omedelbart justerad.';

/** Whether § n was adjusted at the meeting, by its own flag or by an immediate group. */
export function isImmediatelyAdjusted(doc: MeetingDocument, n: number): boolean {
  const p = doc.paragraphs.find((x) => x.number === n);
  return (p?.immediatelyAdjusted ?? false) || doc.adjustmentGroups.some((g) => g.immediate && g.paragraphs.includes(n));
}

/** `whole`: the whole meeting when `doc` holds only some of its §§ (presence sentences name the real §). */
export function buildParagraph(doc: MeetingDocument, p: Paragraph, people: People, whole: PresenceSource = doc): ParagraphView {
  const board = doc.board.shortName ?? doc.board.name;
  const sections: ParagraphSection[] = [];
  const who = (key: string) => people.withParty(key);

  const q = quorumOn(doc, p.number);
  if (!q.met) sections.push({ kind: 'statements', heading: 'Beslutförhet', items: [{ text: notQuorateText(board, { number: p.number, ...q }) }] });
  if (p.jav.length > 0) {
    const items = p.jav.map((j) => withDetail(`${who(j.person)} anmäler jäv och deltar inte i handläggningen av ärendet.`, j.note));
    sections.push({ kind: 'statements', heading: 'Jäv', items });
  }
  const acting = actingChair(doc, p.number);
  const chairText = actingChairText(doc, p.number, acting, people, whole);
  if (chairText !== null) sections.push({ kind: 'statements', heading: 'Ordförande under paragrafen', items: [{ text: chairText }] });
  if (p.decision !== undefined) {
    sections.push({ kind: 'decision', heading: 'Beslut', numbered: p.decision.numbered, points: decisionPoints(doc, p) });
  }
  if (p.reservations.length > 0) {
    const items = p.reservations.map((r) => withDetail(`${who(r.person)} reserverar sig mot beslutet.`, r.reason));
    sections.push({ kind: 'statements', heading: p.reservations.length === 1 ? 'Reservation' : 'Reservationer', items });
  }
  pushText(sections, 'Sammanfattning av ärendet', p.summary);
  pushText(sections, 'Beskrivning av ärendet', p.description);
  pushText(sections, undefined, p.body);
  if (p.decisionDocuments.length > 0) sections.push({ kind: 'list', heading: 'Beslutsunderlag', items: [...p.decisionDocuments] });
  if (p.motions.length > 0) {
    sections.push({ kind: 'statements', heading: 'Yrkanden', items: p.motions.map((m) => ({ text: motionText(who(m.by), m.text) })) });
  }
  pushText(sections, 'Propositionsordning', p.propositionOrder);
  p.votes.forEach((vote, k) => {
    sections.push({ kind: 'vote', heading: voteHeading(vote, k, p.votes.length), vote: voteView(vote, acting?.person ?? '', board, people, p.number, { index: k, count: p.votes.length }) });
  });
  if (p.protocolNotes.length > 0) {
    const items = p.protocolNotes.map((n): Statement => (n.by === undefined ? { text: n.text } : { text: `${who(n.by)} antecknar följande till protokollet:`, detail: n.text }));
    sections.push({ kind: 'statements', heading: p.protocolNotes.length === 1 ? 'Protokollsanteckning' : 'Protokollsanteckningar', items });
  }
  if (p.distribution.length > 0) sections.push({ kind: 'list', heading: 'Expedieras till', items: [...p.distribution] });
  const breaks = (doc.meeting.breaks ?? []).filter((b) => b.paragraph === p.number);
  if (breaks.length > 0) sections.push({ kind: 'statements', heading: breaks.length === 1 ? 'Ajournering' : 'Ajourneringar', items: breaks.map((b) => ({ text: breakText(b) })) });

  return {
    number: p.number,
    label: `§ ${p.number}`,
    title: p.title,
    ...(p.caseNumber === undefined ? {} : { caseNumber: `Ärendenr ${p.caseNumber}` }),
    ...(p.confidential === undefined ? {} : { confidential: `Sekretess enligt ${oslLabel(p.confidential.provision)}` }),
    presenceNotes: presenceNotes(doc, p.number, people, whole),
    sections,
  };
}

/**
 * Who chaired § n when the meeting's chair did not: "Anna Andersson (S), vice ordförande, då
 * ordföranden Kalle Karlsson (S) har anmält jäv." Null when the chair led it (the reference
 * protocol) or nobody is known (the problem list asks for one; such a § cannot be frozen).
 */
export function actingChairText(doc: MeetingDocument, n: number, acting: ActingChair | null, people: People, whole: PresenceSource = doc): string | null {
  if (acting === null || acting.basis === 'meeting') return null;
  const absence = chairAbsence(doc, n, whole);
  const role = people.member(acting.person)?.role;
  const title = role === 'vice_ordforande' ? 'vice ordförande' : role === 'andre_vice_ordforande' ? 'andre vice ordförande' : null;
  const why = absence === null ? '' : `, då ordföranden ${people.withParty(doc.meeting.chair)} ${chairAbsenceText(absence)}`;
  return `${people.withParty(acting.person)}${title === null ? '' : `, ${title}`}${why}.`;
}

/** "Sammanträdet ajourneras kl. 15.10–15.25." (during the §) or "… efter § 33." */
export function breakText(b: Break): string {
  const span = `kl. ${b.start.replace(':', '.')}–${b.end.replace(':', '.')}`;
  return b.when === 'after' ? `Sammanträdet ajourneras efter § ${b.paragraph}, ${span}.` : `Sammanträdet ajourneras ${span}.`;
}

/** The decision points; an immediately adjusted § ends with the point saying so, as in the seed. */
function decisionPoints(doc: MeetingDocument, p: Paragraph): RichText[] {
  const points = [...(p.decision?.points ?? [])];
  const saysSo = points.some((point) => /omedelbart justera/i.test(plainText(point)));
  if (isImmediatelyAdjusted(doc, p.number) && !saysSo) points.push([para(IMMEDIATE_POINT)]);
  return points;
}

function pushText(sections: ParagraphSection[], heading: string | undefined, blocks: RichText | undefined): void {
  if (blocks === undefined || blocks.length === 0) return;
  sections.push(heading === undefined ? { kind: 'text', blocks } : { kind: 'text', heading, blocks });
}

function withDetail(text: string, detail: string | undefined): Statement {
  return detail === undefined || detail.trim() === '' ? { text } : { text, detail: detail.trim() };
}

/** "Anders Lundkvist (S) yrkar bifall till förslaget." when the motion reads on, else "Name: Text". */
function motionText(who: string, text: string): string {
  const sentence = /[.!?]$/.test(text) ? text : `${text}.`;
  return /^\p{Ll}/u.test(text) ? `${who} yrkar ${sentence}` : `${who}: ${sentence}`;
}

/** "Omröstning" for the only vote of a §, "Omröstning 1", "Omröstning 2" … when it has several; " – subject" after it. */
export function voteHeading(vote: Pick<Vote, 'subject'>, index: number, count: number): string {
  const base = count > 1 ? `Omröstning ${index + 1}` : 'Omröstning';
  return vote.subject === undefined ? base : `${base} – ${vote.subject}`;
}

function voteView(vote: Vote, chair: string, board: string, people: People, n: number, which: { index: number; count: number }): VoteView {
  const outcome = countVote(vote, chair, n, which);
  const legend = [`Ja = ${vote.jaMeans}`, `Nej = ${vote.nejMeans}`];
  const totals = { ja: outcome.ja, nej: outcome.nej, avstar: outcome.avstar };
  const rows = vote.kind === 'open' ? vote.votes.map((v) => ({ name: people.name(v.person), party: people.party(v.person), choice: choiceLabel(v.vote) })) : [];
  return { kind: vote.kind, legend, rows, totals, result: voteResultText(vote, outcome, board) };
}

function choiceLabel(choice: 'ja' | 'nej' | 'avstar'): 'Ja' | 'Nej' | 'Avstår' {
  switch (choice) {
    case 'ja':
      return 'Ja';
    case 'nej':
      return 'Nej';
    case 'avstar':
      return 'Avstår';
    default: {
      const never: never = choice;
      return never;
    }
  }
}
