/** @jsxRuntime automatic @jsxImportSource react */
// The protocol's first page: place and time, who decided, justerare, adjusted §§, the signature
// places and the BEVIS/ANSLAG box (left blank until the notice is posted).
import type { ReactElement } from 'react';
import { View } from '@react-pdf/renderer';
import { Text } from '../components/tagged';
import type { BevisData, ProtocolData, SignaturePlace } from '../../core/documents/types';
import { LabelRows } from '../components/LabelRows';
import { flat } from '../components/RichText';
import { LABEL_WIDTH } from '../components/layout';
import { HAIRLINE, RULE, s } from '../components/styles';

export function FirstPage({ data }: { data: ProtocolData }): ReactElement {
  return (
    <View>
      <LabelRows rows={data.firstPage.rows} />
      <View style={{ marginTop: 12 }}>
        <Text style={[s.sectionHeading, { marginBottom: 8 }]}>Underskrifter</Text>
        {data.firstPage.signatures.map((sig, i) => (
          <SignatureLine key={i} place={sig} />
        ))}
      </View>
      <Bevis bevis={data.firstPage.bevis} />
    </View>
  );
}

function SignatureLine({ place }: { place: SignaturePlace }): ReactElement {
  return (
    <View style={[s.row, { marginBottom: 10 }]} wrap={false}>
      <Text style={s.label}>{place.role}</Text>
      <View style={{ width: 250 }}>
        <View style={{ borderBottomWidth: HAIRLINE, borderBottomColor: RULE, height: 20, justifyContent: 'flex-end', paddingBottom: 2 }}>
          {place.signature === undefined ? null : <Text style={{ fontSize: 9 }}>{place.signature}</Text>}
        </View>
        <Text style={{ marginTop: 2 }}>{flat(place.name)}</Text>
      </View>
    </View>
  );
}

/** A bordered form, as on the paper protocol: each cell a small label over its value, stacked so it reads in order. */
function Bevis({ bevis }: { bevis: BevisData }): ReactElement {
  const [date, posted, takenDown, storage] = bevis.rows;
  return (
    <View style={{ marginTop: 14, borderWidth: 0.75, borderColor: RULE }} wrap={false}>
      <View style={{ padding: 6, borderBottomWidth: HAIRLINE, borderBottomColor: RULE }}>
        <Text style={{ fontWeight: 'bold', fontSize: 11 }}>{bevis.heading}</Text>
        <Text style={{ marginTop: 3 }}>{flat(bevis.text)}</Text>
      </View>
      {[date, posted, takenDown, storage].map((row, i) => (row === undefined ? null : <Cell key={i} label={row.label} lines={row.lines} />))}
      <View style={{ padding: 5 }}>
        <Text style={{ fontSize: 7.5 }}>{bevis.signatory.label}</Text>
        <View style={{ marginLeft: LABEL_WIDTH - 6, width: 250, height: 18, borderBottomWidth: HAIRLINE, borderBottomColor: RULE }} />
        <Text style={{ marginLeft: LABEL_WIDTH - 6, marginTop: 2 }}>{flat(bevis.signatory.name)}</Text>
      </View>
    </View>
  );
}

function Cell({ label, lines }: { label: string; lines: string[] }): ReactElement {
  return (
    <View style={{ padding: 5, minHeight: 30, borderBottomWidth: HAIRLINE, borderBottomColor: RULE }}>
      <Text style={{ fontSize: 7.5 }}>{label}</Text>
      {lines.map((line, i) => (
        <Text key={i} style={{ marginTop: i === 0 ? 2 : 0 }}>
          {flat(line)}
        </Text>
      ))}
    </View>
  );
}
