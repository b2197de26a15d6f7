// Generates the whole notice board from its input: which notices are up and which are archived
// (by the input's day), the pages, the feed, the OParl data (when the published address is known)
// and the style sheet. A pure function:
// the same input gives the same files, byte for byte, in the same order.
import { formatRanges } from '../domain/numbering';
import { atomFeed } from './atom';
import { oparlFiles } from './oparl';
import { archivePage, indexPage, noticePage, type PlacedNotice } from './pages';
import { slugify } from './slug';
import { STYLE_SHEET } from './style';
import type { BoardNotice, NoticeBoardInput, NoticeState, SiteFile } from './types';

/** Up from the posting day until the day before the take-down day, unless taken down earlier. */
export function noticeState(n: Pick<BoardNotice, 'postedOn' | 'takeDownOn' | 'takenDownOn'>, today: string): NoticeState {
  if (n.postedOn > today) return 'future';
  if (n.takenDownOn !== null && n.takenDownOn <= today) return 'archived';
  if (today >= n.takeDownOn) return 'archived';
  return 'up';
}

/** Where each notice's page goes: board, meeting date and §§, made unique if two coincide. */
export function placeNotices(notices: readonly BoardNotice[], today: string): PlacedNotice[] {
  const sorted = [...notices].sort(
    (a, b) =>
      cmp(b.postedOn, a.postedOn) || cmp(a.board.name, b.board.name) || cmp(a.meeting.date, b.meeting.date) || (a.paragraphs[0]?.number ?? 0) - (b.paragraphs[0]?.number ?? 0) || cmp(a.id, b.id),
  );
  const used = new Set<string>();
  const placed: PlacedNotice[] = [];
  for (const n of sorted) {
    const state = noticeState(n, today);
    if (state === 'future') continue;
    const base = `${slugify(n.board.name)}-${n.meeting.date}-${formatRanges(n.paragraphs.map((p) => p.number)).replace(/, /g, '_')}`;
    let name = base;
    for (let i = 2; used.has(name); i += 1) name = `${base}-${i}`;
    used.add(name);
    placed.push({ notice: n, state, path: `anslag/${name}.html` });
  }
  return placed;
}

export function generateNoticeBoard(input: NoticeBoardInput): SiteFile[] {
  const placed = placeNotices(input.notices, input.today);
  const current = placed.filter((p) => p.state === 'up');
  const archived = placed.filter((p) => p.state === 'archived');
  const openData = oparlFiles(input, placed);
  const links = { openData: openData.length > 0 };
  const files: SiteFile[] = [
    { path: 'index.html', content: indexPage(input.organisation, input.today, current, links) },
    { path: 'arkiv.html', content: archivePage(input.organisation.name, input.today, archived, links) },
    { path: 'stil.css', content: STYLE_SHEET },
    { path: 'anslag.atom', content: atomFeed(input, placed) },
    ...openData,
    ...placed.map((p) => ({ path: p.path, content: noticePage(p, input.today, links) })),
  ];
  return files.sort((a, b) => cmp(a.path, b.path));
}

/** The PDFs the pages link to (inside `dokument/`), one per meeting. */
export function linkedDocuments(input: NoticeBoardInput): string[] {
  const placed = placeNotices(input.notices, input.today);
  return [...new Set(placed.flatMap((p) => (p.notice.protocol === null ? [] : [`dokument/${p.notice.protocol.fileName}`])))].sort();
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
