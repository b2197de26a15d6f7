// Issue 16: a member leaving early offers a substitute. When a member (or the substitute in a
// member's seat) leaves after § N and a substitute is there, present and not serving, the
// substitutes' order (personal substitute, the member's party, then the order — proposeSubstitutes)
// says who serves from the next § for as long as the seat stays empty. Taking the offer changes only
// that substitute's periods, leaves no contradiction, keeps the substitute order, and — with enough
// substitutes — every § has as many serving as the board has seats.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { departureOffers, departureWarnings, serveAfterDeparture } from '../../core/domain/departure';
import { narvarolista, presenceProblems, proposeSubstitutes, servingOn } from '../../core/domain/presence';
import { substituteOrderProblems } from '../../core/domain/substitute-order';
import type { Attendance, Member, Paragraph } from '../../core/format/meeting';

const numbers = [20, 21, 22, 23, 24, 25, 26];
const term = { termStart: '2023-01-01', termEnd: '2026-12-31' };
const member = (person: string, party: string): Member => ({ person, role: 'ledamot', party, ...term });
const substitute = (person: string, party: string, order: number, extra: Partial<Member> = {}): Member => ({ person, role: 'ersattare', party, substituteOrder: order, ...term, ...extra });
const names = (k: string) => k.toUpperCase();

function docOf(members: Member[], attendance: Attendance[], paragraphNumbers = numbers) {
  return {
    members,
    attendance,
    paragraphs: paragraphNumbers.map((number) => ({ number, jav: [] })) as unknown as Paragraph[],
    meeting: { chair: 'm1' },
  };
}

const roster = [member('m1', 'M'), member('m2', 'S'), member('m3', 'S'), substitute('e1', 'S', 1), substitute('e2', 'M', 2), substitute('e3', 'V', 3, { substituteFor: 'm3' })];

describe('departureOffers', () => {
  it('calls in the free substitute of the leaver’s party before the first in order, from the next §', () => {
    const attendance: Attendance[] = [
      { person: 'm1', capacity: 'member', toParagraph: 22, toTime: '10:15' },
      { person: 'm2', capacity: 'member' },
      { person: 'm3', capacity: 'member' },
      { person: 'e1', capacity: 'present' },
      { person: 'e2', capacity: 'present' },
    ];
    const doc = docOf(roster, attendance);
    expect(departureOffers(doc)).toEqual([{ seat: 'm1', leaver: 'm1', lastServed: 22, from: 23, to: 26, substitute: 'e2', candidates: ['e2', 'e1'] }]);
    expect(departureWarnings(doc, names)[0]).toContain('M1 lämnade sammanträdet efter § 22 och platsen står tom på §§ 23–26, fast ersättaren E2 var närvarande.');

    const next = serveAfterDeparture(doc, 'm1', 23, 'e2');
    expect(next).toEqual([
      { person: 'm1', capacity: 'member', toParagraph: 22, toTime: '10:15' },
      { person: 'm2', capacity: 'member' },
      { person: 'm3', capacity: 'member' },
      { person: 'e1', capacity: 'present' },
      { person: 'e2', capacity: 'present', toParagraph: 22 },
      { person: 'e2', capacity: 'substitute', replaces: 'm1', fromParagraph: 23 },
    ]);
    const after = docOf(roster, next);
    for (const n of numbers) expect(servingOn(after, n)).toHaveLength(3);
    expect(servingOn(after, 23)).toContainEqual({ person: 'e2', capacity: 'substitute', replaces: 'm1' });
    expect(departureOffers(after)).toEqual([]);
    expect(presenceProblems(after, names)).toEqual([]);
    expect(substituteOrderProblems(after, names)).toEqual([]);
    // The närvarolista says who served for whom and from which §.
    const list = narvarolista({ ...after, meeting: { chair: 'm2' } } as never, names);
    expect(list.substitutes).toEqual([{ person: 'e2', remarks: ['Ersätter M1', '§§ 23-26'] }]);
    expect(list.members.find((e) => e.person === 'm1')?.remarks).toEqual(['§§ 20-22, till kl. 10.15']);
  });

  it('prefers the member’s personal substitute, and the offer agrees with proposeSubstitutes', () => {
    const attendance: Attendance[] = [
      { person: 'm1', capacity: 'member' },
      { person: 'm2', capacity: 'member' },
      { person: 'm3', capacity: 'member', toParagraph: 20 },
      { person: 'e1', capacity: 'present' },
      { person: 'e3', capacity: 'present' },
    ];
    const [offer] = departureOffers(docOf(roster, attendance));
    expect(offer).toMatchObject({ seat: 'm3', from: 21, substitute: 'e3', candidates: ['e3', 'e1'] });
    const free = roster.filter((m) => m.person === 'e1' || m.person === 'e3');
    expect(proposeSubstitutes([roster[2] as Member, ...free], new Set(['e1', 'e3'])).get('m3')).toBe('e3');
  });

  it('serves only until the member comes back, and the substitute is present again after', () => {
    const attendance: Attendance[] = [
      { person: 'm1', capacity: 'member', toParagraph: 21 },
      { person: 'm1', capacity: 'member', fromParagraph: 24 },
      { person: 'e1', capacity: 'present', fromTime: '09:00', toTime: '11:00' },
    ];
    const doc = docOf(roster, attendance);
    expect(departureOffers(doc)).toMatchObject([{ seat: 'm1', from: 22, to: 23, substitute: 'e1' }]);
    const next = serveAfterDeparture(doc, 'm1', 22, 'e1');
    expect(next.filter((a) => a.person === 'e1')).toEqual([
      { person: 'e1', capacity: 'present', toParagraph: 21, fromTime: '09:00' },
      { person: 'e1', capacity: 'substitute', replaces: 'm1', fromParagraph: 22, toParagraph: 23 },
      { person: 'e1', capacity: 'present', fromParagraph: 24, toTime: '11:00' },
    ]);
    expect(presenceProblems(docOf(roster, next), names)).toEqual([]);
  });

  it('offers a new substitute when the substitute serving in the seat leaves too', () => {
    const attendance: Attendance[] = [
      { person: 'm1', capacity: 'absent' },
      { person: 'e2', capacity: 'substitute', replaces: 'm1', toParagraph: 24 },
      { person: 'e1', capacity: 'present' },
    ];
    expect(departureOffers(docOf(roster, attendance))).toMatchObject([{ seat: 'm1', leaver: 'e2', lastServed: 24, from: 25, substitute: 'e1' }]);
  });

  it('offers nothing without a free substitute, at the last §, for a member absent from the start, or when the seat is held', () => {
    const m1Leaves: Attendance = { person: 'm1', capacity: 'member', toParagraph: 22 };
    expect(departureOffers(docOf(roster, [m1Leaves]))).toEqual([]);
    expect(departureOffers(docOf(roster, [m1Leaves, { person: 'e1', capacity: 'present', toParagraph: 22 }]))).toEqual([]);
    expect(departureOffers(docOf(roster, [m1Leaves, { person: 'e1', capacity: 'substitute', replaces: 'm2' }, { person: 'm2', capacity: 'absent' }]))).toEqual([]);
    expect(
      departureOffers(
        docOf(roster, [
          { person: 'm1', capacity: 'member', toParagraph: 26 },
          { person: 'e1', capacity: 'present' },
        ]),
      ),
    ).toEqual([]);
    expect(departureOffers(docOf(roster, [{ person: 'e1', capacity: 'present' }]))).toEqual([]);
    expect(departureOffers(docOf(roster, [m1Leaves, { person: 'e1', capacity: 'present' }, { person: 'e2', capacity: 'substitute', replaces: 'm1', fromParagraph: 23 }]))).toEqual([]);
    // An official or someone outside the roster present is no substitute.
    expect(departureOffers(docOf(roster, [m1Leaves, { person: 'x', capacity: 'present' }]))).toEqual([]);
  });

  it('leaves the attendance as it is when the substitute cannot serve at that §', () => {
    const attendance: Attendance[] = [
      { person: 'm1', capacity: 'member', toParagraph: 22 },
      { person: 'e1', capacity: 'present', toParagraph: 22 },
    ];
    expect(serveAfterDeparture(docOf(roster, attendance), 'm1', 23, 'e1')).toEqual(attendance);
  });
});

// A board of `seats` members, all there from the start; each may leave after some § and may come
// back later; the substitutes are there throughout. Taking every offer, one by one, in the order
// they come: at every § where no more members are away than there are substitutes, exactly `seats`
// serve; the attendance never contradicts itself, the order is kept, and only the called-in
// substitutes' periods change.
describe('taking every offer', () => {
  const parties = ['S', 'M', 'C', 'V'];
  const board = fc.record({
    seats: fc.integer({ min: 1, max: 7 }),
    subs: fc.integer({ min: 0, max: 5 }),
    paragraphs: fc.integer({ min: 2, max: 8 }),
    seed: fc.array(fc.record({ party: fc.nat(3), leave: fc.nat(20), back: fc.nat(20), personalFor: fc.nat(9) }), { minLength: 12, maxLength: 12 }),
  });

  it('fills every empty seat a substitute can take', () => {
    fc.assert(
      fc.property(board, ({ seats, subs, paragraphs, seed }) => {
        const nums = Array.from({ length: paragraphs }, (_, i) => 100 + i);
        const members: Member[] = [];
        const attendance: Attendance[] = [];
        for (let i = 0; i < seats; i += 1) {
          const s = seed[i] as (typeof seed)[number];
          members.push(member(`m${i}`, parties[s.party] as string));
          // Leaves after §§ index `leave` (if inside the meeting, not the last), comes back at `back` (if later).
          const leave = s.leave % (paragraphs + 2);
          if (leave >= paragraphs - 1) {
            attendance.push({ person: `m${i}`, capacity: 'member' });
            continue;
          }
          attendance.push({ person: `m${i}`, capacity: 'member', toParagraph: nums[leave] as number });
          const back = leave + 2 + (s.back % paragraphs);
          if (back < paragraphs) attendance.push({ person: `m${i}`, capacity: 'member', fromParagraph: nums[back] as number });
        }
        for (let j = 0; j < subs; j += 1) {
          const s = seed[seats + j] ?? (seed[0] as (typeof seed)[number]);
          const personal = s.personalFor < seats && s.personalFor % 3 === 0 ? { substituteFor: `m${s.personalFor}` } : {};
          members.push(substitute(`e${j}`, parties[s.party] as string, j + 1, personal));
          attendance.push({ person: `e${j}`, capacity: 'present' });
        }
        let doc = docOf(members, attendance, nums);
        for (let k = 0; k < 50; k += 1) {
          const [offer] = departureOffers(doc);
          if (offer === undefined) break;
          const next = serveAfterDeparture(doc, offer.seat, offer.from, offer.substitute);
          // Nobody but the called-in substitute changes.
          expect(next.filter((a) => a.person !== offer.substitute)).toEqual(doc.attendance.filter((a) => a.person !== offer.substitute));
          expect(next).not.toEqual(doc.attendance);
          doc = docOf(members, next, nums);
        }
        expect(departureOffers(doc)).toEqual([]);
        expect(presenceProblems(doc, names)).toEqual([]);
        const general = members.filter((m) => m.role === 'ersattare' && m.substituteFor === undefined).length;
        for (const n of nums) {
          const away =
            attendance.filter((a) => a.capacity === 'member').length === 0
              ? seats
              : seats - new Set(attendance.filter((a) => a.capacity === 'member' && (a.fromParagraph ?? -1) <= n && (a.toParagraph ?? 1e9) >= n).map((a) => a.person)).size;
          const serving = servingOn(doc, n).length;
          expect(serving).toBeLessThanOrEqual(seats);
          if (away <= general) expect(serving).toBe(seats);
        }
        // Each substitute called in was, at the § they began, the one the order calls in: the order
        // check (substitute-order.ts) never objects at that § (only later, if someone ahead became free).
        for (const p of substituteOrderProblems(doc, names)) expect(doc.attendance[p.attendanceIndex]?.fromParagraph).not.toBe(p.paragraph);
        // A personal substitute never serves in another member's seat.
        for (const a of doc.attendance) {
          const own = members.find((m) => m.person === a.person)?.substituteFor;
          if (a.capacity === 'substitute' && own !== undefined) expect(a.replaces).toBe(own);
        }
      }),
      { numRuns: 300 },
    );
  });
});
