// The Atom feed (RFC 4287) of the notice board: one entry per notice, newest posting first, so
// that residents and news services can follow new notices without visiting the page.
import { paragraphLabel } from '../domain/numbering';
import { stockholmMidnight } from '../app/anslag/dates';
import { esc } from './html';
import type { PlacedNotice } from './pages';
import { noticeHeading } from './pages';
import { OPARL_ENTRY } from './oparl';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A permanent id for a feed or entry: the published address when the site's base URL is known,
 * else a urn:uuid (ids are UUIDs in the app), else a tag URI under a reserved name.
 */
export function permanentId(baseUrl: string | undefined, path: string, id: string): string {
  if (baseUrl !== undefined) return `${baseUrl}${path}`;
  if (UUID.test(id)) return `urn:uuid:${id.toLowerCase()}`;
  return `tag:justera.invalid,2020:${encodeURIComponent(id)}`;
}

function entryUpdated(p: PlacedNotice): string {
  return p.notice.takenDownOn ?? p.notice.postedOn;
}

export function atomFeed(input: { organisation: { id: string; name: string }; today: string; baseUrl?: string }, placed: PlacedNotice[]): string {
  const link = (path: string) => esc(input.baseUrl === undefined ? path : `${input.baseUrl}${path}`);
  const entries = [...placed].sort((a, b) => (a.notice.postedOn < b.notice.postedOn ? 1 : a.notice.postedOn > b.notice.postedOn ? -1 : a.path < b.path ? -1 : 1));
  const latest = entries.map(entryUpdated).reduce<string | null>((max, d) => (max === null || d > max ? d : max), null);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">',
    `<title>Anslagstavla – ${esc(input.organisation.name)}</title>`,
    '<subtitle>Tillkännagivanden om justerade protokoll (8 kap. 9–12 §§ kommunallagen)</subtitle>',
    `<id>${esc(permanentId(input.baseUrl, 'anslag.atom', input.organisation.id))}</id>`,
    `<updated>${stockholmMidnight(latest ?? input.today)}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${link('anslag.atom')}"/>`,
    `<link rel="alternate" type="text/html" href="${link('index.html')}"/>`,
    ...(input.baseUrl === undefined ? [] : [`<link rel="related" type="application/json" href="${link(OPARL_ENTRY)}" title="Öppna data enligt OParl 1.1"/>`]),
    `<author><name>${esc(input.organisation.name)}</name></author>`,
    '<generator>Justera</generator>',
  ];
  for (const p of entries) {
    const n = p.notice;
    const label = paragraphLabel(n.paragraphs.map((x) => x.number));
    const status = p.state === 'up' ? `Anslaget sattes upp ${n.postedOn} och tas ned ${n.takeDownOn}.` : `Anslaget sattes upp ${n.postedOn} och togs ned ${n.takenDownOn ?? n.takeDownOn}.`;
    lines.push(
      '<entry>',
      `<title>${esc(`${noticeHeading(n)}: protokollet är justerat`)}</title>`,
      `<id>${esc(permanentId(input.baseUrl, p.path, n.id))}</id>`,
      `<published>${stockholmMidnight(n.postedOn)}</published>`,
      `<updated>${stockholmMidnight(entryUpdated(p))}</updated>`,
      `<link rel="alternate" type="text/html" href="${link(p.path)}"/>`,
      ...(n.protocol === null ? [] : [`<link rel="related" type="application/pdf" href="${link(`dokument/${n.protocol.fileName}`)}" title="Protokollet i offentlig version"/>`]),
      `<category term="${esc(n.board.name)}"/>`,
      `<summary>${esc(`${n.board.name} har justerat protokollet från sammanträdet ${n.meeting.date}, ${label}. ${status} Sista dag för överklagande är ${n.lastAppealDay}. Protokollet förvaras hos ${n.storagePlace}.`)}</summary>`,
      '</entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
