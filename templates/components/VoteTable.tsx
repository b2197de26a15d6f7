/** @jsxRuntime automatic @jsxImportSource react */
// A vote (omröstning): what Ja and Nej stand for, each serving member's vote, totals, result.
import type { ReactElement } from 'react';
import { View } from '@react-pdf/renderer';
import { Text } from './tagged';
import type { VoteView } from '../../core/documents/types';
import { flat } from './RichText';
import { Table, type Column } from './Table';

const OPEN_COLUMNS: Column[] = [
  { title: 'Namn', width: '46%' },
  { title: 'Parti', width: '15%' },
  { title: 'Ja', width: '13%', align: 'center' },
  { title: 'Nej', width: '13%', align: 'center' },
  { title: 'Avstår', width: '13%', align: 'center' },
];

const CLOSED_COLUMNS: Column[] = [
  { title: 'Sluten omröstning', width: '61%' },
  { title: 'Ja', width: '13%', align: 'center' },
  { title: 'Nej', width: '13%', align: 'center' },
  { title: 'Avstår', width: '13%', align: 'center' },
];

export function VoteTable({ vote }: { vote: VoteView }): ReactElement {
  const { ja, nej, avstar } = vote.totals;
  const mark = (yes: boolean) => (yes ? 'X' : '');
  return (
    <View>
      {vote.legend.map((line, i) => (
        <Text key={i}>{flat(line)}</Text>
      ))}
      <View style={{ marginTop: 6 }}>
        {vote.kind === 'open' ? (
          <Table
            columns={OPEN_COLUMNS}
            rows={vote.rows.map((r) => [r.name, r.party, mark(r.choice === 'Ja'), mark(r.choice === 'Nej'), mark(r.choice === 'Avstår')])}
            footer={['Summa', '', `${ja}`, `${nej}`, `${avstar}`]}
            continued
          />
        ) : (
          <Table columns={CLOSED_COLUMNS} rows={[['Antal röster', `${ja}`, `${nej}`, `${avstar}`]]} />
        )}
      </View>
      <Text style={{ marginBottom: 6 }}>{flat(vote.result)}</Text>
    </View>
  );
}
