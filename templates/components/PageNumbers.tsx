/** @jsxRuntime automatic @jsxImportSource react */
// A document of transparent pages that carry only "n (N)" where the header expects it. Its
// pages are laid over the joined document's pages, so every page is numbered in one sequence
// even though the parts were typeset apart (and no page needs @react-pdf's costly `render`).
import { Document, Page, Text } from '@react-pdf/renderer';
import type { DocumentElement } from './DocumentShell';
import { HEADER_TOP, MARGIN_RIGHT, type LayoutShift } from './layout';
import { s } from './styles';

export function PageNumbers({ total, shift }: { total: number; shift?: LayoutShift }): DocumentElement {
  const top = HEADER_TOP + (shift?.header ?? 0);
  return (
    <Document>
      {Array.from({ length: total }, (_, i) => (
        <Page key={i} size="A4" style={{ fontFamily: s.page.fontFamily }}>
          <Text style={{ position: 'absolute', top, right: MARGIN_RIGHT, fontSize: 10, lineHeight: 1.25 * 1.1, textAlign: 'right' }}>{`${i + 1} (${total})`}</Text>
        </Page>
      ))}
    </Document>
  );
}
