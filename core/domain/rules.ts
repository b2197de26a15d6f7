// The rules a meeting must satisfy to be a protocol the law recognises: who may vote, reserve
// themselves, write a protokollsanteckning or have jäv on a §, how a tie is settled, who may be
// justerare, and that presence does not contradict itself. One function per rule set, used by
// every entrance (JSON import, the workspace API, freezing for justering, the UI's problem list)
// so the wording and the judgement are the same everywhere.
import type { MeetingDocument, Paragraph, Vote } from '../format/meeting';
import { covers, presenceProblems, quorumOn, servingOn } from './presence';
import { formatRanges } from './numbering';
import { justeringDeadline, stockholmDay } from './calendar';
import { substituteOrderProblems } from './substitute-order';
import { departureWarnings } from './departure';
import { actingChair, chairAbsence, type ActingChair, type ChairInput } from './chair';

export interface RuleIssue {
  /** Path inside the meeting document (or inside the § for paragraphIssues). */
  path: (string | number)[];
  message: string;
}

export type Names = (key: string) => string;

type PresenceInput = Pick<MeetingDocument, 'attendance' | 'paragraphs'>;

/** The parts of a § the rules look at; the workspace passes the § as it would be after an edit. */
export type ParagraphPeople = Pick<Paragraph, 'number' | 'motions' | 'reservations' | 'protocolNotes' | 'jav' | 'votes' | 'chair'>;

/** What deciding who chairs a § needs beyond the presence: the meeting's chair and the roster (vice chairs). */
export interface ChairContext {
  chair: string;
  members: MeetingDocument['members'];
}

export type VoteSide = 'ja' | 'nej';

/**
 * The side that won an open or closed vote, or null when the data cannot decide it: a tie with no
 * casting vote (open) or lot (closed) recorded. The chair is the only one with a casting vote.
 */
export function voteWinner(vote: Vote, chair: string): { winner: VoteSide; ja: number; nej: number; avstar: number } | null {
  const totals = vote.kind === 'open' ? tally(vote) : { ja: vote.ja, nej: vote.nej, avstar: vote.avstar };
  if (totals.ja !== totals.nej) return { ...totals, winner: totals.ja > totals.nej ? 'ja' : 'nej' };
  if (vote.kind === 'closed') return vote.lotWinner === undefined ? null : { ...totals, winner: vote.lotWinner };
  const casting = vote.castingVote;
  if (casting === undefined || casting.person !== chair) return null;
  return vote.votes.find((v) => v.person === chair)?.vote === casting.side ? { ...totals, winner: casting.side } : null;
}

/** The casting vote a tied open vote gets by law: the chair's own Ja or Nej; none otherwise. */
export function castingVoteFor(vote: Extract<Vote, { kind: 'open' }>, chair: string): { person: string; side: VoteSide } | undefined {
  const t = tally(vote);
  if (t.ja !== t.nej) return undefined;
  const own = vote.votes.find((v) => v.person === chair)?.vote;
  return own === 'ja' || own === 'nej' ? { person: chair, side: own } : undefined;
}

function tally(vote: Extract<Vote, { kind: 'open' }>): { ja: number; nej: number; avstar: number } {
  const totals = { ja: 0, nej: 0, avstar: 0 };
  const seen = new Set<string>();
  for (const v of vote.votes) {
    if (seen.has(v.person)) continue;
    seen.add(v.person);
    totals[v.vote] += 1;
  }
  return totals;
}

/**
 * How a message names vote `index` (0-based) of § n: "omröstningen i § 33" when the § has one
 * vote, "omröstning 2 i § 33" when it has several. `capital` for the start of a sentence.
 */
export function voteLabel(n: number, index = 0, count = 1, capital = false): string {
  const label = count > 1 ? `omröstning ${index + 1} i § ${n}` : `omröstningen i § ${n}`;
  return capital ? label.charAt(0).toUpperCase() + label.slice(1) : label;
}

/** The message for a vote that ties with nothing to settle it, naming the § (and the vote, when there are several). */
export function tieMessage(vote: Vote, n: number, index = 0, count = 1): string {
  if (vote.kind === 'closed') {
    const which = count > 1 ? `Den slutna omröstningen (omröstning ${index + 1}) i § ${n}` : `Den slutna omröstningen i § ${n}`;
    return `${which} slutade lika (${vote.ja}–${vote.nej}). Vid lika röstetal avgörs valet genom lottning (KL 6 kap. 37 §); registrera lottningens utfall.`;
  }
  const t = tally(vote);
  return `${voteLabel(n, index, count, true)} slutade lika (${t.ja}–${t.nej}) men ordföranden har inte röstat ja eller nej. Vid lika röstetal avgör ordförandens utslagsröst; registrera ordförandens röst och utslagsröst.`;
}

/** The issues of one vote of § n (paths relative to the vote), and its outcome when it can be decided. */
function voteIssues(
  vote: Vote,
  at: { n: number; index: number; count: number },
  serving: ReadonlySet<string>,
  acting: ActingChair | null,
  names: Names,
  complete: boolean,
): { issues: RuleIssue[]; outcome: ReturnType<typeof voteWinner> } {
  const chair = acting?.person ?? '';
  const issues: RuleIssue[] = [];
  const { n, index, count } = at;
  const label = voteLabel(n, index, count);
  const onP = count > 1 ? `i omröstning ${index + 1} i § ${n}` : `i § ${n}`;
  if (vote.kind === 'open') {
    const seen = new Set<string>();
    vote.votes.forEach((v, i) => {
      if (seen.has(v.person)) {
        issues.push({ path: ['votes', i, 'person'], message: `${names(v.person)} har redan en röst i ${label}. Varje tjänstgörande ledamot har en röst.` });
      }
      seen.add(v.person);
      if (!serving.has(v.person)) {
        issues.push({
          path: ['votes', i, 'person'],
          message: `${names(v.person)} tjänstgör inte på § ${n} och kan inte rösta där${count > 1 ? ` (omröstning ${index + 1})` : ''}. Bara de som tjänstgör på paragrafen (efter jäv och inkallade ersättare) röstar.`,
        });
      }
    });
  } else if (vote.ja + vote.nej + vote.avstar > serving.size) {
    issues.push({ path: [], message: `${voteLabel(n, index, count, true)} har ${vote.ja + vote.nej + vote.avstar} röster men bara ${serving.size} tjänstgör där. Kontrollera antalet röster.` });
  }
  if (vote.kind === 'open' && vote.castingVote !== undefined) {
    const c = vote.castingVote;
    const t = tally(vote);
    const own = vote.votes.find((v) => v.person === c.person)?.vote;
    const side = c.side === 'ja' ? 'Ja' : 'Nej';
    if (t.ja !== t.nej) {
      issues.push({ path: ['castingVote'], message: `${voteLabel(n, index, count, true)} slutade inte lika (${t.ja}–${t.nej}), så ingen utslagsröst behövs. Ta bort utslagsrösten.` });
    } else if (acting === null) {
      issues.push({
        path: ['castingVote', 'person'],
        message: `Bara den som är ordförande under § ${n} har utslagsröst, och det är inte angivet vem det var. Ange vem som var ordförande under paragrafen, sedan utslagsrösten.`,
      });
    } else if (c.person !== chair) {
      const role = acting.basis === 'meeting' ? 'ordföranden' : 'ordföranden under paragrafen';
      issues.push({ path: ['castingVote', 'person'], message: `Bara ${role} (${names(chair)}) har utslagsröst ${onP}, inte ${names(c.person)}.` });
    } else if (own !== c.side) {
      issues.push({
        path: ['castingVote', 'side'],
        message: `Ordförandens utslagsröst ${count > 1 ? `i omröstning ${index + 1} i § ${n}` : `i § ${n}`} (${side}) måste vara ordförandens egen röst, som är ${own === undefined ? 'inte registrerad' : own === 'avstar' ? 'Avstår' : own === 'ja' ? 'Ja' : 'Nej'}.`,
      });
    }
  }
  const outcome = voteWinner(vote, chair);
  if (outcome === null && complete && issues.length === 0) issues.push({ path: [], message: tieMessage(vote, n, index, count) });
  return { issues, outcome };
}

/**
 * The people rules of one § (paths relative to the §). `complete` is false while a § is being
 * drafted: a tie is then not yet an error (the remaining votes may not be entered), only a
 * problem to show; import and freezing pass true.
 */
export function paragraphIssues(doc: PresenceInput, ctx: ChairContext, p: ParagraphPeople, names: Names, complete: boolean): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const n = p.number;
  const withP = { attendance: doc.attendance, paragraphs: [...doc.paragraphs.filter((x) => x.number !== n), p as Paragraph] };
  const serving = new Set(servingOn(withP, n).map((s) => s.person));
  const chairDoc: ChairInput = { attendance: doc.attendance, members: ctx.members, meeting: { chair: ctx.chair }, paragraphs: withP.paragraphs };
  const acting = actingChair(chairDoc, n);
  issues.push(...chosenChairIssues(chairDoc, n, p.chair, names));
  const here = doc.attendance.filter((a) => covers(a, n));
  const javSet = new Set(p.jav.map((j) => j.person));
  const mayTakePart = new Set(here.filter((a) => a.capacity !== 'official' && a.capacity !== 'absent' && !javSet.has(a.person)).map((a) => a.person));
  const couldServe = new Set(here.filter((a) => a.capacity === 'member' || a.capacity === 'substitute').map((a) => a.person));

  const javSeen = new Set<string>();
  p.jav.forEach((j, i) => {
    if (javSeen.has(j.person)) issues.push({ path: ['jav', i, 'person'], message: `${names(j.person)} står redan med jäv på § ${n}.` });
    javSeen.add(j.person);
    if (!couldServe.has(j.person)) {
      issues.push({ path: ['jav', i, 'person'], message: `${names(j.person)} tjänstgör inte på § ${n} och kan därför inte anmäla jäv där. Kontrollera närvaron.` });
    }
  });

  p.motions.forEach((m, i) => {
    if (!serving.has(m.by)) {
      issues.push({ path: ['motions', i, 'by'], message: `${names(m.by)} tjänstgör inte på § ${n} och kan inte yrka där. Välj en tjänstgörande ledamot eller ersättare, eller rätta närvaron.` });
    }
  });

  // Each vote is counted and checked on its own; the outcomes decide who may reserve themselves.
  const votes = p.votes;
  const outcomes = votes.map((vote, k) => {
    const r = voteIssues(vote, { n, index: k, count: votes.length }, serving, acting, names, complete);
    for (const issue of r.issues) issues.push({ path: ['votes', k, ...issue.path], message: issue.message });
    return r.outcome;
  });

  const reserved = new Set<string>();
  p.reservations.forEach((r, i) => {
    const path = ['reservations', i, 'person'];
    if (reserved.has(r.person)) issues.push({ path, message: `${names(r.person)} har redan reserverat sig i § ${n}.` });
    reserved.add(r.person);
    if (!serving.has(r.person)) {
      issues.push({ path, message: `${names(r.person)} deltog inte i beslutet i § ${n} och kan inte reservera sig. Bara den som deltagit i beslutet får reservera sig (KL 4 kap. 27 §).` });
      return;
    }
    // In every open vote of the §: one who abstained in all of them took no part in the
    // decision; one who voted for the winning side in every vote supported all of it.
    const open = votes.flatMap((vote, k) => (vote.kind === 'open' ? [{ vote, outcome: outcomes[k] ?? null, k }] : []));
    if (open.length === 0) return;
    const own = open.map(({ vote, outcome, k }) => ({ choice: vote.votes.find((v) => v.person === r.person)?.vote, outcome, k }));
    const label = (k: number) => (votes.length > 1 ? `i omröstning ${k + 1} i § ${n}` : `i § ${n}`);
    if (own.every((o) => o.choice === 'avstar')) {
      issues.push({
        path,
        message: `${names(r.person)} avstod från att rösta ${votes.length > 1 ? `i alla omröstningar i § ${n}` : `i § ${n}`} och deltog därmed inte i beslutet; bara den som deltagit får reservera sig (KL 4 kap. 27 §).`,
      });
    } else if (own.every((o) => o.outcome !== null && o.choice === o.outcome.winner)) {
      const last = own[own.length - 1];
      const choice = last?.choice === 'ja' ? 'Ja' : 'Nej';
      const where = votes.length > 1 ? `för det förslag som bifölls i varje omröstning i § ${n}` : `${label(last?.k ?? 0).trim()}, för det förslag som bifölls`;
      issues.push({
        path,
        message:
          votes.length > 1
            ? `${names(r.person)} röstade ${where} och kan inte reservera sig mot beslutet. Bara den som röstat emot eller vars yrkande fallit kan reservera sig.`
            : `${names(r.person)} röstade ${choice} ${where}, och kan inte reservera sig mot beslutet. Bara den som röstat emot eller vars yrkande fallit kan reservera sig.`,
      });
    }
  });

  p.protocolNotes.forEach((note, i) => {
    if (note.by === undefined || mayTakePart.has(note.by)) return;
    issues.push({
      path: ['protocolNotes', i, 'by'],
      message: `${names(note.by)} har inte rätt att delta i § ${n} och kan inte lämna en protokollsanteckning där. Anteckningar lämnas av närvarande ledamöter och ersättare som inte har jäv.`,
    });
  });
  return issues;
}

/**
 * A chair recorded for § n (paths relative to the §): only where the meeting's chair does not
 * serve (there the chair leads), and only someone who serves on the §.
 */
function chosenChairIssues(doc: ChairInput, n: number, chosen: string | undefined, names: Names): RuleIssue[] {
  if (chosen === undefined) return [];
  const serving = new Set(servingOn({ attendance: doc.attendance, paragraphs: doc.paragraphs as Paragraph[] }, n).map((s) => s.person));
  if (serving.has(doc.meeting.chair)) {
    return [
      {
        path: ['chair'],
        message: `${names(doc.meeting.chair)} är sammanträdets ordförande och tjänstgör på § ${n}, och leder därför paragrafen. Ta bort valet av ${names(chosen)} som ordförande under § ${n}.`,
      },
    ];
  }
  if (!serving.has(chosen)) {
    return [
      {
        path: ['chair'],
        message: `${names(chosen)} tjänstgör inte på § ${n} och kan inte vara ordförande under paragrafen. Välj en ledamot eller ersättare som tjänstgör på § ${n}, eller rätta närvaron.`,
      },
    ];
  }
  return [];
}

/**
 * §§ nobody is known to chair: the meeting's chair does not serve there, no chair is recorded for
 * the § and neither vice chair serves (paths from the root, at paragraphs[i].chair). Not an
 * import error — an older file has no per-§ chair — but the problem list shows it and a group
 * with such a § cannot be frozen. §§ where nobody serves are left to the quorum warning.
 */
export function missingChairIssues(doc: Pick<MeetingDocument, 'attendance' | 'members' | 'paragraphs' | 'meeting'>, names: Names): RuleIssue[] {
  const issues: RuleIssue[] = [];
  doc.paragraphs.forEach((p, i) => {
    if (servingOn(doc, p.number).length === 0 || actingChair(doc, p.number) !== null) return;
    const absence = chairAbsence(doc, p.number);
    if (absence === null) return;
    const reason = { jav: 'jäv', left: 'har lämnat sammanträdet', not_arrived: 'har ännu inte anslutit', absent: 'inte närvarande' }[absence];
    issues.push({
      path: ['paragraphs', i, 'chair'],
      message: `Ordföranden ${names(doc.meeting.chair)} deltar inte i § ${p.number} (${reason}) och varken vice ordföranden eller andre vice ordföranden tjänstgör där. Ange vem som var ordförande under § ${p.number} (den som varit ledamot längst tid, eller den nämnden utsåg) i paragrafens redigerare, under Ordförande under paragrafen.`,
    });
  });
  return issues;
}

/** Justerare serve at the meeting and are neither chair nor secretary (paths meeting.justerare[i]). */
export function justerareIssues(doc: Pick<MeetingDocument, 'attendance' | 'paragraphs' | 'meeting'>, names: Names): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const numbers = doc.paragraphs.map((p) => p.number);
  const serves = (person: string) =>
    doc.attendance.some((a) => a.person === person && (a.capacity === 'member' || a.capacity === 'substitute') && (numbers.length === 0 || numbers.some((n) => covers(a, n))));
  const seen = new Set<string>();
  doc.meeting.justerare.forEach((id, i) => {
    const path = ['meeting', 'justerare', i];
    const name = names(id);
    if (seen.has(id)) issues.push({ path, message: `${name} är redan vald som justerare.` });
    seen.add(id);
    if (id === doc.meeting.chair) issues.push({ path, message: `${name} är ordförande och skriver under protokollet som ordförande. Välj en annan justerare.` });
    else if (id === doc.meeting.secretary) issues.push({ path, message: `${name} är sekreterare och kan inte också justera protokollet. Välj en annan justerare.` });
    else if (!serves(id)) {
      issues.push({
        path,
        message: `${name} tjänstgör inte vid sammanträdet och kan inte vara justerare. Välj bland de tjänstgörande ledamöterna och ersättarna (registrera närvaron först).`,
      });
    }
  });
  return issues;
}

/** The attendance contradictions of presenceProblems, each at the attendance row that causes it. */
export function attendanceIssues(doc: PresenceInput, names: Names): RuleIssue[] {
  return presenceProblems(doc, names).map((pr) => ({ path: ['attendance', pr.attendanceIndex], message: pr.message }));
}

/**
 * A group's own time and place of justering (paths relative to the group): none for an immediate
 * group, not before the meeting, not after the last day for justering (KL 5 kap. 69 §).
 */
export function groupTimePlaceIssues(meetingDate: string, label: string, g: Pick<MeetingDocument['adjustmentGroups'][number], 'immediate' | 'timePlace'>): RuleIssue[] {
  const tp = g.timePlace;
  if (tp === undefined) return [];
  if (g.immediate) {
    return [
      {
        path: ['timePlace'],
        message: `${label} justeras omedelbart vid sammanträdet och har ingen senare tid och plats för justering. Ta bort tiden och platsen, eller gör gruppen till en vanlig justeringsgrupp.`,
      },
    ];
  }
  if (tp.date < meetingDate) return [{ path: ['timePlace', 'date'], message: `${label}: justeringen kan inte ske ${tp.date}, före sammanträdet ${meetingDate}.` }];
  const deadline = justeringDeadline(meetingDate);
  if (tp.date > deadline) {
    return [
      {
        path: ['timePlace', 'date'],
        message: `${label}: justeringen ${tp.date} är för sent. Protokollet ska justeras senast 14 dagar efter sammanträdet (KL 5 kap. 69 §), alltså senast ${deadline}.`,
      },
    ];
  }
  return [];
}

/** A group is adjusted on or after the meeting day; its notice is posted on or after the justering. */
export function adjustmentIssues(doc: Pick<MeetingDocument, 'adjustmentGroups' | 'meeting'>): RuleIssue[] {
  const issues: RuleIssue[] = [];
  doc.adjustmentGroups.forEach((g, i) => {
    const label = `Justeringsgrupp ${i + 1} (§ ${formatRanges(g.paragraphs)})`;
    const day = g.adjustedAt === undefined ? null : stockholmDay(g.adjustedAt);
    if (day !== null && day < doc.meeting.date) {
      issues.push({
        path: ['adjustmentGroups', i, 'adjustedAt'],
        message: `${label} kan inte ha justerats ${day}, före sammanträdet ${doc.meeting.date}. Ett protokoll låses och justeras tidigast på sammanträdesdagen.`,
      });
    }
    for (const issue of groupTimePlaceIssues(doc.meeting.date, label, g)) issues.push({ path: ['adjustmentGroups', i, ...issue.path], message: issue.message });
    if (day !== null && g.notice !== undefined && g.notice.postedOn < day) {
      issues.push({ path: ['adjustmentGroups', i, 'notice', 'postedOn'], message: `${label}: anslaget kan inte ha satts upp ${g.notice.postedOn}, före justeringen ${day}.` });
    }
  });
  return issues;
}

/**
 * Every rule of the meeting, paths from the document's root. `complete`: see paragraphIssues.
 * Import refuses any of these; freezing refuses those of the §§ it freezes.
 */
export function meetingIssues(doc: MeetingDocument, names: Names, complete = true): RuleIssue[] {
  const issues: RuleIssue[] = [...attendanceIssues(doc, names), ...timeIssues(doc, names), ...justerareIssues(doc, names), ...adjustmentIssues(doc)];
  doc.paragraphs.forEach((p, i) => {
    for (const issue of paragraphIssues(doc, { chair: doc.meeting.chair, members: doc.members }, p, names, complete)) issues.push({ path: ['paragraphs', i, ...issue.path], message: issue.message });
  });
  return issues;
}

/** "14.20": a clock time as Swedish protocols print it. */
export function clock(time: string): string {
  return time.replace(':', '.');
}

type TimeInput = Pick<MeetingDocument, 'attendance' | 'paragraphs'> & { meeting: Pick<MeetingDocument['meeting'], 'startTime' | 'endTime' | 'breaks'> };

/**
 * Clock times of arrival and departure (attendance[].fromTime/toTime) and breaks (meeting.breaks):
 * within the meeting's time span, each interval's arrival before its departure, one person's
 * intervals in time order as in § order, breaks that end after they start, at a § of the meeting,
 * in time order without overlapping.
 */
export function timeIssues(doc: TimeInput, names: Names): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const { startTime, endTime } = doc.meeting;
  const span = endTime === undefined ? `från kl. ${clock(startTime)}` : `kl. ${clock(startTime)}–${clock(endTime)}`;
  const outside = (t: string) => t < startTime || (endTime !== undefined && t > endTime);
  const numbers = doc.paragraphs.map((p) => p.number);
  const at = (n: number | undefined, end: boolean) => (n === undefined ? (end ? Number.MAX_SAFE_INTEGER : -1) : n);

  doc.attendance.forEach((a, i) => {
    const who = names(a.person);
    for (const field of ['fromTime', 'toTime'] as const) {
      const t = a[field];
      if (t !== undefined && outside(t)) {
        issues.push({ path: ['attendance', i, field], message: `${who}: kl. ${clock(t)} ligger utanför sammanträdets tid (${span}). Rätta klockslaget eller sammanträdets tider.` });
      }
    }
    if (a.fromTime !== undefined && a.toTime !== undefined && a.toTime < a.fromTime) {
      issues.push({ path: ['attendance', i, 'toTime'], message: `${who} kan inte lämna kl. ${clock(a.toTime)}, före ankomsten kl. ${clock(a.fromTime)} i samma närvaroperiod.` });
    }
  });
  // One person's intervals: the later in § order is also the later in time.
  const byPerson = new Map<string, number[]>();
  doc.attendance.forEach((a, i) => byPerson.set(a.person, [...(byPerson.get(a.person) ?? []), i]));
  for (const rows of byPerson.values()) {
    const ordered = [...rows].sort((x, y) => at(doc.attendance[x]?.fromParagraph, false) - at(doc.attendance[y]?.fromParagraph, false));
    let latest: { time: string; row: number } | null = null;
    for (const i of ordered) {
      const a = doc.attendance[i];
      if (a === undefined) continue;
      for (const field of ['fromTime', 'toTime'] as const) {
        const t = a[field];
        if (t === undefined) continue;
        if (latest !== null && t < latest.time) {
          issues.push({
            path: ['attendance', i, field],
            message: `${names(a.person)}: kl. ${clock(t)} kommer före kl. ${clock(latest.time)} i en tidigare närvaroperiod. Klockslagen ska följa paragrafernas ordning.`,
          });
        }
        if (latest === null || t >= latest.time) latest = { time: t, row: i };
      }
    }
  }

  const breaks = doc.meeting.breaks ?? [];
  breaks.forEach((b, i) => {
    const path = ['meeting', 'breaks', i];
    const label = `Ajourneringen kl. ${clock(b.start)}–${clock(b.end)}`;
    if (b.end <= b.start) issues.push({ path: [...path, 'end'], message: `${label} slutar inte efter att den börjat. Ange när sammanträdet återupptogs.` });
    if (outside(b.start) || outside(b.end)) issues.push({ path, message: `${label} ligger utanför sammanträdets tid (${span}).` });
    if (!numbers.includes(b.paragraph)) issues.push({ path: [...path, 'paragraph'], message: `${label}: § ${b.paragraph} finns inte i sammanträdet.` });
    const prev = breaks[i - 1];
    if (prev !== undefined) {
      const order = (x: typeof b) => numbers.indexOf(x.paragraph) * 2 + (x.when === 'after' ? 1 : 0);
      if (order(b) < order(prev)) {
        issues.push({ path: [...path, 'paragraph'], message: `${label} (§ ${b.paragraph}) står efter en ajournering i § ${prev.paragraph}. Ajourneringarna ska stå i den ordning de skedde.` });
      } else if (b.start < prev.end) {
        issues.push({ path: [...path, 'start'], message: `${label} börjar före den föregående ajourneringen (kl. ${clock(prev.start)}–${clock(prev.end)}) har slutat.` });
      }
    }
  });
  return issues;
}

/** A § where the board was not beslutför (KL 6 kap. 27 §): fewer serving than more than half the seats. */
export interface QuorumShortfall {
  index: number;
  number: number;
  serving: number;
  seats: number;
  required: number;
  /** The § records a decision or a vote, which a board without quorum cannot make. */
  decides: boolean;
}

export function quorumShortfalls(doc: Pick<MeetingDocument, 'attendance' | 'paragraphs' | 'board'>): QuorumShortfall[] {
  const out: QuorumShortfall[] = [];
  doc.paragraphs.forEach((p, index) => {
    const q = quorumOn(doc, p.number);
    if (q.met) return;
    out.push({ index, number: p.number, serving: q.serving, seats: q.seats, required: q.required, decides: p.decision !== undefined || p.votes.length > 0 });
  });
  return out;
}

/** The sentence the protocol prints in a § where the board was not beslutför. */
export function notQuorateText(board: string, s: Pick<QuorumShortfall, 'number' | 'serving' | 'seats' | 'required'>): string {
  return `${board} är inte beslutför vid behandlingen av § ${s.number}: ${s.serving} av ${s.seats} ledamotsplatser är besatta, och minst ${s.required} krävs (KL 6 kap. 27 §).`;
}

/** The warning the CLI and the problem list give for such a §. */
export function quorumWarning(s: QuorumShortfall): string {
  const what = s.decides
    ? ' Paragrafen har ett beslut eller en omröstning, och den kan inte låsas för justering förrän närvaron är rättad eller beslutet tagits bort.'
    : ' Protokollet anger att nämnden inte var beslutför.';
  return `Nämnden är inte beslutför på § ${s.number}: ${s.serving} av ${s.seats} platser är besatta, minst ${s.required} krävs (KL 6 kap. 27 §).${what}`;
}

/**
 * What refuses freezing the §§ `numbers`: the meeting's rules for those §§ (and the attendance and
 * justerare, which every group shares), and decisions on a § where the board was not beslutför.
 */
export function freezeIssues(doc: MeetingDocument, numbers: readonly number[], names: Names): RuleIssue[] {
  const inGroup = new Set(numbers);
  const issues = meetingIssues(doc, names).filter((i) => {
    if (i.path[0] === 'paragraphs') return inGroup.has(doc.paragraphs[i.path[1] as number]?.number ?? -1);
    if (i.path[0] === 'adjustmentGroups') return false;
    return true;
  });
  for (const issue of missingChairIssues(doc, names)) {
    if (inGroup.has(doc.paragraphs[issue.path[1] as number]?.number ?? -1)) issues.push(issue);
  }
  for (const s of quorumShortfalls(doc)) {
    if (!inGroup.has(s.number) || !s.decides) continue;
    issues.push({ path: ['paragraphs', s.index], message: quorumWarning(s) });
  }
  return issues;
}

/**
 * The problem list of the workspace: every rule the protocol breaks as it stands (a tie included,
 * which is refused when freezing), §§ nobody is known to chair, §§ where the board is not beslutför, substitutes out of order and
 * seats left empty after a departure while a substitute was there (departure.ts). Same words as import.
 */
export function meetingProblems(doc: MeetingDocument, names: Names): string[] {
  const out = [
    ...meetingIssues(doc, names).map((i) => i.message),
    ...missingChairIssues(doc, names).map((i) => i.message),
    ...quorumShortfalls(doc).map(quorumWarning),
    ...substituteOrderProblems(doc, names).map((o) => o.message),
    ...departureWarnings(doc, names),
  ];
  return [...new Set(out)];
}
