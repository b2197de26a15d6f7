// The PDF producer of the clerk's documents (core/app/anslag/ports.ts AnslagDocuments): the
// templates typeset, and documents that someone attests get their empty signature field here
// (on the fresh, unsigned file), ready for the signing step of the justering work.
import type { AnslagDocuments, RenderedPdf } from '../../core/app/anslag/ports';
import { renderAnslagsbevis } from '../../templates/anslagsbevis/render';
import { renderFollowUpReport } from '../../templates/followup/render';
import { renderExtract, renderNotice, renderProtocol, type RenderResult } from '../../templates/render';
import { addEmptySignatureFields } from '../services/signing';

/** Adds the empty signature fields the template placed (none: the file as rendered). */
export async function withFields(result: RenderResult): Promise<RenderedPdf> {
  if (result.signatureFields.length === 0) return { pdf: result.pdf, pageCount: result.pageCount, signatureFields: [] };
  const pdf = await addEmptySignatureFields(
    result.pdf,
    result.signatureFields.map((f) => ({ name: f.name, page: f.page, rect: f.rect })),
  );
  return { pdf, pageCount: result.pageCount, signatureFields: result.signatureFields.map((f) => f.name) };
}

/**
 * Renders in this thread. The documents are short (one page, or a protocol of tens of pages for
 * the public version); when the app moves rendering to the document worker, this is the one
 * place to change.
 */
export const anslagDocuments: AnslagDocuments = {
  notice: async (data) => withFields(await renderNotice(data)),
  anslagsbevis: async (data) => withFields(await renderAnslagsbevis(data)),
  publicProtocol: async (data) => {
    const r = await renderProtocol(data);
    // The public copy lists the signatures as text; it carries no fields to sign.
    return { pdf: r.pdf, pageCount: r.pageCount, signatureFields: [] };
  },
  extract: async (data) => withFields(await renderExtract(data)),
  followUpReport: async (data) => withFields(await renderFollowUpReport(data)),
};
