/** @jsxRuntime automatic @jsxImportSource react */
// Anslagsbevis: the BEVIS/ANSLAG box as a document of its own (board, meeting date, every posted
// group with its dates, förvaringsplats) and the box for the clerk's signature at a fixed place.
import { View } from '@react-pdf/renderer';
import { Text } from '../components/tagged';
import type { AnslagsbevisData } from '../../core/app/anslag/anslagsbevis';
import { documentShell, type DocumentElement } from '../components/DocumentShell';
import { LabelRows } from '../components/LabelRows';
import { FramedPage } from '../components/PageFrame';
import { flat } from '../components/RichText';
import { SignatureSlots } from '../components/SignatureSlots';
import { PAGE_HEIGHT } from '../components/layout';
import { HAIRLINE, RULE, s } from '../components/styles';

/** Where the signature box starts (points from the top of the page). */
export const ANSLAGSBEVIS_SIGNATURE_TOP = 560;

export function AnslagsbevisDocument({ data }: { data: AnslagsbevisData }): DocumentElement {
  return documentShell(
    data.meta,
    <>
      <FramedPage header={data.header} bottom={PAGE_HEIGHT - ANSLAGSBEVIS_SIGNATURE_TOP + 12}>
        <Text style={s.docTitle}>{flat(data.title)}</Text>
        <View style={{ borderWidth: 0.75, borderColor: RULE }} wrap={false}>
          <View style={{ padding: 6, borderBottomWidth: HAIRLINE, borderBottomColor: RULE }}>
            <Text style={{ fontWeight: 'bold', fontSize: 11 }}>{data.box.heading}</Text>
            <Text style={{ marginTop: 3 }}>{flat(data.box.text)}</Text>
          </View>
          <View style={{ padding: 6, paddingBottom: 0 }}>
            <LabelRows rows={data.box.rows} />
          </View>
        </View>
        {data.notes.map((note, i) => (
          <Text key={i} style={[s.para, { fontSize: 9, marginTop: i === 0 ? 12 : 0 }]}>
            {flat(note)}
          </Text>
        ))}
        <SignatureSlots signers={[data.signer]} top={ANSLAGSBEVIS_SIGNATURE_TOP} />
      </FramedPage>
    </>,
  );
}
