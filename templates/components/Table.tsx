// A plain ruled table: a bold header row, thin rules between rows, rows never split over pages.
import type { ReactElement } from 'react';
import { View } from '@react-pdf/renderer';
import { TagScope, Text } from './tagged';
import { flat } from './RichText';
import { HAIRLINE, RULE, s } from './styles';

export interface Column {
  title: string;
  /** Share of the width, e.g. '30%'. */
  width: string;
  align?: 'left' | 'center' | 'right';
}

export interface TableProps {
  columns: Column[];
  rows: string[][];
  /** A last row set in bold (totals). */
  footer?: string[];
  fontSize?: number;
}

export function Table({ columns, rows, footer, fontSize = 9.5 }: TableProps): ReactElement {
  const cell = (text: string, col: Column | undefined, bold: boolean, key: number, header = false) => (
    <Text key={key} tag={header ? 'TH' : 'TD'} style={{ width: col?.width ?? 'auto', textAlign: col?.align ?? 'left', paddingRight: 4, fontWeight: bold ? 'bold' : 'normal' }}>
      {flat(text)}
    </Text>
  );
  const last = footer === undefined ? rows.length - 1 : rows.length;
  const gap = (i: number) => (i === last ? { marginBottom: 8 } : {});
  // Rows are siblings of whatever precedes the table (a fragment, no wrapper View), so a
  // heading's minPresenceAhead sees them; the header row keeps the first rows with it.
  return (
    <TagScope as="Table">
      <View style={[s.row, { fontSize, borderBottomWidth: HAIRLINE, borderBottomColor: RULE, paddingBottom: 2, marginBottom: 2 }]} wrap={false} minPresenceAhead={30}>
        <TagScope as="TR">{columns.map((c, i) => cell(c.title, c, true, i, true))}</TagScope>
      </View>
      {rows.map((r, ri) => (
        <View key={ri} style={[s.row, { fontSize, paddingVertical: 1.5, borderBottomWidth: 0.25, borderBottomColor: '#9a9a9a' }, gap(ri)]} wrap={false}>
          <TagScope as="TR">{r.map((text, i) => cell(text, columns[i], false, i))}</TagScope>
        </View>
      ))}
      {footer === undefined ? null : (
        <View style={[s.row, { fontSize, paddingVertical: 2, borderTopWidth: HAIRLINE, borderTopColor: RULE }, gap(rows.length)]} wrap={false}>
          <TagScope as="TR">{footer.map((text, i) => cell(text, columns[i], true, i))}</TagScope>
        </View>
      )}
    </TagScope>
  );
}
