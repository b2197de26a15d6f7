/** @jsxRuntime automatic @jsxImportSource react */
// <Document> with the metadata every Justera PDF carries. Dates come from the data, never the
// clock, so the same input gives the same bytes; PDF/A-2b makes pdfkit add the sRGB output
// intent, which render.ts keeps when it rewrites the XMP metadata.
import type { ReactNode } from 'react';
import { Document, type renderToBuffer } from '@react-pdf/renderer';
import type { DocumentMeta } from '../../core/documents/types';

export const PRODUCER = 'Justera';

/** What @react-pdf's renderToBuffer accepts: an element whose root is <Document>. */
export type DocumentElement = Parameters<typeof renderToBuffer>[0];

/** Called as a function, not used as a component, so that the result is typed as a Document. */
export function documentShell(meta: DocumentMeta, children: ReactNode): DocumentElement {
  return (
    <Document
      title={meta.title}
      author={meta.author}
      subject={meta.subject}
      keywords={meta.keywords.join(', ')}
      language={meta.language}
      creator={PRODUCER}
      producer={PRODUCER}
      creationDate={new Date(meta.createdAt)}
      modificationDate={new Date(meta.modifiedAt)}
      conformance="PDF/A-2b"
      pageMode="useOutlines"
    >
      {children}
    </Document>
  );
}
