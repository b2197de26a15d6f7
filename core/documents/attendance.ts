// The närvarolista as tables: serving members and substitutes under "Beslutande", substitutes
// present and officials under "Övriga närvarande", built from the presence intervals.
import type { MeetingDocument } from '../format/meeting';
import { narvarolista, type NarvaroEntry } from '../domain/presence';
import type { AttendanceGroup, AttendanceList, AttendanceRow } from './types';
import type { People } from './people';

export function buildAttendance(doc: MeetingDocument, people: People): AttendanceList {
  const lists = narvarolista(doc, people.name);
  const officialTitles = new Map(doc.officials.map((o) => [o.person, o.title]));
  // Free remarks ("Deltar via Teams") belong to the row of the same person and capacity.
  const notes = new Map<string, string[]>();
  for (const a of doc.attendance) {
    if (a.note === undefined || a.note.trim() === '') continue;
    const key = `${a.capacity}:${a.person}`;
    notes.set(key, [...(notes.get(key) ?? []), a.note.trim()]);
  }
  const rows = (entries: NarvaroEntry[], capacity: string): AttendanceRow[] =>
    entries.map((e) => {
      const title = capacity === 'official' ? officialTitles.get(e.person) : undefined;
      const remarks = [...(title ? [title] : []), ...e.remarks, ...(notes.get(`${capacity}:${e.person}`) ?? [])];
      return {
        name: people.name(e.person),
        party: people.party(e.person),
        organisation: people.organisation(e.person),
        remark: remarks.join('; '),
      };
    });
  const group = (heading: string, entries: NarvaroEntry[], capacity: string): AttendanceGroup[] => (entries.length === 0 ? [] : [{ heading, rows: rows(entries, capacity) }]);

  const sections = [
    {
      heading: 'Beslutande',
      groups: [...group('Tjänstgörande ledamöter', lists.members, 'member'), ...group('Tjänstgörande ersättare', lists.substitutes, 'substitute')],
    },
    {
      heading: 'Övriga närvarande',
      groups: [...group('Ersättare', lists.present, 'present'), ...group('Övriga', lists.officials, 'official')],
    },
    { heading: 'Ej tjänstgörande ledamöter', groups: group('Anmält förhinder', lists.absent, 'absent') },
  ].filter((s) => s.groups.length > 0);
  return { heading: 'NÄRVAROLISTA', sections };
}
