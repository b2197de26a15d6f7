// Messages between the main thread and a document render worker. Everything in them is
// structured-cloneable: the view models are plain data and PDFs travel as bytes.
import type { ErrorBody } from '../../../core/api/errors';
import type { DocumentData } from '../../../core/documents/types';
import type { RenderOptions, RenderResult } from '../../../templates/render';

export type WorkRequest =
  /** The whole document: every part in turn, then joined. */
  | { id: number; type: 'document'; data: DocumentData; options: RenderOptions }
  /** One part of planParts(data), typeset only. */
  | { id: number; type: 'part'; data: DocumentData; index: number; options: RenderOptions }
  /** Joins typeset parts into the finished document. */
  | { id: number; type: 'assemble'; data: DocumentData; parts: Uint8Array[]; options: RenderOptions }
  /** Answers once the worker has its modules and fonts loaded. */
  | { id: number; type: 'ready' };

export type WorkAnswer = { kind: 'document'; result: RenderResult } | { kind: 'part'; bytes: Uint8Array } | { kind: 'ready' };

export type WorkResponse = { id: number; ok: true; answer: WorkAnswer } | { id: number; ok: false; error: ErrorBody };
