/** @jsxRuntime automatic @jsxImportSource react */
// The run of §§: one <Page> per § when each starts a new page (as in the reference), else one
// flowing <Page> where the §§ are siblings (so headings keep with their text, see Paragraph).
// Separate pages also keep @react-pdf's pagination cost per § small.
import { Fragment, type ReactElement } from 'react';
import { View } from '@react-pdf/renderer';
import type { PageFooterData, PageHeaderData, ParagraphView } from '../../core/documents/types';
import { FramedPage } from './PageFrame';
import { Paragraph } from './Paragraph';
import { flat } from './RichText';
import type { LayoutShift } from './layout';

interface Props {
  paragraphs: ParagraphView[];
  startNewPage: boolean;
  header: PageHeaderData;
  footer: PageFooterData;
  shift?: LayoutShift;
}

export function Paragraphs({ paragraphs, startNewPage, header, footer, shift }: Props): ReactElement {
  const frame = { header, footer, ...(shift === undefined ? {} : { shift }) };
  const one = (p: ParagraphView) => <Paragraph paragraph={p} {...(shift === undefined ? {} : { shift })} />;
  if (startNewPage) {
    return (
      <>
        {paragraphs.map((p) => (
          <FramedPage key={p.number} {...frame} bookmark={`${p.label} ${flat(p.title)}`}>
            {one(p)}
          </FramedPage>
        ))}
      </>
    );
  }
  return (
    <FramedPage {...frame}>
      {paragraphs.map((p, i) => (
        <Fragment key={p.number}>
          {i === 0 ? null : <View style={{ height: 18 }} />}
          {one(p)}
        </Fragment>
      ))}
    </FramedPage>
  );
}
