// The XMP metadata packet of a Justera PDF: PDF/A-2b identification plus the same title,
// author, subject, keywords, tools and dates as the Info dictionary (PDF/A requires the two to
// agree). Written whole, with every value XML-escaped, instead of pdfkit's partial packet.
import type { DocumentMeta } from '../../core/documents/types';

export interface XmpInput {
  meta: DocumentMeta;
  producer: string;
  /** Dates as written in both Info and XMP: UTC, whole seconds. */
  created: Date;
  modified: Date;
}

export function xmpDate(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export function buildXmp({ meta, producer, created, modified }: XmpInput): string {
  const e = escapeXml;
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '  <rdf:Description rdf:about=""',
    '    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"',
    '    xmlns:dc="http://purl.org/dc/elements/1.1/"',
    '    xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    '    xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    '   <pdfaid:part>2</pdfaid:part>',
    '   <pdfaid:conformance>B</pdfaid:conformance>',
    '   <dc:format>application/pdf</dc:format>',
    `   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${e(meta.title)}</rdf:li></rdf:Alt></dc:title>`,
    `   <dc:creator><rdf:Seq><rdf:li>${e(meta.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${e(meta.subject)}</rdf:li></rdf:Alt></dc:description>`,
    `   <dc:language><rdf:Bag><rdf:li>${e(meta.language)}</rdf:li></rdf:Bag></dc:language>`,
    `   <xmp:CreateDate>${xmpDate(created)}</xmp:CreateDate>`,
    `   <xmp:ModifyDate>${xmpDate(modified)}</xmp:ModifyDate>`,
    `   <xmp:MetadataDate>${xmpDate(modified)}</xmp:MetadataDate>`,
    `   <xmp:CreatorTool>${e(producer)}</xmp:CreatorTool>`,
    `   <pdf:Producer>${e(producer)}</pdf:Producer>`,
    `   <pdf:Keywords>${e(keywordsText(meta))}</pdf:Keywords>`,
    '  </rdf:Description>',
    ' </rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}

export function keywordsText(meta: DocumentMeta): string {
  return meta.keywords.join(', ');
}
