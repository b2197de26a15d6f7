// HTML building blocks for the notice board: escaping, the page frame (skip link, header,
// navigation, main, footer) and how dates and sizes are written. No JavaScript anywhere; every
// link is relative so the folder works from the file system and from any web server.
import { weekdayName } from '../domain/calendar';
import { genitive } from '../documents/people';
import { OPARL_ENTRY } from './oparl';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and double-quoted attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** "fredag 6 november 2020". */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${weekdayName(iso)} ${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

/** A date as the reader sees it (ISO, as Swedish authorities write it, with the weekday) in <time>. */
export function time(iso: string): string {
  return `<time datetime="${esc(iso)}">${esc(iso)}</time> <span class="veckodag">(${esc(weekdayName(iso))})</span>`;
}

/** "245 kB" with a no-break space. */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))}\u00a0kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')}\u00a0MB`;
}

export type NavKey = 'current' | 'archive' | null;

/** What else the site has: the OParl data only when the published address is known. */
export interface SiteLinks {
  openData: boolean;
}

export interface PageOptions {
  title: string;
  /** How many folders below the site root the page lives (0 or 1): relative links depend on it. */
  depth: 0 | 1;
  nav: NavKey;
  organisationName: string;
  today: string;
  main: string;
  links: SiteLinks;
}

export function page(o: PageOptions): string {
  const up = o.depth === 0 ? '' : '../';
  const navItem = (key: Exclude<NavKey, null>, href: string, label: string) => `<li><a href="${up}${href}"${o.nav === key ? ' aria-current="page"' : ''}>${esc(label)}</a></li>`;
  return [
    '<!DOCTYPE html>',
    '<html lang="sv">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="script-src 'none'; object-src 'none'; base-uri 'none'">`,
    `<title>${esc(o.title)} – ${esc(o.organisationName)}</title>`,
    `<link rel="stylesheet" href="${up}stil.css">`,
    `<link rel="alternate" type="application/atom+xml" title="Anslag – ${esc(o.organisationName)}" href="${up}anslag.atom">`,
    ...(o.links.openData ? [`<link rel="alternate" type="application/json" title="Öppna data enligt OParl 1.1 – ${esc(o.organisationName)}" href="${up}${OPARL_ENTRY}">`] : []),
    '</head>',
    '<body>',
    '<a class="hoppa" href="#innehall">Hoppa till innehållet</a>',
    '<header class="sidhuvud">',
    `<p class="organisation">${esc(o.organisationName)}</p>`,
    '<nav aria-label="Anslagstavlan">',
    '<ul>',
    navItem('current', 'index.html', 'Aktuella anslag'),
    navItem('archive', 'arkiv.html', 'Tidigare anslag'),
    `<li><a href="${up}anslag.atom" type="application/atom+xml">Nyhetsflöde (Atom)</a></li>`,
    ...(o.links.openData ? [`<li><a href="${up}${OPARL_ENTRY}" type="application/json">Öppna data (OParl)</a></li>`] : []),
    '</ul>',
    '</nav>',
    '</header>',
    '<main id="innehall">',
    o.main,
    '</main>',
    '<footer class="sidfot">',
    `<p>${esc(genitive(o.organisationName))} digitala anslagstavla enligt 8 kap. 9 § kommunallagen (2017:725). Sidan visar läget ${time(o.today)}.</p>`,
    '</footer>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** A description list from label/value pairs; values are HTML already escaped by the caller. */
export function facts(rows: readonly (readonly [string, string])[]): string {
  return ['<dl class="fakta">', ...rows.map(([label, value]) => `<div><dt>${esc(label)}</dt><dd>${value}</dd></div>`), '</dl>'].join('\n');
}
