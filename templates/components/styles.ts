// Shared type scale and spacing: body 10.5 pt, headings 11–13 pt, furniture 7–8 pt; thin borders.
import { StyleSheet } from '@react-pdf/renderer';
import { FONT_FAMILY } from '../fonts/register';
import { CONTENT_BOTTOM, CONTENT_TOP, LABEL_WIDTH, MARGIN_LEFT, MARGIN_RIGHT } from './layout';

export const INK = '#000000';
export const MUTED = '#333333';
export const RULE = '#000000';
export const LINK = '#1a4f8b';
export const HAIRLINE = 0.5;

export const s = StyleSheet.create({
  page: {
    fontFamily: FONT_FAMILY,
    fontSize: 10.5,
    lineHeight: 1.3,
    color: INK,
    paddingTop: CONTENT_TOP,
    paddingBottom: CONTENT_BOTTOM,
    paddingLeft: MARGIN_LEFT,
    paddingRight: MARGIN_RIGHT,
  },
  docTitle: { fontSize: 14, fontWeight: 'bold', marginBottom: 14 },
  h1: { fontSize: 13, fontWeight: 'bold', marginBottom: 8 },
  h2: { fontSize: 12, fontWeight: 'bold', marginTop: 10, marginBottom: 4 },
  h3: { fontSize: 10.5, fontWeight: 'bold', marginTop: 8, marginBottom: 3 },
  sectionHeading: { fontSize: 11, fontWeight: 'bold', marginTop: 10, marginBottom: 3 },
  subHeading: { fontSize: 10.5, fontWeight: 'bold', marginTop: 6, marginBottom: 2 },
  para: { marginBottom: 6 },
  paraTight: { marginBottom: 2 },
  small: { fontSize: 8 },
  muted: { color: MUTED },
  italic: { fontStyle: 'italic' },
  bold: { fontWeight: 'bold' },
  link: { color: LINK, textDecoration: 'underline' },
  row: { flexDirection: 'row' },
  labelRow: { flexDirection: 'row', marginBottom: 7 },
  label: { width: LABEL_WIDTH, fontWeight: 'bold', paddingRight: 8 },
  value: { flex: 1 },
  listItem: { flexDirection: 'row', marginBottom: 3 },
  listMarker: { width: 16 },
  listMarkerNumber: { width: 20 },
  listBody: { flex: 1 },
  confidentialLabel: { fontSize: 8.5, fontWeight: 'bold', marginBottom: 2 },
  confidentialBody: { borderLeftWidth: 1.5, borderLeftColor: RULE, paddingLeft: 8, marginBottom: 6 },
  box: { borderWidth: HAIRLINE, borderColor: RULE },
});
