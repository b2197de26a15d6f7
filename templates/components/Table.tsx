/** @jsxRuntime automatic @jsxImportSource react */
// A plain ruled table: a bold header row, thin rules between rows, rows never split over pages;
// a `continued` table repeats its header on every page and keeps its sum row with the last rows.
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
  /**
   * For tables that may run over a page break (votes): the header row is repeated at the top of
   * every page the table continues on, and the last rows stay with the footer, so a sum row never
   * stands alone on a new page. The table is then one View (not siblings of what precedes it).
   */
  continued?: boolean;
}

/** Body rows kept on the page of the footer (sum) row of a continued table. */
export const ROWS_WITH_FOOTER = 2;

export function Table({ columns, rows, footer, fontSize = 9.5, continued = false }: TableProps): ReactElement {
  const cell = (text: string, col: Column | undefined, bold: boolean, key: number, header = false) => (
    <Text key={key} tag={header ? 'TH' : 'TD'} style={{ width: col?.width ?? 'auto', textAlign: col?.align ?? 'left', paddingRight: 4, fontWeight: bold ? 'bold' : 'normal' }}>
      {flat(text)}
    </Text>
  );
  const last = footer === undefined ? rows.length - 1 : rows.length;
  const gap = (i: number) => (i === last ? { marginBottom: 8 } : {});
  const header = (
    <View
      style={[s.row, { fontSize, borderBottomWidth: HAIRLINE, borderBottomColor: RULE, paddingBottom: 2, marginBottom: 2 }]}
      wrap={false}
      minPresenceAhead={30}
      {...(continued ? { fixed: true } : {})}
    >
      <TagScope as="TR">{columns.map((c, i) => cell(c.title, c, true, i, true))}</TagScope>
    </View>
  );
  const row = (r: string[], ri: number) => (
    <View key={ri} style={[s.row, { fontSize, paddingVertical: 1.5, borderBottomWidth: 0.25, borderBottomColor: '#9a9a9a' }, gap(ri)]} wrap={false}>
      <TagScope as="TR">{r.map((text, i) => cell(text, columns[i], false, i))}</TagScope>
    </View>
  );
  const foot =
    footer === undefined ? null : (
      <View style={[s.row, { fontSize, paddingVertical: 2, borderTopWidth: HAIRLINE, borderTopColor: RULE }, gap(rows.length)]} wrap={false}>
        <TagScope as="TR">{footer.map((text, i) => cell(text, columns[i], true, i))}</TagScope>
      </View>
    );
  if (continued) {
    // One View, so the fixed header repeats only on the pages this table is on; the tail rows
    // and the footer are one unbreakable block.
    const tail = footer === undefined ? rows.length : Math.max(0, rows.length - ROWS_WITH_FOOTER);
    return (
      <TagScope as="Table">
        <View>
          {header}
          {rows.slice(0, tail).map((r, ri) => row(r, ri))}
          <View wrap={false}>
            {rows.slice(tail).map((r, i) => row(r, tail + i))}
            {foot}
          </View>
        </View>
      </TagScope>
    );
  }
  // Rows are siblings of whatever precedes the table (a fragment, no wrapper View), so a
  // heading's minPresenceAhead sees them; the header row keeps the first rows with it.
  return (
    <TagScope as="Table">
      {header}
      {rows.map((r, ri) => row(r, ri))}
      {foot}
    </TagScope>
  );
}
