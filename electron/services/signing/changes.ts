// What changed between two revisions of a PDF, as a reader resolves them, and whether each change is
// one that adding a signature needs. Allowed: the new signature dictionary, the signed field's /V, its
// widget's /AP and /F (never revealing a hidden widget) and a missing /P to its own page, /AcroForm
// /Fields (appending new signature fields) and /SigFlags, the catalog's /AcroForm, /DSS and
// /Extensions, and everything reachable only from those (appearance streams and their fonts, DSS/VRI
// data, document time stamps). Everything else — a new or changed /Root, /Pages, page, content
// stream, resource, font, /OCProperties, annotation, /Info, a deleted object, an object defined twice
// or outside the xref, a changed /Rect — is a change after signing.
import { PdfDict, PdfName, PdfRef, canonical, type PdfValue } from './pdf-syntax';
import { RevisionReader, type Revision, type RevisionModel } from './revisions';

export interface RevisionChange {
  /** The revision that made the change (1 = the original). */
  revision: number;
  /** Object number, when the change concerns one object. */
  object: number | null;
  /** Swedish description, e.g. "Sida (objekt 12) har ändrats". */
  what: string;
  allowed: boolean;
}

const HIDDEN_FLAGS = 1 | 2 | 32; // Invisible, Hidden, NoView

interface SigField {
  name: string;
  /** Object number of the field dictionary (null when direct). */
  fieldNum: number | null;
  /** Object numbers of its widgets (may equal fieldNum for a merged field/widget). */
  widgets: number[];
  value: PdfValue | undefined;
}

function text(v: PdfValue | undefined): string {
  if (v && typeof v === 'object' && 'bytes' in v) {
    const s = v.bytes;
    if (s.startsWith('\u00fe\u00ff')) {
      let out = '';
      for (let i = 2; i + 1 < s.length; i += 2) out += String.fromCharCode((s.charCodeAt(i) << 8) | s.charCodeAt(i + 1));
      return out;
    }
    return s;
  }
  return '';
}

const isName = (v: PdfValue | undefined, name: string): boolean => v instanceof PdfName && v.name === name;

/** Every terminal field in the form, with inherited /FT. */
function sigFields(r: RevisionReader): SigField[] {
  const root = r.rootRef();
  const catalog = root ? r.dict(root) : null;
  const form = r.dict(catalog?.get('AcroForm'));
  const fields = r.resolve(form?.get('Fields'));
  const out: SigField[] = [];
  const seen = new Set<number>();
  const walk = (v: PdfValue, parentName: string, ft: PdfValue | undefined, depth: number): void => {
    if (depth > 50) return;
    const n = v instanceof PdfRef ? v.num : null;
    if (n !== null) {
      if (seen.has(n)) return;
      seen.add(n);
    }
    const d = r.dict(v);
    if (!d) return;
    const name = d.has('T') ? (parentName ? `${parentName}.${text(d.get('T'))}` : text(d.get('T'))) : parentName;
    const type = d.get('FT') ?? ft;
    const kids = r.resolve(d.get('Kids'));
    const childFields = Array.isArray(kids) ? kids.filter((k) => r.dict(k)?.has('T')) : [];
    if (childFields.length > 0) {
      for (const k of childFields) walk(k, name, type, depth + 1);
      return;
    }
    if (!isName(type, 'Sig')) return;
    const widgets: number[] = [];
    if (n !== null && (d.has('Rect') || isName(d.get('Subtype'), 'Widget'))) widgets.push(n);
    if (Array.isArray(kids)) for (const k of kids) if (k instanceof PdfRef) widgets.push(k.num);
    out.push({ name, fieldNum: n, widgets, value: d.get('V') });
  };
  if (Array.isArray(fields)) for (const f of fields) walk(f, '', undefined, 0);
  return out;
}

/** Object numbers reachable from the trailer, not descending into what `skip` says. */
function reachable(r: RevisionReader, skip: (num: number | null, key: string) => boolean): Set<number> {
  const out = new Set<number>();
  const stack: { v: PdfValue | undefined; owner: number | null }[] = [];
  for (const k of ['Root', 'Info', 'Encrypt']) stack.push({ v: r.revision.trailer.get(k), owner: null });
  while (stack.length > 0) {
    const { v, owner } = stack.pop() ?? { v: undefined, owner: null };
    if (v instanceof PdfRef) {
      if (out.has(v.num)) continue;
      out.add(v.num); // also when undefined in this revision: a dangling reference a later update could fill
      const o = r.get(v.num);
      if (o) stack.push({ v: o.value, owner: v.num });
    } else if (Array.isArray(v)) for (const x of v) stack.push({ v: x, owner });
    else if (v instanceof PdfDict) for (const [k, x] of v.map) if (!skip(owner, k)) stack.push({ v: x, owner: null });
  }
  return out;
}

function describe(r: RevisionReader, n: number, infoNum: number | null): string {
  if (n === infoNum) return `Dokumentinformationen (/Info, objekt ${n})`;
  const o = r.get(n);
  const d = o?.dict;
  const type = d?.get('Type');
  const sub = d?.get('Subtype');
  const t = type instanceof PdfName ? type.name : '';
  const s = sub instanceof PdfName ? sub.name : '';
  const label =
    t === 'Catalog'
      ? 'Katalogen (/Root)'
      : t === 'Pages'
        ? 'Sidträdet (/Pages)'
        : t === 'Page'
          ? 'En sida'
          : t === 'Font' || t === 'FontDescriptor' || /^FontFile/.test(s)
            ? 'Ett typsnitt'
            : t === 'Annot' || (s !== '' && d?.has('Rect'))
              ? `En annotering (${s || 'Annot'})`
              : t === 'OCG' || t === 'OCMD' || d?.has('OCGs')
                ? 'Valfritt innehåll (OCG)'
                : t === 'Sig' || t === 'DocTimeStamp'
                  ? 'En tidigare signatur'
                  : t === 'XObject' || s === 'Form' || s === 'Image'
                    ? `Ett ${s === 'Image' ? 'bildobjekt' : 'formulärobjekt'} (XObject)`
                    : o?.streamHash
                      ? 'En innehållsström'
                      : d?.has('FT')
                        ? `Formulärfältet "${text(d.get('T'))}"`
                        : 'Ett objekt';
  return `${label} (objekt ${n})`;
}

/**
 * A page (or its indirect /Annots array) whose only change is appending widgets of signature fields
 * new in this update: allowed when they are invisible (zero area or hidden), else they could cover
 * the page. Null when the change is something else.
 */
function annotsAppend(A: RevisionReader, B: RevisionReader, va: PdfValue, vb: PdfValue, signedObjs: Set<number>): 'invisible' | 'visible' | null {
  let la: PdfValue | undefined = va;
  let lb: PdfValue | undefined = vb;
  if (va instanceof PdfDict && vb instanceof PdfDict) {
    if (!isName(va.get('Type'), 'Page') || !isName(vb.get('Type'), 'Page')) return null;
    const keys = new Set([...va.map.keys(), ...vb.map.keys()]);
    for (const k of keys) if (k !== 'Annots' && !same(va.get(k), vb.get(k))) return null;
    la = A.resolve(va.get('Annots')) ?? [];
    lb = B.resolve(vb.get('Annots'));
  }
  if (!Array.isArray(la) || !Array.isArray(lb) || lb.length <= la.length) return null;
  if (!la.every((x, i) => same(x, lb[i]))) return null;
  let visible = false;
  for (const x of lb.slice(la.length)) {
    if (!(x instanceof PdfRef) || A.get(x.num) !== null || !signedObjs.has(x.num)) return null;
    const w = B.dict(x);
    const rect = B.resolve(w?.get('Rect'));
    const r = Array.isArray(rect) ? rect.map((v) => (typeof v === 'number' ? v : 0)) : [0, 0, 0, 0];
    const area = Math.abs(((r[2] ?? 0) - (r[0] ?? 0)) * ((r[3] ?? 0) - (r[1] ?? 0)));
    const flags = typeof w?.get('F') === 'number' ? (w.get('F') as number) : 0;
    if (area > 0 && !(flags & HIDDEN_FLAGS)) visible = true;
  }
  return visible ? 'visible' : 'invisible';
}

const same = (a: PdfValue | undefined, b: PdfValue | undefined): boolean => canonical(a ?? null) === canonical(b ?? null);

/** Changes from `older` to `newer` (consecutive or not), each marked allowed or not. */
export function compareRevisions(model: RevisionModel, older: Revision, newer: Revision): RevisionChange[] {
  const A = new RevisionReader(model, older);
  const B = new RevisionReader(model, newer);
  const changes: RevisionChange[] = [];
  const add = (object: number | null, what: string, allowed: boolean) => changes.push({ revision: newer.number, object, what, allowed });

  for (const a of newer.anomalies) add(null, a, false);
  for (const key of ['Root', 'Info', 'Encrypt']) {
    if (!same(older.trailer.get(key), newer.trailer.get(key))) {
      add(null, key === 'Root' ? 'Trailern pekar på en ny katalog (/Root)' : key === 'Info' ? 'Trailerns /Info har ändrats' : 'Trailerns /Encrypt har ändrats', false);
    }
  }

  // Which fields this update signs: /V absent before, a new signature dictionary after.
  const fieldsA = new Map(sigFields(A).map((f) => [f.fieldNum ?? -1, f]));
  const fieldsB = sigFields(B);
  const newlySigned = fieldsB.filter((f) => {
    const before = f.fieldNum === null ? undefined : fieldsA.get(f.fieldNum);
    const hadValue = before !== undefined && before.value !== undefined;
    const v = f.value;
    const sig = B.dict(v);
    return !hadValue && v instanceof PdfRef && A.get(v.num) === null && sig !== null && sig.has('ByteRange') && sig.has('Contents');
  });
  const signedObjs = new Set<number>();
  for (const f of newlySigned) {
    if (f.fieldNum !== null) signedObjs.add(f.fieldNum);
    for (const w of f.widgets) signedObjs.add(w);
  }
  const rootA = A.rootRef();
  const rootB = B.rootRef();
  const skip = (owner: number | null, key: string): boolean =>
    (owner !== null && signedObjs.has(owner) && (key === 'V' || key === 'AP')) ||
    (owner !== null && (owner === rootA?.num || owner === rootB?.num) && key === 'DSS') ||
    key === 'Parent' ||
    key === 'P';
  const visibleA = reachable(A, skip);
  const visibleB = reachable(B, skip);
  const infoNum = (() => {
    const i = newer.trailer.get('Info') ?? older.trailer.get('Info');
    return i instanceof PdfRef ? i.num : null;
  })();

  // Catalog and form: only the signing keys may differ.
  const handled = new Set<number>();
  const catA = A.dict(rootA ?? undefined);
  const catB = B.dict(rootB ?? undefined);
  if (rootA) handled.add(rootA.num);
  if (rootB) handled.add(rootB.num);
  if (catA && catB) {
    for (const key of new Set([...catA.map.keys(), ...catB.map.keys()])) {
      if (['AcroForm', 'DSS', 'Extensions'].includes(key)) continue;
      if (!same(catA.get(key), catB.get(key))) add(rootB?.num ?? null, `Katalogen (/Root): /${key} har ändrats`, false);
    }
    if (!same(catA.get('DSS'), catB.get('DSS'))) add(rootB?.num ?? null, 'Valideringsdata (/DSS) har lagts till eller ändrats', true);
    const formRefA = catA.get('AcroForm');
    const formRefB = catB.get('AcroForm');
    for (const f of [formRefA, formRefB]) if (f instanceof PdfRef) handled.add(f.num);
    const formA = A.dict(formRefA);
    const formB = B.dict(formRefB);
    if (formB && !formA && catA.has('AcroForm')) add(rootB?.num ?? null, 'Katalogens /AcroForm har ersatts', false);
    if (formB && formA) {
      for (const key of new Set([...formA.map.keys(), ...formB.map.keys()])) {
        if (key === 'Fields' || key === 'SigFlags') continue;
        if (!same(formA.get(key), formB.get(key))) add(null, `Formuläret (/AcroForm): /${key} har ändrats`, false);
      }
      for (const f of [formA.get('Fields'), formB.get('Fields')]) if (f instanceof PdfRef) handled.add(f.num);
      const fa = A.resolve(formA.get('Fields'));
      const fb = B.resolve(formB.get('Fields'));
      const la = Array.isArray(fa) ? fa : [];
      const lb = Array.isArray(fb) ? fb : [];
      const prefix = la.every((x, i) => same(x, lb[i]));
      const appendedOk = lb.slice(la.length).every((x) => x instanceof PdfRef && A.get(x.num) === null && signedObjs.has(x.num));
      if (!prefix || !appendedOk) add(null, 'Formulärets fältlista (/AcroForm /Fields) har ändrats på annat sätt än med ett nytt signaturfält', false);
      if (!same(formA.get('SigFlags'), formB.get('SigFlags'))) add(null, 'Formulärets /SigFlags har ändrats', true);
    }
  }

  // The fields signed in this update: /V, /AP, /F (not revealing), a missing /P to the widget's own page.
  for (const f of newlySigned) add(f.fieldNum, `Signatur tillagd i fältet "${f.name}"`, true);
  for (const n of signedObjs) {
    handled.add(n);
    const a = A.get(n)?.dict;
    const b = B.get(n)?.dict;
    if (!b) continue;
    if (!a) {
      // A field new in this update: allowed only when nothing shows it on a page (checked via the pages).
      continue;
    }
    const name = fieldsB.find((f) => f.fieldNum === n || f.widgets.includes(n))?.name ?? '?';
    for (const key of new Set([...a.map.keys(), ...b.map.keys()])) {
      if (same(a.get(key), b.get(key))) continue;
      if (key === 'V' || key === 'AP') continue;
      if (key === 'F') {
        const fa = typeof a.get('F') === 'number' ? (a.get('F') as number) : 0;
        const fb = typeof b.get('F') === 'number' ? (b.get('F') as number) : 0;
        if (fa & HIDDEN_FLAGS && !(fb & HIDDEN_FLAGS)) add(n, `Det dolda signaturfältet "${name}" har gjorts synligt`, false);
        continue;
      }
      if (key === 'P' && !a.has('P')) {
        const page = B.dict(b.get('P'));
        const annots = page ? A.resolve(page.get('Annots')) : undefined;
        if (Array.isArray(annots) && annots.some((x) => x instanceof PdfRef && x.num === n)) continue;
      }
      add(n, `Signaturfältet "${name}": /${key} har ändrats`, false);
    }
  }

  // Every other object a reader shows must be the same object with the same content.
  const numbers = new Set<number>([...older.map.keys(), ...newer.map.keys()]);
  for (const n of [...numbers].sort((x, y) => x - y)) {
    if (handled.has(n)) continue;
    const a = A.get(n);
    const b = B.get(n);
    if (a === null && b === null) continue;
    if (a !== null && b !== null && a.canonical === b.canonical) continue;
    const shown = visibleA.has(n) || visibleB.has(n);
    if (!shown) continue; // only inside the new signature, its appearance, DSS — or used by nothing
    const annots = a && b ? annotsAppend(A, B, a.value, b.value, signedObjs) : null;
    if (annots === 'invisible') {
      add(n, `Ett osynligt signaturfält har lagts till på en sida (objekt ${n})`, true);
      continue;
    }
    if (annots === 'visible') {
      add(n, `Ett nytt synligt signaturfält har lagts till på en sida (objekt ${n}); det kan täcka innehåll`, false);
      continue;
    }
    const label = describe(b ? B : A, n, infoNum);
    const da = a?.dict;
    const db = b?.dict;
    const keys = da && db ? [...new Set([...da.map.keys(), ...db.map.keys()])].filter((k) => !same(da.get(k), db.get(k))).map((k) => `/${k}`) : [];
    const detail = keys.length > 0 ? ` (${keys.join(', ')})` : a && b && a.streamHash !== b.streamHash ? ' (innehållet)' : '';
    add(n, a === null ? `${label} har lagts till` : b === null ? `${label} har tagits bort` : `${label} har ändrats${detail}`, false);
  }
  return changes;
}

/** The changes made by every update after revision `after` (its number), in order. */
const increments = new WeakMap<RevisionModel, Map<number, RevisionChange[]>>();

export function changesAfterRevision(model: RevisionModel, after: number): RevisionChange[] {
  const cache = increments.get(model) ?? new Map<number, RevisionChange[]>();
  increments.set(model, cache);
  const out: RevisionChange[] = [];
  for (let i = after; i < model.revisions.length; i++) {
    const older = model.revisions[i - 1];
    const newer = model.revisions[i];
    if (!older || !newer) continue;
    const changes = cache.get(i) ?? compareRevisions(model, older, newer);
    cache.set(i, changes);
    out.push(...changes);
  }
  return out;
}

export interface SignatureRevisionCheck {
  /** The revision the signature covers, or null when its byte range does not end at one. */
  revision: number | null;
  /** A reader resolves this signature's dictionary, and its /Contents is exactly the unsigned gap. */
  inPlace: boolean;
  changesAfter: RevisionChange[];
  onlyAllowedChangesAfter: boolean;
  problems: string[];
}

/** The revision a byte range ending at `covered` closes: its %%EOF, then only whitespace. */
export function revisionEndingAt(model: RevisionModel, covered: number): Revision | null {
  for (const r of model.revisions) {
    if (r.end === covered) return r;
    if (r.end < covered && /^[\0\t\n\f\r ]*$/.test(Buffer.from(model.bytes.subarray(r.end, covered)).toString('latin1'))) return r;
  }
  for (const r of model.revisions) {
    // "%%EOF" without its end of line.
    if (r.end > covered && /^[\r\n]*$/.test(Buffer.from(model.bytes.subarray(covered, r.end)).toString('latin1'))) return r;
  }
  return null;
}

/** Signature dictionaries a reader finds through the form in the final revision, with their byte ranges. */
export function readerSignatures(model: RevisionModel): { field: string; object: number | null; byteRange: string | null }[] {
  const last = model.revisions[model.revisions.length - 1];
  if (!last) return [];
  const r = new RevisionReader(model, last);
  return sigFields(r)
    .filter((f) => f.value !== undefined)
    .map((f) => {
      const d = r.dict(f.value);
      const br = r.resolve(d?.get('ByteRange'));
      return { field: f.name, object: f.value instanceof PdfRef ? f.value.num : null, byteRange: Array.isArray(br) ? canonical(br) : null };
    });
}

/**
 * Where a signature with `byteRange` sits among the revisions, and what changed after it. `which`
 * is the dictionary's object and field as found: when several fields show the same byte range (a
 * valid signature copied into another field), each is judged by its own dictionary, and only the
 * one whose /Contents is the gap of the range was made there.
 */
export function checkSignatureRevision(model: RevisionModel, byteRange: number[], which: { field: string | null; object: number | null } = { field: null, object: null }): SignatureRevisionCheck {
  const problems: string[] = [];
  const [, b = 0, c = 0, d = 0] = byteRange;
  const rev = revisionEndingAt(model, c + d);
  const last = model.revisions[model.revisions.length - 1];
  let inPlace = false;
  if (last) {
    const final = new RevisionReader(model, last);
    const atRev = rev ? new RevisionReader(model, rev) : null;
    const wanted = canonical(byteRange);
    const same = readerSignatures(model).filter((s) => s.byteRange === wanted);
    const entry = same.length > 1 ? (same.find((s) => which.object !== null && s.object === which.object) ?? same.find((s) => s.field === which.field) ?? same[0]) : same[0];
    if (!entry || entry.object === null) problems.push('En PDF-läsare hittar inte den här signaturen i formuläret (signaturobjektet ersätts eller saknas).');
    else {
      const obj = final.get(entry.object);
      const span = obj?.dict?.spans.get('Contents');
      const then = atRev?.get(entry.object);
      inPlace = !!obj?.parsed && !!span && span[0] === b && span[1] === c && obj.parsed.offset < b && !!then && then.canonical === obj.canonical;
      if (!inPlace && same.length > 1) {
        const others = same.filter((s) => s !== entry).map((s) => `"${s.field}"`);
        problems.push(`Signaturen i fältet "${entry.field}" är en kopia av underskriften i fältet ${others.join(', ')} (samma /ByteRange och /Contents); den gjordes inte i det här fältet.`);
      } else if (!inPlace) problems.push('Signaturens /Contents ligger inte där /ByteRange anger, eller signaturobjektet har ersatts efter signeringen (signature wrapping).');
    }
  }
  if (!rev) {
    problems.push('Signaturen slutar inte vid en fullständig filversion med korsreferens (xref).');
    return { revision: null, inPlace, changesAfter: [], onlyAllowedChangesAfter: false, problems };
  }
  const changesAfter = changesAfterRevision(model, rev.number);
  const bad = changesAfter.filter((x) => !x.allowed);
  for (const x of bad.slice(0, 12)) problems.push(`Ändrat efter underskrift: ${x.what.replace(/\.$/, '')} (version ${x.revision}).`);
  if (bad.length > 12) problems.push(`Ändrat efter underskrift: ytterligare ${bad.length - 12} ändringar.`);
  return { revision: rev.number, inPlace, changesAfter, onlyAllowedChangesAfter: bad.length === 0, problems };
}
