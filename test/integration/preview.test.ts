// documents.preview through the in-process back end: the real protocol PDF of the current draft,
// typeset by the document worker pool, and merged requests while the secretary types.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../core/api/client';
import { draftProtocolData, type ProtocolData } from '../../core/documents';
import { closePreviewPool, PreviewRenderer } from '../../electron/handlers/preview';
import type { RenderResult } from '../../templates/render';
import { testBackend, type TestBackend } from '../helpers/backend';
import { referenceDoc } from './workspace-draft';
import { pdfPages, tempDir } from '../documents/helpers/pdf-tools';
import { normalise } from '../documents/helpers/text';

let t: TestBackend;
let meetingId: string;
let paragraphId: string;

const dir = tempDir('justera-preview-');
let files = 0;

/** The text of each page of a preview, as pdftotext reads it. */
function pagesOf(pdfBase64: string): string[] {
  const file = dir.file(`preview-${++files}.pdf`, Buffer.from(pdfBase64, 'base64'));
  return pdfPages(file).map(normalise);
}

async function setTitle(title: string): Promise<void> {
  await t.api.call('workspace.paragraphs.update', { paragraphId, patch: { title } });
}

beforeAll(async () => {
  t = testBackend();
  ({ meetingId } = await t.api.call('meetings.import', { document: referenceDoc }));
  const view = await t.api.call('workspace.meetings.get', { meetingId });
  const first = view.paragraphs[0];
  if (first === undefined) throw new Error('the reference meeting has no §');
  paragraphId = first.id;
});

afterAll(async () => {
  t.dispose();
  dir.remove();
  await closePreviewPool();
});

describe('documents.preview', () => {
  it('renders the draft as it is now, with the text just saved', async () => {
    await setTitle('Val av justerare och förhandsgranskning i realtid');
    const r = await t.api.call('documents.preview', { meetingId });
    const pages = pagesOf(r.pdfBase64);
    expect(r.pages).toBe(pages.length);
    expect(r.generatedAt).toBe(new Date('2020-11-05T10:45:00+01:00').toISOString());
    expect(r.ms).toBeGreaterThan(0);
    const first = referenceDoc.paragraphs[0]?.number;
    const page = pages.findIndex((p) => p.includes(`§ ${first} Val av justerare och förhandsgranskning i realtid`));
    expect(page, pages.join('\n---\n').slice(0, 2000)).toBeGreaterThan(0);
    expect(pages[0]).toContain('SAMMANTRÄDESPROTOKOLL');
  });

  it('merges requests made while a render runs: the newest draft wins', async () => {
    // The renders are held open by the test (no assumption that a render is slower than a write):
    // each call of `render` waits until the test releases it.
    const started: { title: string; release: () => void }[] = [];
    const render = (data: ProtocolData): Promise<RenderResult> =>
      new Promise((resolve) => {
        const title = data.paragraphs[0]?.title ?? '';
        started.push({ title, release: () => resolve({ pdf: new TextEncoder().encode(title), pageCount: 1, signatureFields: [] }) });
      });
    const readDraft = (id: string) => {
      const loaded = t.backend.deps.store.loadMeeting(id);
      if (loaded === null) throw new Error('no meeting');
      return loaded.doc;
    };
    const renderer = new PreviewRenderer(readDraft, () => new Date('2020-11-05T10:45:00+01:00'), render);
    const text = (r: { pdfBase64: string }) => Buffer.from(r.pdfBase64, 'base64').toString('utf8');

    await setTitle('Första lydelsen');
    const first = renderer.preview(meetingId);
    await setTitle('Andra lydelsen');
    const second = renderer.preview(meetingId);
    await setTitle('Tredje lydelsen');
    const third = renderer.preview(meetingId);
    // One render runs (with the first wording); the two later requests wait for one more.
    expect(started.map((s) => s.title)).toEqual(['Första lydelsen']);
    started[0]?.release();
    const a = await first;
    expect(text(a)).toBe('Första lydelsen');
    await new Promise<void>((r) => setImmediate(r));
    // The waiting render started when the first ended and read the draft as it was then.
    expect(started.map((s) => s.title)).toEqual(['Första lydelsen', 'Tredje lydelsen']);
    started[1]?.release();
    const [b, c] = await Promise.all([second, third]);
    expect(b).toBe(c);
    expect(text(c)).toBe('Tredje lydelsen');
    // A request after that starts a render of its own.
    const fourth = renderer.preview(meetingId);
    expect(started).toHaveLength(3);
    started[2]?.release();
    await fourth;
  });

  it('refuses an unknown meeting with a Swedish message', async () => {
    const e = await t.api.call('documents.preview', { meetingId: 'finns-inte' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).code).toBe('not_found');
    expect((e as ApiError).message).toMatch(/Sammanträdet finns inte/);
  });
});

describe('draftProtocolData', () => {
  it('shows a tied closed ballot without its lot as a remark instead of failing the preview', () => {
    const vote = { kind: 'closed' as const, jaMeans: 'bifall', nejMeans: 'avslag', ja: 5, nej: 5, avstar: 2 };
    const doc = { ...referenceDoc, paragraphs: referenceDoc.paragraphs.map((p, i) => (i === 0 ? { ...p, votes: [vote] } : p)) };
    const data = draftProtocolData(doc, '2020-11-05T10:45:00+01:00');
    const first = data.paragraphs[0];
    expect(first?.sections.some((s) => s.kind === 'vote')).toBe(false);
    const remark = first?.sections.at(-1);
    expect(remark).toMatchObject({ kind: 'text', heading: 'Omröstning' });
    expect(JSON.stringify(remark)).toContain('Den slutna omröstningen i § 20 slutade lika (5–5).');
    // The other §§ are as the finished protocol shows them.
    expect(data.paragraphs.length).toBe(referenceDoc.paragraphs.length);
  });

  it('of several votes, only the undecidable one is left out of the preview (with its remark naming it); the others print', () => {
    const tied = { kind: 'closed' as const, jaMeans: 'bifall', nejMeans: 'avslag', ja: 5, nej: 5, avstar: 2 };
    const decided = { kind: 'closed' as const, subject: 'återremiss', jaMeans: 'avgörs i dag', nejMeans: 'återremiss', ja: 7, nej: 5, avstar: 0 };
    const doc = { ...referenceDoc, paragraphs: referenceDoc.paragraphs.map((p, i) => (i === 0 ? { ...p, votes: [decided, tied] } : p)) };
    const first = draftProtocolData(doc, '2020-11-05T10:45:00+01:00').paragraphs[0];
    expect(first?.sections.filter((s) => s.kind === 'vote').map((s) => s.heading)).toEqual(['Omröstning – återremiss']);
    expect(JSON.stringify(first?.sections.at(-1))).toContain('Den slutna omröstningen (omröstning 2) i § 20 slutade lika (5–5).');
  });
});
