// The närvarolista in its four groups, as the protocol prints it (read-only).
import type { MeetingDocument } from '../../../core/format/meeting';
import { narvarolista, type NarvaroEntry } from '../../../core/domain/presence';
import { t, type MessageKey } from '../../i18n';

export function AttendanceTable({ doc, editHref }: { doc: MeetingDocument; editHref?: string }) {
  const name = (key: string) => doc.people.find((p) => p.key === key)?.name ?? key;
  const lists = narvarolista(doc, name);
  const groups: { key: MessageKey; entries: NarvaroEntry[] }[] = [
    { key: 'meeting.attendance.members', entries: lists.members },
    { key: 'meeting.attendance.substitutes', entries: lists.substitutes },
    { key: 'meeting.attendance.present', entries: lists.present },
    { key: 'meeting.attendance.officials', entries: lists.officials },
  ];
  const memberOf = (key: string) => doc.members.find((m) => m.person === key);
  const officialOf = (key: string) => doc.officials.find((o) => o.person === key);
  return (
    <section aria-labelledby="attendance-heading" className="card">
      <h2 id="attendance-heading">{t('meeting.attendance')}</h2>
      {editHref && (
        <p>
          <a href={editHref}>{t('attendance.edit')}</a>
        </p>
      )}
      {groups
        .filter((g) => g.entries.length > 0)
        .map((g) => (
          <table key={g.key} className="attendance">
            <caption>{t(g.key)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('meeting.attendance.name')}</th>
                <th scope="col">{t('meeting.attendance.party')}</th>
                <th scope="col">{t('meeting.attendance.represents')}</th>
                <th scope="col">{t('meeting.attendance.remark')}</th>
              </tr>
            </thead>
            <tbody>
              {g.entries.map((e) => {
                const m = memberOf(e.person);
                const o = officialOf(e.person);
                return (
                  <tr key={e.person}>
                    <th scope="row">{name(e.person)}</th>
                    <td>{m?.party ?? ''}</td>
                    <td>{m?.represents ?? o?.organisation ?? ''}</td>
                    <td>{e.remarks.join('; ')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ))}
    </section>
  );
}
