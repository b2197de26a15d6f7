// The HTML pages of the notice board: current notices (index.html), earlier ones (arkiv.html)
// and one page per notice (anslag/<namn>.html) with everything KL 8 kap. 12 § asks the notice to
// say and how to appeal (KL 13 kap.).
import { paragraphLabel } from '../domain/numbering';
import { esc, facts, fileSize, page, time, type SiteLinks } from './html';
import type { BoardNotice, NoticeState } from './types';

export interface PlacedNotice {
  notice: BoardNotice;
  state: NoticeState;
  /** "anslag/norrbottens-e-namnd-2020-11-05-20-22.html" */
  path: string;
}

export function noticeHeading(n: BoardNotice): string {
  return `${n.board.name} – sammanträde ${n.meeting.date}, ${paragraphLabel(n.paragraphs.map((p) => p.number))}`;
}

function protocolLink(n: BoardNotice, up: string): string {
  if (n.protocol === null) {
    return `<p>Protokollet finns att läsa hos ${esc(n.storagePlace)}.</p>`;
  }
  const covers = paragraphLabel(n.protocol.paragraphs);
  return [
    `<p><a href="${up}dokument/${esc(n.protocol.fileName)}" type="application/pdf">Protokollet i offentlig version, ${esc(covers)} (PDF, ${fileSize(n.protocol.size)})</a></p>`,
    '<p>I den offentliga versionen är uppgifter som omfattas av sekretess och personnummer borttagna; i stället anges bestämmelsen i offentlighets- och sekretesslagen. Du kan begära att få ta del av originalet hos ' +
      `${esc(n.storagePlace)}, som då prövar om uppgifterna kan lämnas ut.</p>`,
  ].join('\n');
}

function card(p: PlacedNotice): string {
  const n = p.notice;
  return [
    '<article class="anslag">',
    `<h3><a href="${esc(p.path)}">${esc(noticeHeading(n))}</a></h3>`,
    facts([
      ['Anslaget sattes upp', time(n.postedOn)],
      ['Anslaget tas ned', time(n.takeDownOn)],
      ['Sista dag för överklagande', time(n.lastAppealDay)],
      ['Förvaringsplats för protokollet', esc(n.storagePlace)],
    ]),
    '</article>',
  ].join('\n');
}

/** Who may appeal decisions of the organisation's bodies (KL 13 kap. 1 §). */
function whoMayAppeal(kind: string): string {
  if (kind === 'region') return 'Den som är medlem av regionen';
  if (kind === 'kommunalforbund') return 'Den som är medlem av en kommun eller region som ingår i förbundet';
  return 'Den som är medlem av kommunen';
}

export function indexPage(organisation: { name: string; kind: string }, today: string, current: PlacedNotice[], links: SiteLinks): string {
  const organisationName = organisation.name;
  const list = current.length === 0 ? '<p>Det finns inga aktuella anslag just nu. Tidigare anslag finns i <a href="arkiv.html">arkivet</a>.</p>' : current.map(card).join('\n');
  const main = [
    '<h1>Anslagstavla</h1>',
    `<p>Här tillkännager ${esc(organisationName)} att protokoll från nämnder, styrelser och fullmäktige har justerats. Ett anslag sitter uppe i minst tre veckor: så länge kan besluten överklagas.</p>`,
    '<section aria-labelledby="aktuella">',
    `<h2 id="aktuella">Aktuella anslag ${time(today)}</h2>`,
    list,
    '</section>',
    '<section aria-labelledby="overklaga">',
    '<h2 id="overklaga">Så överklagar du ett beslut</h2>',
    `<p>${whoMayAppeal(organisation.kind)} kan överklaga ett beslut genom laglighetsprövning enligt 13 kap. kommunallagen (2017:725). Ett beslut av en gemensam nämnd kan överklagas av den som är medlem av någon av de kommuner eller regioner som samverkar i nämnden.</p>`,
    '<p>Överklagandet ska ha kommit in till förvaltningsrätten inom tre veckor från den dag då anslaget om att protokollet har justerats sattes upp. Skicka överklagandet till förvaltningsrätten. Sista dagen för varje anslag står ovan och på anslagets egen sida.</p>',
    '</section>',
  ].join('\n');
  return page({ title: 'Anslagstavla', depth: 0, nav: 'current', organisationName, today, main, links });
}

export function archivePage(organisationName: string, today: string, archived: PlacedNotice[], links: SiteLinks): string {
  const table =
    archived.length === 0
      ? '<p>Det finns inga tidigare anslag.</p>'
      : [
          '<table>',
          '<caption>Tidigare anslag, det senast uppsatta först</caption>',
          '<thead><tr><th scope="col">Anslag</th><th scope="col">Uppsatt</th><th scope="col">Nedtaget</th><th scope="col">Sista dag för överklagande</th></tr></thead>',
          '<tbody>',
          ...archived.map((p) => {
            const n = p.notice;
            return `<tr><th scope="row"><a href="${esc(p.path)}">${esc(noticeHeading(n))}</a></th><td>${time(n.postedOn)}</td><td>${time(n.takenDownOn ?? n.takeDownOn)}</td><td>${time(n.lastAppealDay)}</td></tr>`;
          }),
          '</tbody>',
          '</table>',
        ].join('\n');
  const main = ['<h1>Tidigare anslag</h1>', '<p>Anslag vars tid för överklagande har gått ut. Protokollen finns kvar hos respektive förvaringsplats.</p>', table].join('\n');
  return page({ title: 'Tidigare anslag', depth: 0, nav: 'archive', organisationName, today, main, links });
}

export function noticePage(p: PlacedNotice, today: string, links: SiteLinks): string {
  const n = p.notice;
  const up = '../';
  const label = paragraphLabel(n.paragraphs.map((x) => x.number));
  const status =
    p.state === 'up'
      ? `<p class="lage">Anslaget är uppsatt. Sista dag för överklagande är ${time(n.lastAppealDay)}.</p>`
      : `<p class="lage">Anslaget är nedtaget. Tiden för överklagande gick ut ${time(n.lastAppealDay)}.</p>`;
  const main = [
    '<nav aria-label="Du är här" class="brodsmulor">',
    `<a href="${up}${p.state === 'up' ? 'index.html' : 'arkiv.html'}">${p.state === 'up' ? 'Aktuella anslag' : 'Tidigare anslag'}</a> › <span aria-current="page">${esc(label)}</span>`,
    '</nav>',
    `<h1>Tillkännagivande om justerat protokoll: ${esc(noticeHeading(n))}</h1>`,
    status,
    `<p>${esc(n.intro)}</p>`,
    facts([
      ['Organ', esc(n.board.name)],
      ['Sammanträdesdatum', time(n.meeting.date)],
      ['Paragrafer', esc(label)],
      ['Protokollet justerades', time(n.adjustedOn)],
      ['Anslaget sattes upp', time(n.postedOn)],
      [n.takenDownOn === null ? 'Anslaget tas ned' : 'Anslaget togs ned', time(n.takenDownOn ?? n.takeDownOn)],
      ['Sista dag för överklagande', time(n.lastAppealDay)],
      ['Förvaringsplats för protokollet', esc(n.storagePlace)],
    ]),
    '<section aria-labelledby="paragrafer">',
    '<h2 id="paragrafer">Paragrafer som anslaget gäller</h2>',
    '<ul class="paragrafer">',
    ...n.paragraphs.map((x) => `<li><span class="nummer">§ ${x.number}</span> ${esc(x.title)}${x.appeal === undefined ? '' : `<br><span class="overklagande">${esc(x.appeal)}</span>`}</li>`),
    '</ul>',
    '</section>',
    '<section aria-labelledby="protokollet">',
    '<h2 id="protokollet">Protokollet</h2>',
    protocolLink(n, up),
    '</section>',
    '<section aria-labelledby="overklaga">',
    `<h2 id="overklaga">${esc(n.appeal.heading)}</h2>`,
    ...(p.state === 'up' ? [] : [`<p><strong>Tiden för överklagande gick ut ${time(n.lastAppealDay)}.</strong></p>`]),
    ...n.appeal.paragraphs.map((t) => `<p>${esc(t)}</p>`),
    '</section>',
  ].join('\n');
  return page({ title: `Anslag ${noticeHeading(n)}`, depth: 1, nav: null, organisationName: n.organisationName, today, main, links });
}
