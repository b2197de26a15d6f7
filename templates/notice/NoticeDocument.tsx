/** @jsxRuntime automatic @jsxImportSource react */
// Tillkännagivande for the notice board: what was adjusted, the dates, how to appeal, and the
// box for the clerk's attestation, kept clear of the text above it.
import { Text } from '../components/tagged';
import type { NoticeData } from '../../core/documents/types';
import { documentShell, type DocumentElement } from '../components/DocumentShell';
import { LabelRows } from '../components/LabelRows';
import { FramedPage } from '../components/PageFrame';
import { flat } from '../components/RichText';
import { SignatureSlots } from '../components/SignatureSlots';
import { NOTICE_SIGNATURE_TOP, PAGE_HEIGHT, type LayoutShift } from '../components/layout';
import { s } from '../components/styles';

export function NoticeDocument({ data, shift }: { data: NoticeData; shift?: LayoutShift }): DocumentElement {
  return documentShell(
    data.meta,
    <>
      <FramedPage header={data.header} {...(shift === undefined ? {} : { shift })} bottom={PAGE_HEIGHT - NOTICE_SIGNATURE_TOP + 12}>
        <Text style={s.docTitle}>{flat(data.title)}</Text>
        <Text style={[s.para, { marginBottom: 12 }]}>{flat(data.intro)}</Text>
        <LabelRows rows={data.rows} />
        <Text style={s.sectionHeading} minPresenceAhead={40}>
          {data.appeal.heading}
        </Text>
        {data.appeal.paragraphs.map((p, i) => (
          <Text key={i} style={[s.para, { fontSize: 10 }]}>
            {flat(p)}
          </Text>
        ))}
        <SignatureSlots signers={[data.signer]} top={NOTICE_SIGNATURE_TOP} />
      </FramedPage>
    </>,
  );
}
