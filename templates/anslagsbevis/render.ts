// Renders the anslagsbevis the way templates/render.ts renders the other documents: @react-pdf
// typesets, finishPdf writes matching Info/XMP metadata, and the signature box comes back as data.
import { renderToBuffer } from '@react-pdf/renderer';
import type { AnslagsbevisData } from '../../core/app/anslag/anslagsbevis';
import { PRODUCER } from '../components/DocumentShell';
import { signatureBoxRect } from '../components/layout';
import { registerFonts } from '../fonts/register';
import { finishPdf } from '../pdf/finish';
import type { RenderResult } from '../render';
import { ANSLAGSBEVIS_SIGNATURE_TOP, AnslagsbevisDocument } from './AnslagsbevisDocument';

export async function renderAnslagsbevis(data: AnslagsbevisData): Promise<RenderResult> {
  registerFonts();
  const raw = await renderToBuffer(AnslagsbevisDocument({ data }));
  const { pdf, pageCount } = await finishPdf({ raw: new Uint8Array(raw), meta: data.meta, producer: PRODUCER, files: [] });
  return { pdf, pageCount, signatureFields: [{ name: data.signer.field, page: 0, rect: signatureBoxRect(0, ANSLAGSBEVIS_SIGNATURE_TOP) }] };
}
