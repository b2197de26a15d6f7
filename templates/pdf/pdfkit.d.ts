// The one thing Justera touches in pdfkit (the PDF writer under @react-pdf): its document
// class, to reuse resolved fonts (pdfkit-font-reuse.ts). pdfkit ships no types.
declare module 'pdfkit' {
  const PDFDocument: { prototype: object };
  export default PDFDocument;
}
