// The rules of core/domain/rules.ts (issue 15): who may vote, reserve, note and have jäv on a §,
// ties, justerare, contradictory presence, justering dates and quorum — judged on a realistic
// social services board (test/fixtures/meetings/socialnamnd.ts) and on the reference meeting.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { meetingDocumentSchema, type MeetingDocument } from '../../core/format/meeting';
import { freezeIssues, meetingIssues, meetingProblems, paragraphIssues, quorumShortfalls, voteWinner } from '../../core/domain/rules';
import { presenceProblems } from '../../core/domain/presence';
import { countVote } from '../../core/documents/vote';
import { socialnamnd } from '../fixtures/meetings/socialnamnd';

const parsed = (raw: unknown = socialnamnd()): MeetingDocument => meetingDocumentSchema.parse(raw);
const names = (doc: MeetingDocument) => (key: string) => doc.people.find((p) => p.key === key)?.name ?? key;
const pathOf = (path: (string | number)[]) =>
  path
    .map((x) => (typeof x === 'number' ? `[${x}]` : `.${x}`))
    .join('')
    .slice(1)
    .replace(/\.\[/g, '[');
const issuesOf = (doc: MeetingDocument) => meetingIssues(doc, names(doc)).map((i) => `${pathOf(i.path)}: ${i.message}`);
/** The fixture as parsed data, with its § 33 (index 2) handy. */
function fixture(): { doc: MeetingDocument; p33: MeetingDocument['paragraphs'][number] } {
  const doc = parsed();
  const p33 = doc.paragraphs[2];
  if (p33 === undefined || p33.votes[0]?.kind !== 'open') throw new Error('fixture § 33 has an open vote');
  return { doc, p33 };
}
/** The votes of an open vote, to change; the recorded casting vote goes (the tests change the count). */
const openVotes = (p: MeetingDocument['paragraphs'][number]) => {
  if (p.votes[0]?.kind !== 'open') throw new Error('open vote expected');
  delete p.votes[0].castingVote;
  return p.votes[0].votes;
};

describe('the social services board meeting is lawful as written', () => {
  it('has no rule issues, and the tie is settled by the chair', () => {
    const { doc, p33 } = fixture();
    expect(issuesOf(doc)).toEqual([]);
    expect(presenceProblems(doc, names(doc))).toEqual([]);
    expect(voteWinner(p33.votes[0]!, 'karin-ek')).toEqual({ ja: 4, nej: 4, avstar: 1, winner: 'ja' });
    expect(countVote(p33.votes[0]!, 'karin-ek', 33).decidedBy).toBe('casting_vote');
  });
});

describe('votes: only those serving on the § (after jäv and substitutions), each once', () => {
  it('refuses a vote by an official, naming the path and the §', () => {
    const { doc, p33 } = fixture();
    openVotes(p33).push({ person: 'gunilla-falk', vote: 'ja' });
    expect(issuesOf(doc)).toEqual([
      'paragraphs[2].votes[0].votes[9].person: Gunilla Falk tjänstgör inte på § 33 och kan inte rösta där. Bara de som tjänstgör på paragrafen (efter jäv och inkallade ersättare) röstar.',
    ]);
  });

  it('refuses a vote by a member with jäv, and accepts the substitute who served for her', () => {
    const doc = parsed();
    const p32 = doc.paragraphs[1]!;
    p32.votes = [
      {
        kind: 'open',
        jaMeans: 'bifall',
        nejMeans: 'avslag',
        votes: [
          { person: 'anna-berg', vote: 'ja' },
          { person: 'olle-dahl', vote: 'nej' },
          { person: 'karin-ek', vote: 'ja' },
        ],
      },
    ];
    expect(issuesOf(doc)).toEqual([
      'paragraphs[1].votes[0].votes[0].person: Anna Berg tjänstgör inte på § 32 och kan inte rösta där. Bara de som tjänstgör på paragrafen (efter jäv och inkallade ersättare) röstar.',
    ]);
  });

  it('refuses a vote by a member before she arrived, and by a substitute after the member took the seat back', () => {
    const doc = parsed();
    doc.paragraphs[1]!.votes = [
      {
        kind: 'open',
        jaMeans: 'bifall',
        nejMeans: 'avslag',
        votes: [
          { person: 'maria-holm', vote: 'ja' },
          { person: 'nina-lund', vote: 'nej' },
          { person: 'karin-ek', vote: 'ja' },
        ],
      },
    ];
    openVotes(doc.paragraphs[2]!).push({ person: 'nina-lund', vote: 'nej' });
    const got = issuesOf(doc).filter((m) => m.includes('kan inte rösta'));
    expect(got).toHaveLength(2);
    expect(got[0]).toMatch(/^paragraphs\[1\]\.votes\[0\]\.votes\[0\]\.person: Maria Holm tjänstgör inte på § 32/);
    expect(got[1]).toMatch(/^paragraphs\[2\]\.votes\[0\]\.votes\[9\]\.person: Nina Lund tjänstgör inte på § 33/);
  });

  it('refuses a second vote by the same person', () => {
    const { doc, p33 } = fixture();
    openVotes(p33).push({ person: 'lars-lind', vote: 'ja' });
    expect(issuesOf(doc)[0]).toBe('paragraphs[2].votes[0].votes[9].person: Lars Lind har redan en röst i omröstningen i § 33. Varje tjänstgörande ledamot har en röst.');
  });

  it('property: adding any person who does not serve on § 33 to its vote is refused at that vote', () => {
    const { doc } = fixture();
    const serving = new Set(['karin-ek', 'per-olsson', 'anna-berg', 'lars-lind', 'maria-holm', 'sofia-nord', 'johan-ek', 'lena-viklund', 'eva-strom']);
    const outsiders = doc.people.map((p) => p.key).filter((k) => !serving.has(k));
    fc.assert(
      fc.property(fc.constantFrom(...outsiders), fc.constantFrom('ja' as const, 'nej' as const, 'avstar' as const), fc.nat(9), (person, vote, at) => {
        const { doc: d, p33 } = fixture();
        openVotes(p33).splice(at, 0, { person, vote });
        const issues = meetingIssues(d, names(d));
        return issues.some((i) => pathOf(i.path) === `paragraphs[2].votes[0].votes[${at}].person` && i.message.includes('tjänstgör inte på § 33'));
      }),
    );
  });

  it('a closed ballot cannot have more votes than serve', () => {
    const doc = parsed();
    doc.paragraphs[2]!.votes = [{ kind: 'closed', jaMeans: 'bifall', nejMeans: 'avslag', ja: 5, nej: 4, avstar: 1 }];
    doc.paragraphs[2]!.reservations = [];
    expect(issuesOf(doc)).toEqual(['paragraphs[2].votes[0]: Omröstningen i § 33 har 10 röster men bara 9 tjänstgör där. Kontrollera antalet röster.']);
  });
});

describe('a tie the chair did not settle is refused, naming the §', () => {
  it('refuses it in the complete meeting (import, freeze) and names § 33; the draft only shows it', () => {
    const { doc, p33 } = fixture();
    const chair = openVotes(p33).find((v) => v.person === 'karin-ek')!;
    chair.vote = 'avstar';
    openVotes(p33).find((v) => v.person === 'maria-holm')!.vote = 'ja';
    const message =
      'Omröstningen i § 33 slutade lika (4–4) men ordföranden har inte röstat ja eller nej. Vid lika röstetal avgör ordförandens utslagsröst; registrera ordförandens röst och utslagsröst.';
    expect(issuesOf(doc)).toContain(`paragraphs[2].votes[0]: ${message}`);
    expect(paragraphIssues(doc, { chair: 'karin-ek', members: doc.members }, p33, names(doc), false).map((i) => i.message)).not.toContain(message);
    expect(meetingProblems(doc, names(doc))).toContain(message);
    expect(() => countVote(p33.votes[0]!, 'karin-ek', 33)).toThrow(message);
  });

  it('a tied closed ballot needs the lot', () => {
    const doc = parsed();
    doc.paragraphs[2]!.votes = [{ kind: 'closed', jaMeans: 'bifall', nejMeans: 'avslag', ja: 4, nej: 4, avstar: 1 }];
    expect(issuesOf(doc)).toContain(
      'paragraphs[2].votes[0]: Den slutna omröstningen i § 33 slutade lika (4–4). Vid lika röstetal avgörs valet genom lottning (KL 6 kap. 37 §); registrera lottningens utfall.',
    );
  });
});

describe('reservations (KL 4 kap. 27 §) and protokollsanteckningar', () => {
  const reserve = (person: string) => {
    const { doc, p33 } = fixture();
    p33.reservations = [{ person }];
    return issuesOf(doc);
  };
  it('accepts one who voted against the decision', () => expect(reserve('lars-lind')).toEqual([]));
  it('refuses one who voted for it', () =>
    expect(reserve('anna-berg')).toEqual([
      'paragraphs[2].reservations[0].person: Anna Berg röstade Ja i § 33, för det förslag som bifölls, och kan inte reservera sig mot beslutet. Bara den som röstat emot eller vars yrkande fallit kan reservera sig.',
    ]));
  it('refuses one who abstained', () => expect(reserve('maria-holm')[0]).toMatch(/^paragraphs\[2\]\.reservations\[0\]\.person: Maria Holm avstod från att rösta i § 33/));
  it('refuses a present substitute who did not serve, and an official', () => {
    expect(reserve('nina-lund')).toEqual([
      'paragraphs[2].reservations[0].person: Nina Lund deltog inte i beslutet i § 33 och kan inte reservera sig. Bara den som deltagit i beslutet får reservera sig (KL 4 kap. 27 §).',
    ]);
    expect(reserve('gunilla-falk')[0]).toMatch(/Gunilla Falk deltog inte i beslutet i § 33/);
  });
  it('refuses a member with jäv on the §', () => {
    const doc = parsed();
    doc.paragraphs[1]!.reservations = [{ person: 'anna-berg' }];
    expect(issuesOf(doc)[0]).toMatch(/^paragraphs\[1\]\.reservations\[0\]\.person: Anna Berg deltog inte i beslutet i § 32/);
  });
  it('a note by a present substitute is fine; by an official or one with jäv it is refused', () => {
    const doc = parsed();
    doc.paragraphs[1]!.protocolNotes = [
      { by: 'gunilla-falk', text: 'x' },
      { by: 'anna-berg', text: 'y' },
      { by: 'olle-dahl', text: 'z' },
    ];
    expect(issuesOf(doc)).toEqual([
      'paragraphs[1].protocolNotes[0].by: Gunilla Falk har inte rätt att delta i § 32 och kan inte lämna en protokollsanteckning där. Anteckningar lämnas av närvarande ledamöter och ersättare som inte har jäv.',
      'paragraphs[1].protocolNotes[1].by: Anna Berg har inte rätt att delta i § 32 och kan inte lämna en protokollsanteckning där. Anteckningar lämnas av närvarande ledamöter och ersättare som inte har jäv.',
    ]);
  });
  it('jäv only by one who would serve on the §', () => {
    const doc = parsed();
    doc.paragraphs[0]!.jav = [{ person: 'olle-dahl' }];
    expect(issuesOf(doc)).toEqual(['paragraphs[0].jav[0].person: Olle Dahl tjänstgör inte på § 31 och kan därför inte anmäla jäv där. Kontrollera närvaron.']);
  });
});

describe('presence contradictions and justerare: the problem list and import say the same', () => {
  const cases: [string, (d: MeetingDocument) => void, string][] = [
    [
      'overlapping periods',
      (d) => d.attendance.push({ person: 'olle-dahl', capacity: 'present', fromParagraph: 31, toParagraph: 33 }),
      'attendance[17]: Olle Dahl är registrerad 2 gånger på § 31. Justera närvaroperioderna så att de inte överlappar.',
    ],
    ['a substitute for a serving member', (d) => (d.attendance[9]!.toParagraph = 33), 'attendance[9]: Nina Lund tjänstgör för Maria Holm på § 33, men Maria Holm tjänstgör själv där.'],
    [
      'two in one seat',
      (d) => d.attendance.splice(11, 1, { person: 'olle-dahl', capacity: 'substitute', replaces: 'erik-sand', toParagraph: 31 }),
      'attendance[11]: Både Eva Ström och Olle Dahl tjänstgör för Erik Sand på § 31.',
    ],
    [
      'a justerare who was not there',
      (d) => (d.meeting.justerare = ['erik-sand']),
      'meeting.justerare[0]: Erik Sand tjänstgör inte vid sammanträdet och kan inte vara justerare. Välj bland de tjänstgörande ledamöterna och ersättarna (registrera närvaron först).',
    ],
  ];
  it.each(cases)('%s', (_label, change, expected) => {
    const doc = parsed();
    change(doc);
    expect(issuesOf(doc)).toContain(expected);
    expect(meetingProblems(doc, names(doc))).toContain(expected.slice(expected.indexOf(': ') + 2));
  });
});

describe('justering dates', () => {
  it('refuses a group adjusted before the meeting, and a notice before the justering', () => {
    const doc = parsed();
    doc.adjustmentGroups[0]!.adjustedAt = '2026-03-11T23:30:00+01:00';
    doc.adjustmentGroups[1]!.adjustedAt = '2026-03-19T10:00:00+01:00';
    doc.adjustmentGroups[1]!.notice = { postedOn: '2026-03-18', takeDownOn: '2026-04-10' };
    expect(issuesOf(doc)).toEqual([
      'adjustmentGroups[0].adjustedAt: Justeringsgrupp 1 (§ 31, 34) kan inte ha justerats 2026-03-11, före sammanträdet 2026-03-12. Ett protokoll låses och justeras tidigast på sammanträdesdagen.',
      'adjustmentGroups[1].notice.postedOn: Justeringsgrupp 2 (§ 32-33, 35): anslaget kan inte ha satts upp 2026-03-18, före justeringen 2026-03-19.',
    ]);
  });
  it('counts the day in Sweden: 23:30 UTC the evening before is already the meeting day', () => {
    const doc = parsed();
    doc.adjustmentGroups[0]!.adjustedAt = '2026-03-11T23:30:00Z';
    expect(issuesOf(doc)).toEqual([]);
  });
});

describe('quorum (KL 6 kap. 27 §)', () => {
  it('a § with a decision where too few serve refuses freezing; one without a decision is stated in the protocol', () => {
    const doc = parsed();
    for (const a of doc.attendance.filter((x) => ['per-olsson', 'anna-berg', 'lars-lind', 'sofia-nord', 'johan-ek'].includes(x.person))) a.toParagraph = 34;
    const short = quorumShortfalls(doc);
    expect(short).toEqual([{ index: 4, number: 35, serving: 4, seats: 9, required: 5, decides: false }]);
    expect(freezeIssues(doc, [32, 33, 35], names(doc))).toEqual([]);
    doc.paragraphs[4]!.decision = { numbered: false, points: [[{ type: 'paragraph', content: [{ text: 'Redovisningen godkänns.' }] }]] };
    expect(freezeIssues(doc, [32, 33, 35], names(doc)).map((i) => `${pathOf(i.path)}: ${i.message}`)).toEqual([
      'paragraphs[4]: Nämnden är inte beslutför på § 35: 4 av 9 platser är besatta, minst 5 krävs (KL 6 kap. 27 §). Paragrafen har ett beslut eller en omröstning, och den kan inte låsas för justering förrän närvaron är rättad eller beslutet tagits bort.',
    ]);
    expect(freezeIssues(doc, [31, 34], names(doc))).toEqual([]);
  });
});

describe('what the protocol prints from version 2 data', () => {
  it('the närvarolista lists absent members under "Ej tjänstgörande ledamöter"; the casting vote is stated', async () => {
    const { buildProtocolData } = await import('../../core/documents/protocol');
    const data = buildProtocolData(parsed(), { generatedAt: '2026-03-12T17:00:00+01:00' });
    const absent = data.attendance.sections.find((s) => s.heading === 'Ej tjänstgörande ledamöter');
    expect(absent?.groups[0]?.rows.map((r) => [r.name, r.remark])).toEqual([['Erik Sand', 'Anmält förhinder']]);
    expect(data.attendance.sections.map((s) => s.heading)).toEqual(['Beslutande', 'Övriga närvarande', 'Ej tjänstgörande ledamöter']);
    const vote = data.paragraphs.find((p) => p.number === 33)?.sections.find((s) => s.kind === 'vote');
    expect(JSON.stringify(vote)).toContain('Omröstningen utfaller med 4 ja-röster mot 4 nej-röster och 1 som avstår. Då rösterna fallit lika avgör ordförandens utslagsröst (Ja).');
  });
});
