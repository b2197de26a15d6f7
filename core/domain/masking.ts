// The public version of a meeting: confidential §§ and passages replaced by their OSL provision,
// personal identity numbers removed. Works on the data, so the masked text never reaches the file.
import type { Attendance, MeetingDocument, Paragraph } from '../format/meeting';
import type { Block, Inline, RichText } from '../format/richtext';
import { oslLabel } from '../format/provision';
import { removeIdentityNumbers } from './personnummer';
import { covers } from './presence';

export function confidentialityNotice(provision: string): string {
  return `[Sekretess enligt ${oslLabel(provision)}]`;
}

const clean = (s: string) => removeIdentityNumbers(s);

function maskInline(i: Inline): Inline {
  return { ...i, text: clean(i.text), ...(i.link === undefined ? {} : { link: clean(i.link) }) };
}

export function maskRichText(blocks: RichText): RichText {
  return blocks.map(maskBlock);
}

function maskBlock(b: Block): Block {
  switch (b.type) {
    case 'paragraph':
      return { type: 'paragraph', content: mergeRuns(b.content.map(maskInline)) };
    case 'heading':
      return { type: 'heading', text: clean(b.text) };
    case 'bullets':
    case 'numbered':
      return { type: b.type, items: b.items.map(maskRichText) };
    case 'figure':
      return { type: 'figure', ...(b.caption === undefined ? {} : { caption: clean(b.caption) }) };
    case 'confidential':
      return { type: 'paragraph', content: [{ text: confidentialityNotice(b.provision), italic: true }] };
    default: {
      const never: never = b;
      return never;
    }
  }
}

// A number split across two runs ("19121212-" + "1212") would escape the per-run check; runs with
// identical formatting are merged first so the check sees the whole text.
function mergeRuns(runs: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const r of runs) {
    const prev = out[out.length - 1];
    if (prev && prev.bold === r.bold && prev.italic === r.italic && prev.link === r.link) out[out.length - 1] = { ...prev, text: prev.text + r.text };
    else out.push(r);
  }
  return out.map((r) => ({ ...r, text: clean(r.text) }));
}

function maskParagraph(p: Paragraph): Paragraph {
  if (p.confidential !== undefined) {
    const notice = [{ type: 'paragraph' as const, content: [{ text: confidentialityNotice(p.confidential.provision), italic: true }] }];
    return {
      ...p,
      title: confidentialityNotice(p.confidential.provision),
      caseNumber: undefined,
      decision: undefined,
      summary: undefined,
      description: undefined,
      body: notice,
      decisionDocuments: [],
      motions: [],
      propositionOrder: undefined,
      votes: [],
      reservations: [],
      protocolNotes: [],
      // Who had jäv in a confidential matter tells whom it concerns: the name goes with the rest.
      jav: [],
      distribution: [],
      attachments: [],
    };
  }
  const opt = (r: RichText | undefined) => (r === undefined ? undefined : maskRichText(r));
  return {
    ...p,
    title: clean(p.title),
    caseNumber: p.caseNumber === undefined ? undefined : clean(p.caseNumber),
    decision: p.decision === undefined ? undefined : { ...p.decision, points: p.decision.points.map(maskRichText) },
    summary: opt(p.summary),
    description: opt(p.description),
    body: opt(p.body),
    decisionDocuments: p.decisionDocuments.map(clean),
    motions: p.motions.map((m) => ({ ...m, text: clean(m.text) })),
    propositionOrder: opt(p.propositionOrder),
    votes: p.votes.map((v) => ({ ...v, jaMeans: clean(v.jaMeans), nejMeans: clean(v.nejMeans), ...(v.subject === undefined ? {} : { subject: clean(v.subject) }) })),
    reservations: p.reservations.map((r) => ({ ...r, ...(r.reason === undefined ? {} : { reason: clean(r.reason) }) })),
    protocolNotes: p.protocolNotes.map((n) => ({ ...n, text: clean(n.text) })),
    jav: p.jav.map((j) => ({ ...j, ...(j.note === undefined ? {} : { note: clean(j.note) }) })),
    distribution: p.distribution.map(clean),
    // PDF attachments cannot be checked for secrets here; the public version lists them by title only.
    attachments: p.attachments.map((a) =>
      a.kind === 'document' ? { ...a, title: clean(a.title), sections: a.sections.map((s) => ({ heading: clean(s.heading), body: maskRichText(s.body) })) } : { ...a, title: clean(a.title) },
    ),
  };
}

/** A copy of the meeting fit for publishing: secrets and identity numbers are gone from the data. */
export function publicVersion(doc: MeetingDocument): MeetingDocument {
  const confidential = new Set(doc.paragraphs.filter((p) => p.confidential !== undefined).map((p) => p.number));
  return {
    ...doc,
    attendance: withoutMaskedJavSubstitutes(doc, confidential).map((a) => ({ ...a, ...(a.note === undefined ? {} : { note: clean(a.note) }) })),
    paragraphs: doc.paragraphs.map((p) => stripUndefined(maskParagraph(p))),
  };
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The OSL provisions that make a § secret, in order and without repeats: the whole §'s, then
 * those of confidential passages anywhere in it (text, decision, attachments). Empty = no secrets.
 */
export function confidentialProvisions(p: Paragraph): string[] {
  const found: string[] = [];
  if (p.confidential !== undefined) found.push(p.confidential.provision);
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (const x of v) walk(x);
    } else if (typeof v === 'object' && v !== null) {
      const o = v as Record<string, unknown>;
      if (o['type'] === 'confidential' && typeof o['provision'] === 'string') found.push(o['provision']);
      for (const x of Object.values(o)) walk(x);
    }
  };
  walk({ ...p, confidential: undefined });
  return [...new Set(found)];
}

/** One § with its secrets replaced by their OSL provision (as in the public version). */
export function maskedParagraph(p: Paragraph): Paragraph {
  return stripUndefined(maskParagraph(p));
}

/**
 * The attendance with the substitutions that a masked jäv caused hidden. A confidential § masked
 * in full does not name who had jäv (maskParagraph), but a substitute serving in that person's
 * seat on just those §§ named them all the same — "Maja Lund tjänstgör från och med § 90 i
 * stället för Margareta Öhman" in the §, "Ersätter Margareta Öhman; § 90" in the närvarolista.
 * Such a substitute is shown present, not serving, there, joined with their presence around it.
 * `masked`: the §§ masked in full (their `confidential` is set); the others keep their jäv.
 */
export function withoutMaskedJavSubstitutes(doc: Pick<MeetingDocument, 'attendance' | 'paragraphs'>, masked: ReadonlySet<number>): Attendance[] {
  const numbers = doc.paragraphs.map((p) => p.number);
  const javOn = new Map(doc.paragraphs.filter((p) => p.confidential !== undefined && masked.has(p.number)).map((p) => [p.number, new Set(p.jav.map((j) => j.person))]));
  if (javOn.size === 0) return [...doc.attendance];
  const start = (a: Attendance) => (a.fromParagraph === undefined ? 0 : numbers.indexOf(a.fromParagraph));
  const end = (a: Attendance) => (a.toParagraph === undefined ? numbers.length - 1 : numbers.indexOf(a.toParagraph));
  const hidden = (a: Attendance) => {
    if (a.capacity !== 'substitute' || a.replaces === undefined) return false;
    const seat = a.replaces;
    const on = numbers.filter((n) => covers(a, n));
    return on.length > 0 && on.every((n) => javOn.get(n)?.has(seat) === true);
  };
  let out: Attendance[] = [];
  const converted = new Set<Attendance>();
  for (const a of doc.attendance) {
    if (!hidden(a)) {
      out.push(a);
      continue;
    }
    const { replaces: _r, orderReason: _o, ...rest } = a;
    const present: Attendance = { ...rest, capacity: 'present' };
    converted.add(present);
    out.push(present);
  }
  // Join a converted period with the same person's presence right before and after it.
  for (const c of converted) {
    if (!out.includes(c)) continue;
    const before = out.find((a) => a !== c && a.person === c.person && a.capacity === 'present' && end(a) === start(c) - 1);
    const after = out.find((a) => a !== c && a.person === c.person && a.capacity === 'present' && start(a) === end(c) + 1);
    if (before === undefined && after === undefined) continue;
    const first = before ?? c;
    const last = after ?? c;
    const joined: Attendance = { ...first, capacity: 'present' };
    delete joined.toParagraph;
    delete joined.toTime;
    if (last.toParagraph !== undefined) joined.toParagraph = last.toParagraph;
    if (last.toTime !== undefined) joined.toTime = last.toTime;
    if (joined.note === undefined && last.note !== undefined) joined.note = last.note;
    const gone = new Set([before, c, after]);
    const at = out.findIndex((a) => gone.has(a));
    out = out.filter((a) => !gone.has(a));
    out.splice(at, 0, joined);
    if (after !== undefined && converted.has(after)) converted.add(joined);
  }
  return out;
}
