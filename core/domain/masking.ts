// The public version of a meeting: confidential §§ and passages replaced by their OSL provision,
// personal identity numbers removed. Works on the data, so the masked text never reaches the file.
import type { MeetingDocument, Paragraph } from '../format/meeting';
import type { Block, Inline, RichText } from '../format/richtext';
import { oslLabel } from '../format/provision';
import { removeIdentityNumbers } from './personnummer';

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
  return {
    ...doc,
    attendance: doc.attendance.map((a) => ({ ...a, ...(a.note === undefined ? {} : { note: clean(a.note) }) })),
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
