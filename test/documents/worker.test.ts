// Rendering on a worker thread gives the same bytes as rendering in-process.
import { afterAll, describe, expect, it } from 'vitest';
import { buildNoticeData, buildProtocolData, type ProtocolData } from '../../core/documents';
import { AppError } from '../../core/api/errors';
import { DocumentWorker, DocumentWorkerPool, renderInWorker } from '../../electron/services/documents';
import { renderShared } from '../../electron/services/documents/shared-render';
import { planParts } from '../../templates/plan';
import { generatedMeeting } from '../fixtures/documents/generate';
import { renderNotice, renderProtocol } from '../../templates/render';
import { GENERATED_AT, REFERENCE_NOTICES, referenceMeeting } from './helpers/reference';

const worker = new DocumentWorker();
afterAll(() => worker.close());

describe('renderInWorker', () => {
  it('renders the reference protocol to the same bytes as in-process rendering', async () => {
    const data = buildProtocolData(referenceMeeting(), { generatedAt: GENERATED_AT, notices: REFERENCE_NOTICES });
    const [inWorker, inProcess] = [await renderInWorker('protocol', data), await renderProtocol(data)];
    expect(inWorker.pageCount).toBe(inProcess.pageCount);
    expect(inWorker.signatureFields).toEqual(inProcess.signatureFields);
    expect(Buffer.from(inWorker.pdf).equals(Buffer.from(inProcess.pdf))).toBe(true);
  });

  it('keeps one worker for several jobs and reports errors as AppError', async () => {
    const notice = buildNoticeData(referenceMeeting(), { generatedAt: GENERATED_AT, paragraphs: [20, 21, 22], postedOn: '2020-11-06' });
    const [a, b] = await Promise.all([worker.render('notice', notice), worker.render('notice', notice)]);
    expect(Buffer.from(a.pdf).equals(Buffer.from(b.pdf))).toBe(true);
    expect(Buffer.from(a.pdf).equals(Buffer.from((await renderNotice(notice)).pdf))).toBe(true);
    const broken = {
      ...buildProtocolData(referenceMeeting(), { generatedAt: GENERATED_AT }),
      attachments: [{ kind: 'file' as const, title: 'Trasig', paragraph: 20, filename: 'x.pdf', data: 'aGVq' }],
    } satisfies ProtocolData;
    await expect(worker.render('protocol', broken)).rejects.toThrow(AppError);
    await expect(worker.render('protocol', broken)).rejects.toThrow(/Bilagan "Trasig" kunde inte läsas som PDF/);
  });

  it('typesets a long protocol’s parts on a pool of threads and gets the same bytes', async () => {
    const data = buildProtocolData(generatedMeeting({ paragraphs: 8, textParagraphs: 60, wordsPerTextParagraph: 150, seed: 3 }), { generatedAt: '2025-10-20T12:00:00+02:00' });
    expect(planParts(data).length).toBeGreaterThan(3);
    const pool = new DocumentWorkerPool(2);
    try {
      const [pooled, inProcess] = [await pool.render('protocol', data), await renderProtocol(data)];
      expect(pooled.pageCount).toBe(inProcess.pageCount);
      expect(Buffer.from(pooled.pdf).equals(Buffer.from(inProcess.pdf))).toBe(true);
      // As the CLI does it: this thread and a helper thread share the parts.
      const shared = await renderShared(data, 1);
      expect(Buffer.from(shared.pdf).equals(Buffer.from(inProcess.pdf))).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('refuses data of another kind', async () => {
    const notice = buildNoticeData(referenceMeeting(), { generatedAt: GENERATED_AT, paragraphs: [20], postedOn: '2020-11-06' });
    // @ts-expect-error the kind and the data must agree; the runtime check backs the types up.
    await expect(worker.render('protocol', notice)).rejects.toThrow(/kan inte skrivas ut som "protocol"/);
  });
});
