/** @jsxRuntime automatic @jsxImportSource react */
// The närvarolista: "Beslutande" and "Övriga närvarande", each with its groups as tables.
import { Fragment, type ReactElement } from 'react';
import { Text } from './tagged';
import type { AttendanceGroup, AttendanceList } from '../../core/documents/types';
import { Table, type Column } from './Table';
import { s } from './styles';

export const ATTENDANCE_COLUMNS: Column[] = [
  { title: 'Namn', width: '30%' },
  { title: 'Parti', width: '10%' },
  { title: 'Kommun/Organisation', width: '30%' },
  { title: 'Anmärkning', width: '30%' },
];

// Fragments throughout: headings must be siblings of the rows after them for minPresenceAhead.
export function AttendanceGroupTable({ group }: { group: AttendanceGroup }): ReactElement {
  return (
    <>
      <Text style={s.subHeading} minPresenceAhead={50}>
        {group.heading}
      </Text>
      <Table columns={ATTENDANCE_COLUMNS} rows={group.rows.map((r) => [r.name, r.party, r.organisation, r.remark])} />
    </>
  );
}

export function AttendanceTables({ list, offset = 0 }: { list: AttendanceList; offset?: number }): ReactElement {
  return (
    <>
      <Text style={[s.h1, { marginTop: offset }]}>{list.heading}</Text>
      {list.sections.map((section) => (
        <Fragment key={section.heading}>
          <Text style={s.h2} minPresenceAhead={70}>
            {section.heading}
          </Text>
          {section.groups.map((g) => (
            <AttendanceGroupTable key={g.heading} group={g} />
          ))}
        </Fragment>
      ))}
    </>
  );
}
