/** @jsxRuntime automatic @jsxImportSource react */
// The furniture of every page: the header (organisation, document type, board, date) and, on
// protocol pages, the footer boxes ("Justerandes signatur" …). Both are `fixed`, so @react-pdf
// repeats them on every page a <Page> flows onto. The page number "n (N)" is not here: it is
// stamped on the joined document (PageNumbers.tsx), since parts are typeset separately. Header
// and footer are artifacts of the tagged structure: repeated furniture, not content.
import type { ReactElement, ReactNode } from 'react';
import { Page, View } from '@react-pdf/renderer';
import { Artifact, Text } from './tagged';
import type { PageFooterData, PageHeaderData } from '../../core/documents/types';
import { CONTENT_BOTTOM, CONTENT_BOTTOM_PLAIN, CONTENT_WIDTH, FOOTER_BOTTOM, FOOTER_HEIGHT, HEADER_TOP, MARGIN_LEFT, type LayoutShift } from './layout';
import { HAIRLINE, RULE, s } from './styles';

export interface FrameProps {
  header: PageHeaderData;
  footer?: PageFooterData;
  shift?: LayoutShift;
}

export function PageHeader({ header, shift }: { header: PageHeaderData; shift?: LayoutShift }): ReactElement {
  return (
    <View fixed style={{ position: 'absolute', top: HEADER_TOP + (shift?.header ?? 0), left: MARGIN_LEFT, width: CONTENT_WIDTH, lineHeight: 1.25 }}>
      <View style={s.row}>
        <Text style={{ width: '42%', fontSize: 11, fontWeight: 'bold' }}>{header.organisation}</Text>
        <Text style={{ width: '43%', fontSize: 11, fontWeight: 'bold' }}>{header.documentType}</Text>
      </View>
      <View style={[s.row, { marginTop: 3, paddingBottom: 6, borderBottomWidth: HAIRLINE, borderBottomColor: RULE }]}>
        <Text style={{ width: '42%', fontSize: 10 }}>{header.board}</Text>
        <Text style={{ width: '43%', fontSize: 10 }}>{header.date}</Text>
      </View>
    </View>
  );
}

export function PageFooter({ footer, shift }: { footer: PageFooterData; shift?: LayoutShift }): ReactElement {
  const last = footer.boxes.length - 1;
  return (
    <View
      fixed
      style={[s.row, { position: 'absolute', bottom: FOOTER_BOTTOM - (shift?.footer ?? 0), left: MARGIN_LEFT, width: CONTENT_WIDTH, height: FOOTER_HEIGHT, borderWidth: HAIRLINE, borderColor: RULE }]}
    >
      {footer.boxes.map((box, i) => (
        <View key={box.label} style={{ flex: 1, borderRightWidth: i === last ? 0 : HAIRLINE, borderRightColor: RULE, paddingTop: 3, paddingLeft: 4, paddingRight: 4 }}>
          <Text style={{ fontSize: 7 }}>{box.label}</Text>
          {box.text === undefined ? null : <Text style={{ fontSize: 7.5, marginTop: 5 }}>{box.text}</Text>}
        </View>
      ))}
    </View>
  );
}

/** `bottom` overrides the space kept free at the foot, e.g. above absolutely placed boxes. */
export function FramedPage({ header, footer, shift, children, bookmark, bottom }: FrameProps & { children: ReactNode; bookmark?: string; bottom?: number }): ReactElement {
  const style = [s.page, { paddingBottom: bottom ?? (footer === undefined ? CONTENT_BOTTOM_PLAIN : CONTENT_BOTTOM) }];
  return (
    <Page size="A4" style={style} {...(bookmark === undefined ? {} : { bookmark })}>
      <Artifact>
        <PageHeader header={header} {...(shift === undefined ? {} : { shift })} />
      </Artifact>
      {children}
      {footer === undefined ? null : (
        <Artifact>
          <PageFooter footer={footer} {...(shift === undefined ? {} : { shift })} />
        </Artifact>
      )}
    </Page>
  );
}
