/** @jsxRuntime automatic @jsxImportSource react */
// Bilagor after the §§: 'document' attachments are typeset here; each page of a 'file'
// attachment gets a framed placeholder page that pdf/finish.ts fills with the PDF page, so
// attached pages carry the protocol's header, footer and page numbers.
import { Fragment, type ReactElement } from 'react';
import { View } from '@react-pdf/renderer';
import { Text } from '../components/tagged';
import type { AttachmentView, PageFooterData, PageHeaderData } from '../../core/documents/types';
import { FramedPage } from '../components/PageFrame';
import { flat, RichText } from '../components/RichText';
import type { LayoutShift } from '../components/layout';
import { s } from '../components/styles';

interface Props {
  attachments: AttachmentView[];
  /** Page counts of the 'file' attachments, in order; read from the PDFs before rendering. */
  filePageCounts: number[];
  header: PageHeaderData;
  footer: PageFooterData;
  shift?: LayoutShift;
}

export function AttachmentPages({ attachments, filePageCounts, header, footer, shift }: Props): ReactElement {
  let fileIndex = 0;
  const frame = { header, footer, ...(shift === undefined ? {} : { shift }) };
  return (
    <>
      {attachments.map((a, i) => {
        switch (a.kind) {
          case 'document':
            return (
              <FramedPage key={i} {...frame} bookmark={`Bilaga: ${a.title}`}>
                <AttachmentTitle title={a.title} line={`Bilaga till § ${a.paragraph}`} />
                {a.sections.map((section, j) => (
                  <Fragment key={j}>
                    {section.heading.trim() === '' ? null : (
                      <Text style={s.h3} minPresenceAhead={40}>
                        {flat(section.heading)}
                      </Text>
                    )}
                    <RichText blocks={section.body} />
                  </Fragment>
                ))}
              </FramedPage>
            );
          case 'file': {
            const pages = filePageCounts[fileIndex] ?? 0;
            fileIndex += 1;
            return Array.from({ length: pages }, (_, p) => (
              <FramedPage key={`${i}-${p}`} {...frame} {...(p === 0 ? { bookmark: `Bilaga: ${a.title}` } : {})}>
                <AttachmentTitle title={a.title} line={`Bilaga till § ${a.paragraph} · ${a.filename} · sida ${p + 1} av ${pages}`} />
              </FramedPage>
            ));
          }
          default: {
            const never: never = a;
            return never;
          }
        }
      })}
    </>
  );
}

function AttachmentTitle({ title, line }: { title: string; line: string }): ReactElement {
  return (
    <View style={{ marginBottom: 10 }}>
      <Text style={{ fontSize: 13, fontWeight: 'bold' }}>{`Bilaga: ${flat(title)}`}</Text>
      <Text style={{ fontSize: 9, marginTop: 2 }}>{flat(line)}</Text>
    </View>
  );
}
