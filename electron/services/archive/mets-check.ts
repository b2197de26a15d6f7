// Reading METS.xml with a maintained XML parser (@xmldom/xmldom, namespace-aware DOM) instead of
// regular expressions, and the structural check verifyArchive runs on a package: the sections a
// package needs in METS order (metsHdr, dmdSec, fileSec, structMap), unique IDs, Dublin Core in
// every dmdSec, a SHA-256 checksum and one location per file, every file in the structMap, every
// reference resolving, and the E-ARK CSIP root attributes. The schema itself (METS 1.12.1) is
// checked with xmllint in the tests (test/fixtures/schemas/mets); the app has no XSD validator.
import { DOMParser } from '@xmldom/xmldom';

export const METS_NS = 'http://www.loc.gov/METS/';
export const XLINK_NS = 'http://www.w3.org/1999/xlink';
export const CSIP_NS = 'https://DILCIS.eu/XML/METS/CSIPExtensionMETS';
const DC_NS = 'http://purl.org/dc/elements/1.1/';
const ORDER = ['metsHdr', 'dmdSec', 'amdSec', 'fileSec', 'structMap', 'structLink', 'behaviorSec'];
const DC_REQUIRED = ['title', 'creator', 'date', 'identifier', 'language'];

/** Parses XML; throws a Swedish message when it is not well-formed (any parser complaint counts). */
export function parseXml(xml: string): Document {
  const complaints: string[] = [];
  const note = (m: string) => complaints.push(m.replace(/^\[xmldom \w+\]\s*/, '').split('\n')[0] ?? m);
  const doc = new DOMParser({ errorHandler: { warning: note, error: note, fatalError: note } }).parseFromString(xml, 'text/xml');
  // xmldom reads a bare & as text; XML does not allow it (Justera writes no CDATA or comments).
  if (/&(?!(?:lt|gt|quot|apos|amp|#\d+|#x[0-9a-fA-F]+);)/.test(xml)) complaints.push('ett & som inte är en entitet');
  if (!/^\uFEFF?\s*</.test(xml) || !/>\s*$/.test(xml)) complaints.push('text utanför rotelementet');
  const top = doc === undefined ? [] : Array.from(doc.childNodes);
  if (top.some((n) => n.nodeType === 3 && (n.nodeValue ?? '').trim() !== '')) complaints.push('text utanför rotelementet');
  if (top.filter((n) => n.nodeType === 1).length !== 1 && complaints.length === 0) complaints.push('inte exakt ett rotelement');
  if (complaints.length > 0 || !doc?.documentElement) throw new Error([...new Set(complaints)].join('; ') || 'inget rotelement');
  return doc;
}

const childElements = (el: Element): Element[] => Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1);
const inMets = (el: Element, local: string): boolean => el.namespaceURI === METS_NS && el.localName === local;
const metsAll = (root: Element | Document, local: string): Element[] => Array.from(root.getElementsByTagNameNS(METS_NS, local));
const attr = (el: Element, name: string): string | undefined => (el.hasAttribute(name) ? (el.getAttribute(name) ?? '') : undefined);

export interface MetsEntry {
  path: string;
  use: string;
  size: number;
  sha256: string;
  checksumType: string;
  /** The meeting's date, from the file group it is in (USE="Representations/ÅÅÅÅ-MM-DD"). */
  meetingDate?: string;
}

/** OBJID and the files METS.xml lists (path from FLocat xlink:href). Throws when the XML is not well-formed. */
export function parseMets(xml: string): { objId: string | null; files: MetsEntry[] } {
  const root = parseXml(xml).documentElement;
  const objId = inMets(root, 'mets') ? (attr(root, 'OBJID') ?? null) : null;
  const files = metsAll(root, 'file').map((f) => {
    const loc = childElements(f).find((c) => inMets(c, 'FLocat'));
    const group = f.parentNode !== null && f.parentNode.nodeType === 1 ? (f.parentNode as Element) : null;
    const date = group !== null && inMets(group, 'fileGrp') ? /^Representations\/(\d{4}-\d{2}-\d{2})$/.exec(attr(group, 'USE') ?? '')?.[1] : undefined;
    return {
      path: loc?.getAttributeNS(XLINK_NS, 'href') ?? '',
      use: attr(f, 'USE') ?? '',
      size: Number(attr(f, 'SIZE') ?? NaN),
      sha256: (attr(f, 'CHECKSUM') ?? '').toLowerCase(),
      checksumType: attr(f, 'CHECKSUMTYPE') ?? '',
      ...(date === undefined ? {} : { meetingDate: date }),
    };
  });
  return { objId, files };
}

/** Every structural problem of METS.xml, in Swedish; an empty list when the structure holds. */
export function checkMetsStructure(xml: string): string[] {
  let root: Element;
  try {
    root = parseXml(xml).documentElement;
  } catch (e) {
    return [`METS.xml är inte välformad XML: ${(e as Error).message}`];
  }
  const problems: string[] = [];
  if (!inMets(root, 'mets')) problems.push(`Rotelementet ska vara mets i namnrymden ${METS_NS}.`);
  if (!attr(root, 'OBJID')) problems.push('mets:mets saknar OBJID.');
  // E-ARK CSIP 2.1: OBJID, TYPE, csip:CONTENTINFORMATIONTYPE and PROFILE on the root.
  if (!attr(root, 'TYPE')) problems.push('mets:mets saknar TYPE.');
  if (!root.getAttributeNS(CSIP_NS, 'CONTENTINFORMATIONTYPE')) problems.push('mets:mets saknar csip:CONTENTINFORMATIONTYPE.');
  if (!attr(root, 'PROFILE')) problems.push('mets:mets saknar PROFILE.');

  const sections = childElements(root);
  const names = sections.map((c) => (c.namespaceURI === METS_NS ? c.localName : c.nodeName));
  const unknown = sections.filter((c) => c.namespaceURI !== METS_NS || !ORDER.includes(c.localName));
  if (unknown.length > 0) problems.push(`Okända delar direkt under mets:mets: ${[...new Set(unknown.map((c) => c.nodeName))].join(', ')}.`);
  const positions = names.filter((n) => ORDER.includes(n)).map((n) => ORDER.indexOf(n));
  if (positions.some((p, k) => k > 0 && p < (positions[k - 1] ?? 0))) problems.push('Delarna står i fel ordning (METS: metsHdr, dmdSec, amdSec, fileSec, structMap).');
  for (const [name, what] of [
    ['metsHdr', 'huvudet'],
    ['dmdSec', 'den beskrivande metadatan'],
    ['fileSec', 'fillistan'],
    ['structMap', 'strukturkartan'],
  ] as const) {
    if (!names.includes(name)) problems.push(`mets:${name} (${what}) saknas.`);
  }
  for (const name of ['metsHdr', 'fileSec']) if (names.filter((n) => n === name).length > 1) problems.push(`mets:${name} förekommer mer än en gång.`);
  const agents = metsAll(root, 'agent');
  if (!agents.some((a) => attr(a, 'ROLE') === 'CREATOR')) problems.push('metsHdr saknar en mets:agent med ROLE="CREATOR".');

  const all = Array.from(root.getElementsByTagName('*'));
  const ids = new Map<string, string>();
  for (const el of all) {
    const id = attr(el, 'ID');
    if (id === undefined) continue;
    if (ids.has(id)) problems.push(`ID "${id}" förekommer mer än en gång.`);
    ids.set(id, el.namespaceURI === METS_NS ? el.localName : el.nodeName);
  }

  for (const d of sections.filter((c) => inMets(c, 'dmdSec'))) {
    const label = attr(d, 'ID') ?? '(utan ID)';
    if (!attr(d, 'ID')) problems.push('En mets:dmdSec saknar ID.');
    const wrap = childElements(d).find((c) => inMets(c, 'mdWrap'));
    const data = wrap ? childElements(wrap).find((c) => inMets(c, 'xmlData')) : undefined;
    if (!wrap || !data) {
      problems.push(`dmdSec ${label} saknar mets:mdWrap med mets:xmlData.`);
      continue;
    }
    if (attr(wrap, 'MDTYPE') !== 'DC') problems.push(`dmdSec ${label}: MDTYPE ska vara DC, inte "${attr(wrap, 'MDTYPE') ?? ''}".`);
    const dc = Array.from(data.getElementsByTagNameNS(DC_NS, '*'));
    for (const need of DC_REQUIRED) if (!dc.some((e) => e.localName === need && (e.textContent ?? '').trim() !== '')) problems.push(`dmdSec ${label} saknar dc:${need}.`);
  }

  const files = metsAll(root, 'file');
  if (files.length === 0) problems.push('fileSec listar inga filer.');
  for (const f of files) {
    const label = attr(f, 'ID') ?? '(utan ID)';
    if (!attr(f, 'ID')) problems.push('En mets:file saknar ID.');
    if (attr(f, 'CHECKSUMTYPE') !== 'SHA-256' || !/^[0-9a-fA-F]{64}$/.test(attr(f, 'CHECKSUM') ?? '')) problems.push(`Filen ${label} saknar en SHA-256-checksumma.`);
    if (!/^\d+$/.test(attr(f, 'SIZE') ?? '')) problems.push(`Filen ${label} saknar storlek (SIZE).`);
    const loc = childElements(f).filter((c) => inMets(c, 'FLocat'));
    if (loc.length !== 1 || !loc[0]?.getAttributeNS(XLINK_NS, 'href')) problems.push(`Filen ${label} ska ha exakt en mets:FLocat med xlink:href.`);
  }

  const referenced = new Set<string>();
  for (const ptr of metsAll(root, 'fptr')) {
    const id = attr(ptr, 'FILEID') ?? '';
    referenced.add(id);
    if (ids.get(id) !== 'file') problems.push(`structMap pekar på filen "${id}", som inte finns i fileSec.`);
  }
  for (const f of files) {
    const id = attr(f, 'ID');
    const href =
      childElements(f)
        .find((c) => inMets(c, 'FLocat'))
        ?.getAttributeNS(XLINK_NS, 'href') ?? '';
    if (id && !referenced.has(id)) problems.push(`Filen ${id} (${href}) finns inte i structMap.`);
  }
  for (const el of all) {
    for (const id of (attr(el, 'DMDID') ?? '').split(/\s+/).filter((x) => x !== '')) {
      if (ids.get(id) !== 'dmdSec') problems.push(`${el.nodeName} ${attr(el, 'ID') ?? ''} pekar på dmdSec "${id}", som inte finns.`);
    }
  }
  return problems;
}
