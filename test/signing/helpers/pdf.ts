// Base documents for signing tests: a small protocol with Swedish text and empty signature fields.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { addEmptySignatureFields, type EmptySignatureFieldSpec } from '../../../electron/services/signing';

export const protocolFields: EmptySignatureFieldSpec[] = [
  { name: 'sig-sekreterare', page: 'last', rect: [50, 80, 210, 150] },
  { name: 'sig-ordforande', page: 'last', rect: [220, 80, 380, 150] },
  { name: 'sig-justerare-1', page: 'last', rect: [390, 80, 550, 150] },
];

export async function makeProtocolPdf(options: { pages?: number; useObjectStreams?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle('Sammanträdesprotokoll – Kommunstyrelsen Övertorneå');
  doc.setCreationDate(new Date('2020-11-05T12:00:00Z'));
  doc.setModificationDate(new Date('2020-11-05T12:00:00Z'));
  doc.setProducer('Justera test');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const pages = options.pages ?? 2;
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([595, 842]);
    page.drawText('SAMMANTRÄDESPROTOKOLL', { x: 50, y: 790, size: 16, font });
    page.drawText(`§ ${20 + i} Åtgärder för ökad tillgänglighet i Älvsbyn`, { x: 50, y: 750, size: 12, font });
    page.drawText(`Sida ${i + 1} (${pages})`, { x: 500, y: 810, size: 9, font });
  }
  const raw = await doc.save({ useObjectStreams: options.useObjectStreams ?? false });
  return addEmptySignatureFields(raw, protocolFields, { useObjectStreams: options.useObjectStreams ?? false });
}
