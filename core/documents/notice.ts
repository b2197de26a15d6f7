// Builds the tillkännagivande: the notice on the notice board that a protocol (or a group of its
// §§) has been adjusted, with the dates and how to appeal by laglighetsprövning (KL 13 kap.).
import { AppError } from '../api/errors';
import type { MeetingDocument } from '../format/meeting';
import { appealPeriod, assertIsoDate } from '../domain/calendar';
import { paragraphLabel } from '../domain/numbering';
import { headerOf, metaOf, selectParagraphs } from './common';
import { genitive, peopleOf } from './people';
import { noticeAppeal } from './appeal';
import type { LabeledValue, NoticeData } from './types';

export interface NoticeOptions {
  generatedAt: string;
  /** The §§ the notice covers; defaults to all. */
  paragraphs?: number[];
  /** Defaults to the posting recorded on the adjustment group of these §§. */
  postedOn?: string;
  /** Defaults to the day after the last day of appeal. */
  takeDownOn?: string;
  /** E.g. "Förvaltningsrätten i Luleå"; the data does not name the court. */
  appealCourt?: string;
  /** Who attests the notice (person key); defaults to the meeting's notice signatory, else the secretary. */
  signatory?: string;
}

export function buildNoticeData(doc: MeetingDocument, opts: NoticeOptions): NoticeData {
  const people = peopleOf(doc);
  const numbers = selectParagraphs(doc, opts.paragraphs).map((p) => p.number);
  const label = paragraphLabel(numbers);
  const postedOn = opts.postedOn ?? recordedPosting(doc, numbers);
  if (postedOn === undefined) {
    throw new AppError('validation', `Ange det datum då anslaget om ${label} sätts upp; det finns inte registrerat på justeringsgruppen.`);
  }
  assertIsoDate(postedOn, 'postedOn');
  const period = appealPeriod(postedOn);
  const takeDownOn = opts.takeDownOn ?? period.takeDown;
  assertIsoDate(takeDownOn, 'takeDownOn');
  const signatory = opts.signatory ?? doc.meeting.noticeSignatory ?? doc.meeting.secretary;
  const rows: LabeledValue[] = [
    { label: 'Organ', lines: [doc.board.name] },
    { label: 'Sammanträdesdatum', lines: [doc.meeting.date] },
    { label: 'Paragrafer', lines: [label] },
    { label: 'Datum när anslaget sätts upp', lines: [postedOn] },
    { label: 'Datum när anslaget tas ned', lines: [takeDownOn] },
    { label: 'Sista dag för överklagande', lines: [period.lastAppealDay] },
    { label: 'Förvaringsplats för protokollet', lines: [doc.board.storagePlace] },
    ...(doc.board.noticeBoardUrl === undefined ? [] : [{ label: 'Anslagstavla', lines: [doc.board.noticeBoardUrl] }]),
  ];
  return {
    kind: 'notice',
    meta: metaOf(doc, `Tillkännagivande ${doc.board.name} ${doc.meeting.date} ${label}`, `Anslag om justerat protokoll ${label}`, opts.generatedAt, [
      'tillkännagivande',
      'anslag',
      doc.board.name,
      doc.meeting.date,
    ]),
    header: headerOf(doc, 'TILLKÄNNAGIVANDE'),
    title: 'Tillkännagivande om justerat protokoll',
    intro: `${genitive(doc.board.name)} protokoll från sammanträdet ${doc.meeting.date}, ${label}, är justerat. Justeringen tillkännages genom detta anslag.`,
    rows,
    appeal: noticeAppeal(doc, numbers, {
      board: doc.board.shortName ?? doc.board.name,
      laglighetsprovning: (only) => appealText(doc, postedOn, period.lastAppealDay, opts.appealCourt, only),
    }),
    signer: { field: 'sig-anslag', role: 'Anslaget bestyrks av', name: people.name(signatory) },
  };
}

function recordedPosting(doc: MeetingDocument, numbers: readonly number[]): string | undefined {
  const group = doc.adjustmentGroups.find((g) => g.notice !== undefined && numbers.every((n) => g.paragraphs.includes(n)));
  return group?.notice?.postedOn;
}

/**
 * Who may appeal depends on what kind of body made the decision (KL 13 kap. 1 §). `only`: the §§
 * laglighetsprövning applies to when some of the notice's §§ are appealed otherwise.
 */
function appealText(doc: MeetingDocument, postedOn: string, lastDay: string, court: string | undefined, only: number[] | null): string[] {
  const region = doc.organisation.kind === 'region';
  const own = region ? 'regionens' : 'kommunens';
  const who = (() => {
    if (doc.organisation.kind === 'kommunalforbund') return 'Den som är medlem av en kommun eller region som ingår i förbundet';
    if (doc.board.kind === 'gemensam_namnd') return `Den som är medlem av någon av de ${region ? 'regioner och kommuner' : 'kommuner'} som samverkar i nämnden`;
    return region ? 'Den som är medlem av regionen' : 'Den som är medlem av kommunen';
  })();
  const memberDefinition = region
    ? 'Medlem av en region är den som är folkbokförd i regionen, äger fast egendom där eller ska betala kommunalskatt där (1 kap. 7 § kommunallagen).'
    : 'Medlem av en kommun är den som är folkbokförd i kommunen, äger fast egendom i kommunen eller ska betala kommunalskatt där (1 kap. 7 § kommunallagen).';
  return [
    `${who} kan överklaga ${only === null ? 'besluten' : `${only.length === 1 ? 'beslutet i' : 'besluten i'} ${paragraphLabel(only)}`} genom laglighetsprövning enligt 13 kap. kommunallagen (2017:725). Förvaltningsrätten prövar överklagandet.`,
    `Överklagandet ska ha kommit in till förvaltningsrätten inom tre veckor från den dag då det tillkännagavs på anslagstavlan att protokollet har justerats. Anslaget sattes upp ${postedOn}, så överklagandet ska ha kommit in senast ${lastDay}.`,
    `Skriv vilket beslut du överklagar och varför du anser att det ska upphävas. Ett beslut kan upphävas om det inte har kommit till på lagligt sätt, om det inte hör till ${own} angelägenheter, om det organ som har fattat beslutet har överskridit sina befogenheter eller om beslutet strider mot lag eller annan författning. Nya skäl kan inte läggas till efter att tiden för överklagande har gått ut.`,
    `Skicka överklagandet direkt till ${court ?? 'förvaltningsrätten'}, inte till ${region ? 'regionen' : 'kommunen'}.`,
    memberDefinition,
  ];
}
