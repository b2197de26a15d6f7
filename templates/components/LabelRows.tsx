/** @jsxRuntime automatic @jsxImportSource react */
// The two-column block of a protocol's first page: bold label left, value lines right.
import type { ReactElement } from 'react';
import { View } from '@react-pdf/renderer';
import { Text } from './tagged';
import type { LabeledValue } from '../../core/documents/types';
import { flat } from './RichText';
import { s } from './styles';

export function LabelRows({ rows }: { rows: LabeledValue[] }): ReactElement {
  return (
    <View>
      {rows.map((row) => (
        <View key={row.label} style={s.labelRow} wrap={false}>
          <Text style={s.label}>{row.label}</Text>
          <View style={s.value}>{row.lines.length === 0 ? <Text> </Text> : row.lines.map((line, i) => <Text key={i}>{flat(line)}</Text>)}</View>
        </View>
      ))}
    </View>
  );
}
