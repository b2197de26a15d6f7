// The live preview of the protocol being drafted: the real PDF, typeset by the document workers.
import { z } from 'zod';
import { idSchema, method } from './define';

export interface ProtocolPreview {
  /** The protocol as it would be printed now, from the meeting's current draft. */
  pdfBase64: string;
  pages: number;
  /** How long typesetting took, in milliseconds. */
  ms: number;
  /** When the draft was read (ISO 8601); also the PDF's creation date. */
  generatedAt: string;
}

export const previewContract = {
  /**
   * Renders the meeting's current draft (every saved keystroke included) as the protocol PDF.
   * Requests for the same meeting that arrive while one is rendering are merged: they all get
   * the next render, which reads the draft as it is when it starts.
   */
  'documents.preview': method<ProtocolPreview>()(z.strictObject({ meetingId: idSchema })),
} as const;
