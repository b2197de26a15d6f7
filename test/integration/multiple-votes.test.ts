// More than one vote per § (issue 15, format version 3): first on återremiss or avgörande i dag,
// then the main question. Each vote has its own proposition, counts, casting vote and result; the
// rules (only serving members, each once, a tie settled by the chair) hold per vote and name the
// § and the vote's number — in the rules, at import, in the workspace API and in the protocol.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { meetingDocumentSchema, type MeetingDocument, type Vote } from '../../core/format/meeting';
import { meetingIssues } from '../../core/domain/rules';
import { buildProtocolData } from '../../core/documents/protocol';
import { socialnamnd } from '../fixtures/meetings/socialnamnd';
import { rejection, rowCounts } from '../helpers/backend';
import { backendsPerTest } from '../helpers/backends-per-test';

const backend = backendsPerTest(new Date('2026-03-12T16:30:00+01:00'));

const SERVING_33 = ['karin-ek', 'per-olsson', 'anna-berg', 'lars-lind', 'maria-holm', 'sofia-nord', 'johan-ek', 'lena-viklund', 'eva-strom'];

/** The återremiss vote held before the main vote of § 33: 6 for deciding today, 3 for referral. */
const remissVote = (): Extract<Vote, { kind: 'open' }> => ({
  kind: 'open',
  subject: 'återremiss eller avgörande i dag',
  jaMeans: 'ärendet avgörs i dag',
  nejMeans: 'ärendet återremitteras',
  votes: SERVING_33.map((person) => ({ person, vote: ['per-olsson', 'lars-lind', 'sofia-nord'].includes(person) ? 'nej' : 'ja' })),
});

type Raw = ReturnType<typeof socialnamnd>;
/** The fixture with § 33 voting twice: återremiss first, then its main (tied, settled) vote. */
const twoVotes = (change?: (d: Raw) => void): Raw => {
  const d = socialnamnd();
  const p33 = d.paragraphs[2]!;
  p33.votes = [remissVote(), ...(p33.votes ?? [])];
  change?.(d);
  return d;
};
const parsed = (raw: unknown): MeetingDocument => meetingDocumentSchema.parse(raw);
const names = (doc: MeetingDocument) => (k: string) => doc.people.find((p) => p.key === k)?.name ?? k;
const pathOf = (path: (string | number)[]) =>
  path
    .map((x) => (typeof x === 'number' ? `[${x}]` : `.${x}`))
    .join('')
    .slice(1)
    .replace(/\.\[/g, '[');
const issuesOf = (raw: Raw) => {
  const doc = meetingDocumentSchema.safeParse(raw);
  if (doc.success) return [];
  return doc.error.issues.map((i) => `${pathOf(i.path as (string | number)[])}: ${i.message}`);
};
const mainVote = (d: Raw) => {
  const v = d.paragraphs[2]!.votes![1];
  if (v?.kind !== 'open') throw new Error('main vote is open');
  return v;
};

describe('rules per vote, naming the § and the vote number', () => {
  it('the fixture with two votes in § 33 is lawful', () => {
    const doc = parsed(twoVotes());
    expect(meetingIssues(doc, names(doc))).toEqual([]);
  });

  it('a vote by the socialchef in vote 2 is refused at that vote', () => {
    expect(issuesOf(twoVotes((d) => mainVote(d).votes.push({ person: 'gunilla-falk', vote: 'nej' })))).toContain(
      'paragraphs[2].votes[1].votes[9].person: Gunilla Falk tjänstgör inte på § 33 och kan inte rösta där (omröstning 2). Bara de som tjänstgör på paragrafen (efter jäv och inkallade ersättare) röstar.',
    );
  });

  it('a member voting twice in vote 1 is refused; voting once in each vote is not', () => {
    const got = issuesOf(
      twoVotes((d) => {
        const v = d.paragraphs[2]!.votes![0];
        if (v?.kind === 'open') v.votes.push({ person: 'lars-lind', vote: 'ja' });
      }),
    );
    expect(got).toEqual(['paragraphs[2].votes[0].votes[9].person: Lars Lind har redan en röst i omröstning 1 i § 33. Varje tjänstgörande ledamot har en röst.']);
  });

  it('a tie in vote 2 that the chair did not settle names vote 2 and § 33', () => {
    const got = issuesOf(
      twoVotes((d) => {
        const v = mainVote(d);
        delete v.castingVote;
        v.votes[0]!.vote = 'avstar';
        v.votes[8]!.vote = 'ja';
      }),
    );
    expect(got).toEqual([
      'paragraphs[2].votes[1]: Omröstning 2 i § 33 slutade lika (4–4) men ordföranden har inte röstat ja eller nej. Vid lika röstetal avgör ordförandens utslagsröst; registrera ordförandens röst och utslagsröst.',
    ]);
  });

  it('a casting vote in a vote that did not tie, or by someone not the chair, names the vote', () => {
    expect(issuesOf(twoVotes((d) => ((d.paragraphs[2]!.votes![0] as Extract<Vote, { kind: 'open' }>).castingVote = { person: 'karin-ek', side: 'ja' })))).toEqual([
      'paragraphs[2].votes[0].castingVote: Omröstning 1 i § 33 slutade inte lika (6–3), så ingen utslagsröst behövs. Ta bort utslagsrösten.',
    ]);
    expect(issuesOf(twoVotes((d) => (mainVote(d).castingVote = { person: 'per-olsson', side: 'nej' })))).toEqual([
      'paragraphs[2].votes[1].castingVote.person: Bara ordföranden (Karin Ek) har utslagsröst i omröstning 2 i § 33, inte Per Olsson.',
    ]);
  });

  it('a tied closed ballot as vote 1 needs the lot, named as vote 1', () => {
    const got = issuesOf(twoVotes((d) => (d.paragraphs[2]!.votes![0] = { kind: 'closed', jaMeans: 'avgörs i dag', nejMeans: 'återremiss', ja: 4, nej: 4, avstar: 1 })));
    expect(got).toEqual([
      'paragraphs[2].votes[0]: Den slutna omröstningen (omröstning 1) i § 33 slutade lika (4–4). Vid lika röstetal avgörs valet genom lottning (KL 6 kap. 37 §); registrera lottningens utfall.',
    ]);
  });

  it('reservations: whoever lost one of the votes may reserve; one who won every vote may not', () => {
    // Per Olsson lost both; Lars Lind lost the återremiss vote and the main vote; Lena Viklund won both.
    expect(issuesOf(twoVotes((d) => (d.paragraphs[2]!.reservations = [{ person: 'per-olsson' }, { person: 'lars-lind' }])))).toEqual([]);
    expect(issuesOf(twoVotes((d) => (d.paragraphs[2]!.reservations = [{ person: 'lena-viklund' }])))).toEqual([
      'paragraphs[2].reservations[0].person: Lena Viklund röstade för det förslag som bifölls i varje omröstning i § 33 och kan inte reservera sig mot beslutet. Bara den som röstat emot eller vars yrkande fallit kan reservera sig.',
    ]);
    // Anna Berg won the main vote but lost the återremiss vote when she votes Nej in it: she may reserve.
    const lostFirst = twoVotes((d) => {
      const v = d.paragraphs[2]!.votes![0] as Extract<Vote, { kind: 'open' }>;
      v.votes.find((x) => x.person === 'anna-berg')!.vote = 'nej';
      d.paragraphs[2]!.reservations = [{ person: 'anna-berg', reason: 'Ärendet borde ha återremitterats.' }];
    });
    expect(issuesOf(lostFirst)).toEqual([]);
  });

  it('property: an outsider added to any vote of § 33 is refused at that vote, and only there', () => {
    const doc0 = parsed(twoVotes());
    const outsiders = doc0.people.map((p) => p.key).filter((k) => !SERVING_33.includes(k));
    fc.assert(
      fc.property(fc.constantFrom(...outsiders), fc.constantFrom(0, 1), fc.nat(9), (person, k, at) => {
        const raw = twoVotes((d) => {
          const v = d.paragraphs[2]!.votes![k] as Extract<Vote, { kind: 'open' }>;
          delete v.castingVote;
          v.votes.splice(at, 0, { person, vote: 'avstar' });
        });
        const doc = meetingDocumentSchema.safeParse(raw);
        const issues = doc.success ? [] : doc.error.issues.filter((i) => i.message.includes('kan inte rösta'));
        return issues.length === 1 && pathOf(issues[0]!.path as (string | number)[]) === `paragraphs[2].votes[${k}].votes[${at}].person`;
      }),
      { numRuns: 60 },
    );
  });
});

describe('the protocol prints each vote in order: "Omröstning 1 – …", its table and its result', () => {
  it('two votes in § 33', () => {
    const data = buildProtocolData(parsed(twoVotes()), { generatedAt: '2026-03-12T17:00:00+01:00' });
    const sections = data.paragraphs.find((p) => p.number === 33)!.sections.filter((s) => s.kind === 'vote');
    expect(sections.map((s) => s.heading)).toEqual(['Omröstning 1 – återremiss eller avgörande i dag', 'Omröstning 2']);
    const [first, second] = sections.map((s) => (s.kind === 'vote' ? s.vote : null));
    expect(first?.legend).toEqual(['Ja = ärendet avgörs i dag', 'Nej = ärendet återremitteras']);
    expect(first?.result).toBe('Omröstningen utfaller med 6 ja-röster mot 3 nej-röster. Socialnämnden har därmed beslutat enligt ja-förslaget: ärendet avgörs i dag.');
    expect(first?.rows).toHaveLength(9);
    expect(second?.result).toBe(
      'Omröstningen utfaller med 4 ja-röster mot 4 nej-röster och 1 som avstår. Då rösterna fallit lika avgör ordförandens utslagsröst (Ja). Socialnämnden har därmed beslutat enligt ja-förslaget: bifall till förvaltningens förslag.',
    );
  });

  it('a single vote is printed as before, under "Omröstning"', () => {
    const data = buildProtocolData(parsed(socialnamnd()), { generatedAt: '2026-03-12T17:00:00+01:00' });
    expect(
      data.paragraphs
        .find((p) => p.number === 33)!
        .sections.filter((s) => s.kind === 'vote')
        .map((s) => s.heading),
    ).toEqual(['Omröstning']);
  });

  it('the public version keeps the votes of an open § and drops those of a confidential one', async () => {
    const { publicVersion } = await import('../../core/domain/masking');
    const raw = twoVotes((d) => {
      d.paragraphs[3]!.votes = [{ kind: 'closed', jaMeans: 'bifall 19121212-1212', nejMeans: 'avslag', ja: 5, nej: 2, avstar: 0 }];
      d.paragraphs[2]!.votes![0]!.jaMeans = 'bistånd till 19121212–1212 avgörs i dag';
    });
    const pub = publicVersion(parsed(raw));
    expect(pub.paragraphs[3]!.votes).toEqual([]);
    expect(pub.paragraphs[2]!.votes).toHaveLength(2);
    expect(JSON.stringify(pub.paragraphs[2]!.votes)).not.toMatch(/1212/);
  });
});

describe('import, export and the workspace API', () => {
  it('imports and exports both votes in order; export → import gives the same JSON', async () => {
    const t = backend();
    const { meetingId } = await t.api.call('meetings.import', { document: twoVotes() });
    const out = await t.api.call('meetings.export', { meetingId });
    expect(out.paragraphs.find((p) => p.number === 33)!.votes.map((v) => v.subject ?? v.jaMeans)).toEqual(['återremiss eller avgörande i dag', 'bifall till förvaltningens förslag']);
    const other = backend();
    const again = await other.api.call('meetings.import', { document: out });
    expect(JSON.stringify(await other.api.call('meetings.export', { meetingId: again.meetingId }))).toBe(JSON.stringify(out));
  });

  it('import refuses a bad vote 2 and writes nothing', async () => {
    const t = backend();
    const before = rowCounts(t.backend);
    const e = await rejection(t.api.call('meetings.import', { document: twoVotes((d) => mainVote(d).votes.push({ person: 'bo-nyberg', vote: 'ja' })) }));
    expect(e.message).toContain('paragraphs[2].votes[1].votes[9].person: Bo Nyberg tjänstgör inte på § 33 och kan inte rösta där (omröstning 2).');
    expect(rowCounts(t.backend)).toEqual(before);
  });

  it('the workspace saves, reorders and removes votes; the casting vote is filled in per vote; a bad vote 2 is refused naming it', async () => {
    const t = backend();
    const { meetingId } = await t.api.call('meetings.import', { document: socialnamnd() });
    const ws = await t.api.call('workspace.meetings.get', { meetingId });
    const id33 = ws.paragraphs.find((p) => p.number === 33)!.id;
    const key = (name: string) => ws.doc.people.find((p) => p.name === name)!.key;
    const main = ws.doc.paragraphs.find((p) => p.number === 33)!.votes[0]! as Extract<Vote, { kind: 'open' }>;
    const { castingVote: _c, ...mainWithout } = main;
    const remiss: Extract<Vote, { kind: 'open' }> = { ...remissVote(), votes: remissVote().votes.map((v) => ({ ...v, person: key(nameOfKey(v.person)) })) };
    const r = await t.api.call('workspace.paragraphs.update', { paragraphId: id33, patch: { votes: [remiss, mainWithout] } });
    expect(r.paragraph.votes.map((v) => v.subject ?? null)).toEqual(['återremiss eller avgörande i dag', null]);
    expect(r.paragraph.votes[1]?.kind === 'open' ? r.paragraph.votes[1].castingVote : null).toEqual({ person: ws.doc.meeting.chair, side: 'ja' });
    expect(r.paragraph.votes[0]?.kind === 'open' ? r.paragraph.votes[0].castingVote : 'none').toBeUndefined();

    const bad = await rejection(
      t.api.call('workspace.paragraphs.update', { paragraphId: id33, patch: { votes: [remiss, { ...mainWithout, votes: [...mainWithout.votes, { person: key('Gunilla Falk'), vote: 'ja' }] }] } }),
    );
    expect(bad.message).toBe('Gunilla Falk tjänstgör inte på § 33 och kan inte rösta där (omröstning 2). Bara de som tjänstgör på paragrafen (efter jäv och inkallade ersättare) röstar.');
    expect(bad.details).toEqual({ issues: [{ path: 'votes[1].votes[9].person', message: bad.message }] });

    const swapped = await t.api.call('workspace.paragraphs.update', { paragraphId: id33, patch: { votes: [r.paragraph.votes[1]!, r.paragraph.votes[0]!] } });
    expect(swapped.paragraph.votes.map((v) => v.subject ?? null)).toEqual([null, 'återremiss eller avgörande i dag']);
    // Quick edits of the same field are one undo step (the test clock stands still): undo goes back to the imported single vote.
    await t.api.call('workspace.undo', { meetingId });
    const afterUndo = await t.api.call('workspace.meetings.get', { meetingId });
    expect(afterUndo.doc.paragraphs.find((p) => p.number === 33)!.votes).toEqual([main]);
    const none = await t.api.call('workspace.paragraphs.update', { paragraphId: id33, patch: { votes: [] } });
    expect(none.paragraph.votes).toEqual([]);
    const tooMany = await rejection(t.api.call('workspace.paragraphs.update', { paragraphId: id33, patch: { votes: Array.from({ length: 21 }, () => remiss) } }));
    expect(tooMany.message).toContain('Högst 20 omröstningar per paragraf.');
  });
});

function nameOfKey(key: string): string {
  return socialnamnd().people!.find((p) => p.key === key)!.name;
}
