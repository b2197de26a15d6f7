/** @jsxRuntime automatic @jsxImportSource react */
// The full protocol, in parts: the first page and närvarolista; runs of §§; bilagor and the
// signature page. See plan.ts for why it is typeset in parts.
import type { ProtocolData } from '../../core/documents/types';
import { AttendanceTables } from '../components/AttendanceTables';
import { documentShell, type DocumentElement } from '../components/DocumentShell';
import { FramedPage } from '../components/PageFrame';
import { Paragraphs } from '../components/Paragraphs';
import { TagScope } from '../components/tagged';
import type { LayoutShift } from '../components/layout';
import type { PartSpec } from '../plan';
import { AttachmentPages } from './Attachments';
import { FirstPage } from './FirstPage';
import { SignaturePage } from './SignaturePage';

export interface ProtocolPartProps {
  data: ProtocolData;
  part: PartSpec;
  /** Page counts of the attached PDFs, needed by the back part (and the whole). */
  filePageCounts: number[];
  shift?: LayoutShift;
}

export function ProtocolPart({ data, part, filePageCounts, shift }: ProtocolPartProps): DocumentElement {
  const frame = { header: data.header, footer: data.footer, ...(shift === undefined ? {} : { shift }) };
  return documentShell(data.meta, body());

  function front() {
    return (
      <>
        <FramedPage {...frame} bookmark="Sammanträdesprotokoll">
          <TagScope as="Sect" name="forsta-sidan">
            <FirstPage data={data} />
          </TagScope>
        </FramedPage>
        <FramedPage {...frame} bookmark="Närvarolista">
          <TagScope as="Sect" name="narvarolista">
            <AttendanceTables list={data.attendance} offset={shift?.attendance ?? 0} />
          </TagScope>
        </FramedPage>
      </>
    );
  }

  function paragraphs(from: number, to: number) {
    return <Paragraphs paragraphs={data.paragraphs.slice(from, to)} startNewPage={data.paragraphsStartNewPage} {...frame} />;
  }

  function back() {
    return (
      <>
        <TagScope as="Sect" name="bilagor">
          <AttachmentPages attachments={data.attachments} filePageCounts={filePageCounts} {...frame} />
        </TagScope>
        <TagScope as="Sect" name="underskrifter">
          <SignaturePage page={data.signaturePage} {...frame} />
        </TagScope>
      </>
    );
  }

  function body() {
    switch (part.kind) {
      case 'front':
        return front();
      case 'paragraphs':
        return paragraphs(part.from, part.to);
      case 'back':
        return back();
      case 'whole':
        // The reference for the parts: everything in one @react-pdf run (render.ts, renderSinglePass).
        return (
          <>
            {front()}
            {paragraphs(0, data.paragraphs.length)}
            {back()}
          </>
        );
      default: {
        const never: never = part;
        return never;
      }
    }
  }
}
