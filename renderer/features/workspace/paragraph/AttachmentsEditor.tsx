// Bilagor of a §: PDF files (kept as they are) and text attachments whose sections the app holds
// (e.g. the text of a slide deck presented at the meeting).
import { memo, useRef, useState } from 'react';
import { api } from '../../../api/transport';
import { autosave, type SaveOp } from '../../../api/autosave';
import { AutosaveField } from '../../../components/AutosaveField';
import { TextField } from '../../../components/fields';
import { RichTextEditor, type EditorHandle } from '../../../components/editor/LazyRichTextEditor';
import { t } from '../../../i18n';
import type { Attachment } from '../../../../core/format/meeting';
import type { Block } from '../../../../core/format/richtext';
import type { WorkspaceAttachment } from '../../../../core/app/workspace/types';
import { fileToBase64 } from '../../../api/files';
import { useMeetingSnapshot, type MeetingStore } from '../store';
import { errorMessage } from '../../../api/errors';
import { base64ToBytes } from '../../../../core/format/base64';

function sizeText(bytes: number | null): string {
  if (bytes === null) return '';
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} kB` : `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

export function AttachmentsEditor({ store, paragraphId }: { store: MeetingStore; paragraphId: string }) {
  const view = useMeetingSnapshot(store).view;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [fileTitle, setFileTitle] = useState('');
  const [docTitle, setDocTitle] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  if (view === null) return null;
  const i = view.paragraphs.findIndex((p) => p.id === paragraphId);
  const meta = view.paragraphs[i]?.attachments ?? [];
  const content = view.doc.paragraphs[i]?.attachments ?? [];

  async function act(fn: () => Promise<unknown>) {
    setError(null);
    setBusy(true);
    try {
      await autosave.flush();
      await fn();
      await store.load(false);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="attachments-editor">
      {meta.length === 0 ? (
        <p className="muted">{t('attachments.none')}</p>
      ) : (
        <ol className="attachments">
          {meta.map((a, k) => (
            <li key={a.id}>
              <div className="attachment-head">
                <span>
                  <strong>{t('attachments.number', { n: k + 1 })}</strong> {a.title}{' '}
                  <span className="muted">{a.kind === 'file' ? `${a.filename ?? ''} · ${sizeText(a.size)}` : t('attachments.textKind')}</span>
                </span>
                <span className="row-actions">
                  {a.kind === 'file' && (
                    <button type="button" className="secondary small" aria-label={t('attachments.download', { title: a.title })} onClick={() => void download(a, setError)}>
                      {t('attachments.downloadShort')}
                    </button>
                  )}
                  <button
                    type="button"
                    className="secondary small"
                    disabled={k === 0 || busy}
                    aria-label={t('attachments.up', { title: a.title })}
                    onClick={() => void act(() => api.call('workspace.attachments.move', { attachmentId: a.id, direction: 'up' }))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="secondary small"
                    disabled={k === meta.length - 1 || busy}
                    aria-label={t('attachments.down', { title: a.title })}
                    onClick={() => void act(() => api.call('workspace.attachments.move', { attachmentId: a.id, direction: 'down' }))}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="secondary small"
                    disabled={busy}
                    aria-label={t('attachments.remove', { title: a.title })}
                    onClick={() => void act(() => api.call('workspace.attachments.remove', { attachmentId: a.id }))}
                  >
                    {t('common.remove')}
                  </button>
                </span>
              </div>
              {a.kind === 'document' && <DocumentAttachment key={`${a.id}:${store.snapshot.epoch}`} store={store} attachment={a} content={content[k]} />}
            </li>
          ))}
        </ol>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="grid-2">
        <form
          noValidate
          className="subform"
          aria-labelledby={`add-file-${paragraphId}`}
          onSubmit={(e) => {
            e.preventDefault();
            if (file === null) {
              setError(t('attachments.noFile'));
              return;
            }
            void act(async () => {
              const dataBase64 = await fileToBase64(file);
              await api.call('workspace.attachments.addFile', { paragraphId, title: fileTitle, filename: file.name, dataBase64 });
              setFile(null);
              setFileTitle('');
              if (fileInput.current) fileInput.current.value = '';
            });
          }}
        >
          <h5 id={`add-file-${paragraphId}`}>{t('attachments.addFile')}</h5>
          <div className="field">
            <label htmlFor={`file-${paragraphId}`}>{t('attachments.file')}</label>
            <input id={`file-${paragraphId}`} ref={fileInput} type="file" accept="application/pdf,.pdf" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </div>
          <TextField label={t('attachments.title')} help={t('attachments.title.help')} value={fileTitle} onChange={(e) => setFileTitle(e.target.value)} />
          <button type="submit" disabled={busy}>
            {t('attachments.addFile.submit')}
          </button>
        </form>
        <form
          noValidate
          className="subform"
          aria-labelledby={`add-doc-${paragraphId}`}
          onSubmit={(e) => {
            e.preventDefault();
            void act(async () => {
              await api.call('workspace.attachments.addDocument', { paragraphId, title: docTitle, sections: [] });
              setDocTitle('');
            });
          }}
        >
          <h5 id={`add-doc-${paragraphId}`}>{t('attachments.addDocument')}</h5>
          <p className="help">{t('attachments.addDocument.help')}</p>
          <TextField label={t('attachments.docTitle')} value={docTitle} onChange={(e) => setDocTitle(e.target.value)} />
          <button type="submit" disabled={busy}>
            {t('attachments.addDocument.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}

async function download(a: WorkspaceAttachment, setError: (m: string) => void): Promise<void> {
  try {
    const f = await api.call('workspace.attachments.get', { attachmentId: a.id });
    const bytes = base64ToBytes(f.dataBase64);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([bytes], { type: f.mediaType }));
    link.download = f.filename;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  } catch (e) {
    setError(errorMessage(e));
  }
}

let sid = 0;

const DocumentAttachment = memo(function DocumentAttachment({ store, attachment, content }: { store: MeetingStore; attachment: WorkspaceAttachment; content: Attachment | undefined }) {
  const initial = content?.kind === 'document' ? content.sections : [];
  const [sections, setSectionsState] = useState(() => initial.map((s) => ({ id: `s${++sid}`, heading: s.heading, body: s.body as Block[] })));
  const latest = useRef(sections);
  const editors = useRef(new Map<string, EditorHandle>());
  const listRef = useRef<HTMLOListElement>(null);
  const [error, setError] = useState<string | null>(null);
  const key = `att:${attachment.id}:sections`;
  const produce = (): SaveOp<'workspace.attachments.update'> => ({
    key,
    method: 'workspace.attachments.update',
    input: { attachmentId: attachment.id, sections: latest.current.map((s) => ({ heading: s.heading, body: editors.current.get(s.id)?.read() ?? s.body })) },
    onSaved: (r) => {
      setError(null);
      store.setJournal(r.journal);
    },
    onError: (e) => setError(e.message),
  });
  const setSections = (next: typeof sections, immediate: boolean) => {
    latest.current = next.map((s) => ({ ...s, body: editors.current.get(s.id)?.read() ?? s.body }));
    setSectionsState(latest.current);
    autosave.change(key, produce, immediate ? 0 : undefined);
  };
  return (
    <div className="document-attachment">
      <AutosaveField
        label={t('attachments.docTitleFor', { title: attachment.title })}
        initial={attachment.title}
        saveKey={`att:${attachment.id}:title`}
        validate={(v) => (v.trim() === '' ? t('attachments.title.missing') : null)}
        toOp={(v) => ({ key: `att:${attachment.id}:title`, method: 'workspace.attachments.update', input: { attachmentId: attachment.id, title: v }, onSaved: (r) => store.setJournal(r.journal) })}
      />
      <ol className="sections" ref={listRef}>
        {sections.map((s, i) => (
          <li key={s.id}>
            <TextField
              label={t('attachments.section.heading', { n: i + 1 })}
              value={s.heading}
              onChange={(e) =>
                setSections(
                  latest.current.map((x) => (x.id === s.id ? { ...x, heading: e.target.value } : x)),
                  false,
                )
              }
              onBlur={() => autosave.flushKey(key)}
            />
            <RichTextEditor
              ref={(h) => {
                if (h === null) editors.current.delete(s.id);
                else editors.current.set(s.id, h);
              }}
              label={t('attachments.section.body', { n: i + 1 })}
              initial={s.body}
              allowConfidential
              minRows={2}
              onEdit={() => autosave.change(key, produce)}
              onBlur={() => autosave.flushKey(key)}
            />
            <div className="row-actions">
              <button
                type="button"
                className="secondary small"
                aria-label={t('attachments.section.remove', { n: i + 1 })}
                onClick={() =>
                  setSections(
                    latest.current.filter((x) => x.id !== s.id),
                    true,
                  )
                }
              >
                {t('common.remove')}
              </button>
            </div>
          </li>
        ))}
      </ol>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button
        type="button"
        className="secondary"
        onClick={() => {
          const id = `s${++sid}`;
          setSections([...latest.current, { id, heading: '', body: [] }], false);
          requestAnimationFrame(() => listRef.current?.querySelector<HTMLInputElement>('li:last-child input')?.focus());
        }}
      >
        {t('attachments.section.add')}
      </button>
    </div>
  );
});
