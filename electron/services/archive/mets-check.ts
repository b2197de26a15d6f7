// Structural validation of METS.xml in code. The official METS XSD (and the E-ARK CSIP schemas)
// are not on this machine and cannot be downloaded here, so this is no XSD validation: it checks
// that the XML is well-formed, that the sections a package needs are there in METS order
// (metsHdr, dmdSec, fileSec, structMap), that IDs are unique, that every dmdSec holds the Dublin
// Core elements Justera writes, that every file has a SHA-256 checksum and a location and is
// referenced from the structMap, and that every reference points at something that exists.
// Checksums against the files themselves are compared by verifyArchive.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const unescape = (s: string): string =>
  s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'apos' ? "'" : e === 'amp' ? '&' : String.fromCodePoint(e.startsWith('#x') ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1))),
  );

/** A small non-validating XML parser (elements, attributes, text; no DTDs): throws a Swedish message on a well-formedness error. */
export function parseXml(xml: string): XmlElement {
  const at = (i: number) => `rad ${xml.slice(0, i).split('\n').length}`;
  let i = xml.startsWith('\ufeff') ? 1 : 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    if (/&(?!(lt|gt|quot|apos|amp|#\d+|#x[0-9a-fA-F]+);)/.test(text)) throw new Error(`Ett & som inte är en entitet (${at(i)}).`);
    const top = stack.at(-1);
    if (top) top.text += unescape(text);
    else if (text.trim() !== '') throw new Error(`Text utanför rotelementet (${at(i)}).`);
    if (lt === -1) break;
    if (xml.startsWith('<?', lt) || xml.startsWith('<!--', lt)) {
      const end = xml.indexOf(xml.startsWith('<?', lt) ? '?>' : '-->', lt);
      if (end === -1) throw new Error(`Oavslutad deklaration eller kommentar (${at(lt)}).`);
      i = end + (xml.startsWith('<?', lt) ? 2 : 3);
      continue;
    }
    if (xml.startsWith('<!', lt)) throw new Error(`DOCTYPE och CDATA används inte i METS.xml från Justera (${at(lt)}).`);
    const gt = xml.indexOf('>', lt);
    if (gt === -1) throw new Error(`Oavslutad tagg (${at(lt)}).`);
    const tag = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (open?.name !== name) throw new Error(`</${name}> stänger ${open ? `<${open.name}>` : 'ingenting'} (${at(lt)}).`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const m = /^([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*"[^"<]*")*)\s*\/?$/.exec(tag);
    if (!m) throw new Error(`Felaktig tagg <${tag.slice(0, 40)}> (${at(lt)}).`);
    const attrs: Record<string, string> = {};
    for (const a of (m[2] ?? '').matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) {
      const key = a[1] as string;
      if (key in attrs) throw new Error(`Attributet ${key} förekommer två gånger i <${m[1]}> (${at(lt)}).`);
      attrs[key] = unescape(a[2] ?? '');
    }
    const el: XmlElement = { name: m[1] as string, attrs, children: [], text: '' };
    const parent = stack.at(-1);
    if (parent) parent.children.push(el);
    else if (root) throw new Error(`Mer än ett rotelement (${at(lt)}).`);
    else root = el;
    if (!selfClosing) stack.push(el);
  }
  if (stack.length > 0) throw new Error(`<${stack.at(-1)?.name ?? ''}> stängs aldrig.`);
  if (root === null) throw new Error('Filen innehåller inget XML-element.');
  return root;
}

function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}

const METS_NS = 'http://www.loc.gov/METS/';
const DC_NS = 'http://purl.org/dc/elements/1.1/';
const ORDER = ['mets:metsHdr', 'mets:dmdSec', 'mets:amdSec', 'mets:fileSec', 'mets:structMap', 'mets:structLink', 'mets:behaviorSec'];
const DC_REQUIRED = ['dc:title', 'dc:creator', 'dc:date', 'dc:identifier', 'dc:language'];

/** Every structural problem of METS.xml, in Swedish; an empty list when the structure holds. */
export function checkMetsStructure(xml: string): string[] {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    return [`METS.xml är inte välformad XML: ${(e as Error).message}`];
  }
  const problems: string[] = [];
  if (root.name !== 'mets:mets' || root.attrs['xmlns:mets'] !== METS_NS) problems.push(`Rotelementet ska vara mets:mets i namnrymden ${METS_NS}.`);
  if (!root.attrs.OBJID) problems.push('mets:mets saknar OBJID.');

  const sections = root.children.map((c) => c.name);
  const unknown = sections.filter((n) => !ORDER.includes(n));
  if (unknown.length > 0) problems.push(`Okända delar direkt under mets:mets: ${[...new Set(unknown)].join(', ')}.`);
  const positions = sections.filter((n) => ORDER.includes(n)).map((n) => ORDER.indexOf(n));
  if (positions.some((p, k) => k > 0 && p < (positions[k - 1] ?? 0))) problems.push('Delarna står i fel ordning (METS: metsHdr, dmdSec, amdSec, fileSec, structMap).');
  for (const [name, what] of [['mets:metsHdr', 'huvudet'], ['mets:dmdSec', 'den beskrivande metadatan'], ['mets:fileSec', 'fillistan'], ['mets:structMap', 'strukturkartan']] as const) {
    if (!sections.includes(name)) problems.push(`${name} (${what}) saknas.`);
  }
  for (const name of ['mets:metsHdr', 'mets:fileSec']) if (sections.filter((n) => n === name).length > 1) problems.push(`${name} förekommer mer än en gång.`);

  const all = [...walk(root)];
  const ids = new Map<string, string>();
  for (const el of all) {
    const id = el.attrs.ID;
    if (id === undefined) continue;
    if (ids.has(id)) problems.push(`ID "${id}" förekommer mer än en gång.`);
    ids.set(id, el.name);
  }

  const dmds = root.children.filter((c) => c.name === 'mets:dmdSec');
  for (const d of dmds) {
    const label = d.attrs.ID ?? '(utan ID)';
    if (!d.attrs.ID) problems.push('En mets:dmdSec saknar ID.');
    const wrap = d.children.find((c) => c.name === 'mets:mdWrap');
    const data = wrap?.children.find((c) => c.name === 'mets:xmlData');
    if (!wrap || !data) {
      problems.push(`dmdSec ${label} saknar mets:mdWrap med mets:xmlData.`);
      continue;
    }
    if (wrap.attrs.MDTYPE !== 'DC') problems.push(`dmdSec ${label}: MDTYPE ska vara DC, inte "${wrap.attrs.MDTYPE ?? ''}".`);
    const dc = [...walk(data)].filter((e) => e.name.startsWith('dc:'));
    for (const need of DC_REQUIRED) if (!dc.some((e) => e.name === need && e.text.trim() !== '')) problems.push(`dmdSec ${label} saknar ${need}.`);
    const nsDeclared = [...walk(d)].some((e) => e.attrs['xmlns:dc'] === DC_NS) || root.attrs['xmlns:dc'] === DC_NS;
    if (!nsDeclared) problems.push(`dmdSec ${label}: namnrymden dc (${DC_NS}) är inte deklarerad.`);
  }

  const files = all.filter((e) => e.name === 'mets:file');
  if (files.length === 0) problems.push('fileSec listar inga filer.');
  for (const f of files) {
    const label = f.attrs.ID ?? '(utan ID)';
    if (!f.attrs.ID) problems.push('En mets:file saknar ID.');
    if (f.attrs.CHECKSUMTYPE !== 'SHA-256' || !/^[0-9a-fA-F]{64}$/.test(f.attrs.CHECKSUM ?? '')) problems.push(`Filen ${label} saknar en SHA-256-checksumma.`);
    if (!/^\d+$/.test(f.attrs.SIZE ?? '')) problems.push(`Filen ${label} saknar storlek (SIZE).`);
    const loc = f.children.filter((c) => c.name === 'mets:FLocat');
    if (loc.length !== 1 || !loc[0]?.attrs['xlink:href']) problems.push(`Filen ${label} ska ha exakt en mets:FLocat med xlink:href.`);
  }

  const referenced = new Set<string>();
  for (const ptr of all.filter((e) => e.name === 'mets:fptr')) {
    const id = ptr.attrs.FILEID ?? '';
    referenced.add(id);
    if (ids.get(id) !== 'mets:file') problems.push(`structMap pekar på filen "${id}", som inte finns i fileSec.`);
  }
  for (const f of files) if (f.attrs.ID && !referenced.has(f.attrs.ID)) problems.push(`Filen ${f.attrs.ID} (${f.children[0]?.attrs['xlink:href'] ?? ''}) finns inte i structMap.`);
  for (const el of all) {
    for (const id of (el.attrs.DMDID ?? '').split(/\s+/).filter((x) => x !== '')) {
      if (ids.get(id) !== 'mets:dmdSec') problems.push(`${el.name} ${el.attrs.ID ?? ''} pekar på dmdSec "${id}", som inte finns.`);
    }
  }
  return problems;
}
