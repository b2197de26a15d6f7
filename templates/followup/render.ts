// Renders the yearly follow-up report (no signature: it is a working list, not an attestation).
import { renderToBuffer } from '@react-pdf/renderer';
import type { FollowUpReportData } from '../../core/app/anslag/followup-report';
import { PRODUCER } from '../components/DocumentShell';
import { registerFonts } from '../fonts/register';
import { finishPdf } from '../pdf/finish';
import type { RenderResult } from '../render';
import { FollowUpReportDocument } from './FollowUpReportDocument';

export async function renderFollowUpReport(data: FollowUpReportData): Promise<RenderResult> {
  registerFonts();
  const raw = await renderToBuffer(FollowUpReportDocument({ data }));
  const { pdf, pageCount } = await finishPdf({ raw: new Uint8Array(raw), meta: data.meta, producer: PRODUCER, files: [] });
  return { pdf, pageCount, signatureFields: [] };
}
