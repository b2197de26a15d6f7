// Keeps the adjustment groups (justeringsgrupper) of a draft in step with the §§: every § not
// yet locked sits in an open group, those marked "omedelbart justerad" in an immediate group
// before the others (as in the reference: §§ 20–22 immediate, §§ 23–26 ordinary). Locked groups
// are never touched.
import { AppError } from '../../api/errors';
import { pathText } from '../../api/validation';
import { paragraphLabel } from '../../domain/numbering';
import { groupTimePlaceIssues } from '../../domain/rules';
import type { GroupTimePlace } from '../../format/meeting';
import { requireMeeting, type WorkspaceDeps } from './deps';
import type { GroupRow } from './ports';

export function syncGroups(deps: WorkspaceDeps, meetingId: string): void {
  const { ws } = deps;
  const paragraphs = ws.listParagraphs(meetingId);
  let groups = ws.listGroups(meetingId);
  const open = () => groups.filter((g) => g.status === 'open');

  const groupFor = (immediate: boolean): GroupRow => {
    const found = open().find((g) => g.immediate === immediate);
    if (found !== undefined) return found;
    const position = Math.max(-1, ...groups.map((g) => g.position)) + 1;
    const row: GroupRow = { id: deps.ids.next(), position, immediate, status: 'open' };
    ws.insertGroup(meetingId, row);
    groups = [...groups, row];
    return row;
  };

  const byId = new Map(groups.map((g) => [g.id, g]));
  for (const p of paragraphs) {
    if (p.groupStatus === 'frozen' || p.groupStatus === 'adjusted') continue;
    const current = p.groupId === null ? undefined : byId.get(p.groupId);
    if (current !== undefined && current.status === 'open' && current.immediate === p.immediatelyAdjusted) continue;
    const target = groupFor(p.immediatelyAdjusted);
    byId.set(target.id, target);
    ws.updateParagraph(p.id, { groupId: target.id });
  }

  // Open groups left without §§ go; the rest are ordered immediate first, after locked ones.
  const used = new Set(ws.listParagraphs(meetingId).map((p) => p.groupId));
  for (const g of open()) {
    if (!used.has(g.id)) {
      ws.deleteGroup(g.id);
      groups = groups.filter((x) => x.id !== g.id);
    }
  }
  const locked = groups.filter((g) => g.status !== 'open');
  const base = Math.max(-1, ...locked.map((g) => g.position)) + 1;
  const wanted = open().sort((a, b) => Number(b.immediate) - Number(a.immediate) || a.position - b.position);
  if (wanted.every((g, i) => g.position === base + i)) return;
  // Two steps so the unique (meeting, position) index never sees a duplicate.
  wanted.forEach((g, i) => ws.setGroupPosition(g.id, -1 - i));
  wanted.forEach((g, i) => ws.setGroupPosition(g.id, base + i));
}

/**
 * Sets (or with null clears) an open group's own time and place of justering. Refused for a
 * group that is locked for justering or adjusted (its version prints the value), and by the rules
 * import uses (groupTimePlaceIssues): not for an immediate group, not before the meeting, not
 * after the last day for justering.
 */
export function setGroupTimePlace(deps: WorkspaceDeps, input: { meetingId: string; groupId: string; timePlace: GroupTimePlace | null }): { timePlace: GroupTimePlace | null } {
  return deps.store.transaction(() => {
    const meeting = requireMeeting(deps, input.meetingId);
    const group = deps.ws.listGroups(input.meetingId).find((g) => g.id === input.groupId);
    if (group === undefined) throw new AppError('not_found', 'Justeringsgruppen finns inte i sammanträdet. Uppdatera sidan och försök igen.');
    const numbers = deps.ws
      .listParagraphs(input.meetingId)
      .filter((p) => p.groupId === group.id)
      .map((p) => p.number);
    const label = `Justeringsgrupp ${group.position + 1}${numbers.length === 0 ? '' : ` (${paragraphLabel(numbers)})`}`;
    if (group.status !== 'open') {
      throw new AppError('conflict', `${label} är ${group.status === 'adjusted' ? 'justerad' : 'låst för justering'}; tid och plats för justering står i den låsta versionen och kan inte ändras.`);
    }
    const timePlace = input.timePlace ?? undefined;
    const issues = groupTimePlaceIssues(meeting.date, label, { immediate: group.immediate, timePlace }).map((i) => ({ path: pathText(i.path), message: i.message }));
    const first = issues[0];
    if (first !== undefined) throw new AppError('validation', first.message, { issues });
    if (JSON.stringify(group.timePlace) === JSON.stringify(timePlace)) return { timePlace: input.timePlace };
    deps.ws.setGroupTimePlace(group.id, timePlace);
    deps.store.audit({ action: 'group.time_place_set', entity: 'adjustment_group', entityId: group.id, details: { meetingId: input.meetingId, paragraphs: numbers, timePlace: input.timePlace } });
    return { timePlace: input.timePlace };
  });
}
