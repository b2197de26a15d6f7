/** @jsxRuntime automatic @jsxImportSource react */
// Protokollsutdrag, in parts like the protocol: the opening rows and attendance for the chosen
// §§; runs of those §§; a last page with the utdragsbestyrkande and its signature box.
import { Text } from '../components/tagged';
import type { ExtractData } from '../../core/documents/types';
import { AttendanceTables } from '../components/AttendanceTables';
import { documentShell, type DocumentElement } from '../components/DocumentShell';
import { LabelRows } from '../components/LabelRows';
import { FramedPage } from '../components/PageFrame';
import { Paragraphs } from '../components/Paragraphs';
import { flat } from '../components/RichText';
import { SignatureSlots } from '../components/SignatureSlots';
import type { LayoutShift } from '../components/layout';
import { s } from '../components/styles';
import type { PartSpec } from '../plan';

export function ExtractPart({ data, part, shift }: { data: ExtractData; part: PartSpec; shift?: LayoutShift }): DocumentElement {
  const frame = { header: data.header, footer: data.footer, ...(shift === undefined ? {} : { shift }) };
  const c = data.certification;
  return documentShell(data.meta, body());

  function body() {
    switch (part.kind) {
      case 'front':
        return (
          <FramedPage {...frame} bookmark={data.title}>
            <Text style={s.docTitle}>{data.title}</Text>
            <LabelRows rows={data.rows} />
            <AttendanceTables list={data.attendance} offset={10 + (shift?.attendance ?? 0)} />
          </FramedPage>
        );
      case 'paragraphs':
        return <Paragraphs paragraphs={data.paragraphs.slice(part.from, part.to)} startNewPage={data.paragraphsStartNewPage} {...frame} />;
      case 'back':
        return (
          <FramedPage {...frame} bookmark={c.heading}>
            <Text style={s.h1}>{c.heading}</Text>
            <Text style={s.para}>{flat(c.text)}</Text>
            <LabelRows rows={c.rows} />
            <SignatureSlots signers={[c.signer]} />
          </FramedPage>
        );
      case 'whole':
        throw new Error('An extract is typeset in front, paragraph and back parts.');
      default: {
        const never: never = part;
        return never;
      }
    }
  }
}
