/** @jsxRuntime automatic @jsxImportSource react */
// The yearly follow-up report: intro, a summary of how the tasks stand, and one table row per task.
import { View } from '@react-pdf/renderer';
import { Text } from '../components/tagged';
import type { FollowUpReportData } from '../../core/app/anslag/followup-report';
import { documentShell, type DocumentElement } from '../components/DocumentShell';
import { LabelRows } from '../components/LabelRows';
import { FramedPage } from '../components/PageFrame';
import { flat } from '../components/RichText';
import { Table } from '../components/Table';
import { s } from '../components/styles';

export function FollowUpReportDocument({ data }: { data: FollowUpReportData }): DocumentElement {
  return documentShell(
    data.meta,
    <>
      <FramedPage header={data.header}>
        <Text style={s.docTitle}>{flat(data.title)}</Text>
        {data.intro.map((p, i) => (
          <Text key={i} style={s.para}>
            {flat(p)}
          </Text>
        ))}
        <View style={{ marginTop: 6, marginBottom: 6 }}>
          <LabelRows rows={data.summary} />
        </View>
        {data.rows.length === 0 ? <Text style={s.para}>{flat(data.empty)}</Text> : <Table columns={data.columns} rows={data.rows} fontSize={9} />}
      </FramedPage>
    </>,
  );
}
