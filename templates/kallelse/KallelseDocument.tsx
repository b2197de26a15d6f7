/** @jsxRuntime automatic @jsxImportSource react */
// Kallelse and föredragningslista: when and where, who is called, and the cases in order.
import type { ReactElement } from 'react';
import { View } from '@react-pdf/renderer';
import { Text } from '../components/tagged';
import type { AgendaItem, KallelseData } from '../../core/documents/types';
import { AttendanceGroupTable } from '../components/AttendanceTables';
import { documentShell, type DocumentElement } from '../components/DocumentShell';
import { LabelRows } from '../components/LabelRows';
import { FramedPage } from '../components/PageFrame';
import { flat } from '../components/RichText';
import type { LayoutShift } from '../components/layout';
import { HAIRLINE, RULE, s } from '../components/styles';

export function KallelseDocument({ data, shift }: { data: KallelseData; shift?: LayoutShift }): DocumentElement {
  return documentShell(
    data.meta,
    <>
      <FramedPage header={data.header} {...(shift === undefined ? {} : { shift })}>
        <Text style={s.docTitle}>{flat(data.title)}</Text>
        <LabelRows rows={data.rows} />
        <View style={{ marginTop: 6 }}>
          {data.notes.map((note, i) => (
            <Text key={i} style={s.para}>
              {flat(note)}
            </Text>
          ))}
        </View>
        <Text style={s.h2} minPresenceAhead={60}>
          Kallade
        </Text>
        {data.called.map((g) => (
          <AttendanceGroupTable key={g.heading} group={g} />
        ))}
        <Text style={[s.h2, { marginTop: 14 }]} minPresenceAhead={60}>
          {data.agendaHeading}
        </Text>
        {data.agenda.map((item) => (
          <AgendaRow key={item.number} item={item} />
        ))}
        <View style={[s.row, { marginTop: 24 }]} wrap={false}>
          {data.signatures.map((sig) => (
            <View key={sig.role} style={{ width: '50%' }}>
              <Text>{flat(sig.name)}</Text>
              <Text style={{ fontSize: 9 }}>{sig.role}</Text>
            </View>
          ))}
        </View>
      </FramedPage>
    </>,
  );
}

function AgendaRow({ item }: { item: AgendaItem }): ReactElement {
  return (
    <View style={[s.row, { paddingVertical: 5, borderBottomWidth: HAIRLINE, borderBottomColor: RULE }]} wrap={false}>
      <Text style={{ width: 28, fontWeight: 'bold' }}>{`${item.number}.`}</Text>
      <View style={{ flex: 1 }}>
        <Text style={{ fontWeight: 'bold' }}>{flat(item.title)}</Text>
        {item.caseNumber === undefined ? null : <Text style={{ fontSize: 9.5 }}>{`Ärendenr ${flat(item.caseNumber)}`}</Text>}
        {item.documents.length === 0 ? null : (
          <View style={{ marginTop: 2 }}>
            <Text style={{ fontSize: 9.5, fontStyle: 'italic' }}>Beslutsunderlag</Text>
            {item.documents.map((d, i) => (
              <Text key={i} style={{ fontSize: 9.5 }}>{`• ${flat(d)}`}</Text>
            ))}
          </View>
        )}
      </View>
    </View>
  );
}
