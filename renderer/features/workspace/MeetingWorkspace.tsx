// The secretary's workspace for one meeting: the §§ on the left, the page being edited in the
// middle (meeting facts and agenda, attendance, or one §), the live protocol preview on the right.
// Ctrl+Z / Ctrl+Y outside text fields undo and redo saved changes (inside them, the browser's
// own text undo applies).
import { useCallback, useEffect, useRef, useState, lazy, Suspense } from 'react';
import { api } from '../../api/transport';
import { autosave, type SaveStatus } from '../../api/autosave';
import { ErrorBox, Loading } from '../../components/Status';
import { formatLongDate, t, type MessageKey } from '../../i18n';
import { attendanceHref, boardHref, meetingHref, navigate } from '../../router';
import { quorumOn } from '../../../core/domain/presence';
import { isLockedState, meetingProtocolState } from '../../../core/domain/protocol-state';
import { meetingStore, useMeetingSnapshot, type MeetingStore } from './store';
import { MeetingOverview } from './MeetingOverview';
import { AttendanceEditor } from './AttendanceEditor';
import { ParagraphEditor } from './paragraph/ParagraphEditor';
import { MeetingSearch } from '../search/MeetingSearch';
import { preloadEditor } from '../../components/editor/LazyRichTextEditor';
import { errorMessage } from '../../api/errors';
import type { WorkspaceView } from '../../../core/app/workspace/types';

// pdf.js is large: the preview's code loads only once the editor is on screen.
const Preview = lazy(() => import('../preview/Preview').then((m) => ({ default: m.Preview })));

interface Props {
  meetingId: string;
  paragraph: number | null;
  attendance: boolean;
  query: string;
}

function isTextInput(el: Element | null): boolean {
  if (el === null) return false;
  if ((el as HTMLElement).isContentEditable) return true;
  if (el.tagName === 'TEXTAREA') return true;
  if (el.tagName !== 'INPUT') return false;
  const type = (el as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(type);
}

export function MeetingWorkspace({ meetingId, paragraph, attendance, query }: Props) {
  const store = meetingStore(meetingId);
  const snap = useMeetingSnapshot(store);
  // "Ångrade …"/"Gjorde om …" describes the meeting as the undo left it, on the page it went to:
  // it is shown only while both are unchanged (any new edit makes a new view; any navigation a new place).
  const [announcement, setAnnouncementState] = useState<{ text: string; view: WorkspaceView | null; at: string } | null>(null);
  const here = `${paragraph ?? ''}:${attendance}`;
  const [previewOpen, setPreviewOpen] = useState(() => localStorage.getItem('justera.preview') !== 'off');
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The preview starts once the editor is on screen and the browser is idle.
  const [previewReady, setPreviewReady] = useState(false);
  const loaded = snap.view !== null;
  useEffect(() => {
    if (!loaded || previewReady) return undefined;
    const start = () => setPreviewReady(true);
    if ('requestIdleCallback' in window) {
      const id = window.requestIdleCallback(start, { timeout: 1500 });
      return () => window.cancelIdleCallback(id);
    }
    const timer = setTimeout(start, 300);
    return () => clearTimeout(timer);
  }, [loaded, previewReady]);

  useEffect(() => {
    // The § editor's chunk is fetched alongside the meeting (not on the first screen); a failure
    // here is reported when a field needs the editor.
    preloadEditor().catch(() => undefined);
    void store.load(true).then(() => {
      performance.mark('justera:meeting-loaded');
    });
  }, [store]);

  const history = useCallback(
    async (kind: 'undo' | 'redo') => {
      await autosave.flush();
      const journal = store.snapshot.view?.journal;
      if (kind === 'undo' ? journal?.undoLocked : journal?.redoLocked) {
        setAnnouncementState({ text: t(kind === 'undo' ? 'undo.locked' : 'redo.locked'), view: store.snapshot.view, at: here });
        return;
      }
      try {
        const r = await api.call(kind === 'undo' ? 'workspace.undo' : 'workspace.redo', { meetingId });
        await store.load(true);
        const view = store.snapshot.view;
        if (r.label === null) {
          setAnnouncementState({ text: t(kind === 'undo' ? 'undo.nothing' : 'redo.nothing'), view, at: here });
          return;
        }
        const target = r.paragraphId === null ? undefined : view?.paragraphs.find((p) => p.id === r.paragraphId);
        const moves = target !== undefined && target.number !== paragraph;
        setAnnouncementState({ text: t(kind === 'undo' ? 'undo.done' : 'redo.done', { label: r.label }), view, at: moves ? `${target.number}:false` : here });
        if (moves) navigate(meetingHref(meetingId, target.number));
      } catch (e) {
        setAnnouncementState({ text: errorMessage(e), view: store.snapshot.view, at: here });
      }
    },
    [meetingId, store, paragraph, here],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      const isUndo = key === 'z' && !e.shiftKey;
      const isRedo = key === 'y' || (key === 'z' && e.shiftKey);
      if (!isUndo && !isRedo) return;
      if (isTextInput(document.activeElement)) return;
      e.preventDefault();
      void history(isUndo ? 'undo' : 'redo');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [history]);

  const view = snap.view;
  useEffect(() => {
    if (view === null) return;
    const p = view.doc.paragraphs.find((x) => x.number === paragraph);
    const base = t('meeting.title', { board: view.doc.board.name, date: view.doc.meeting.date });
    document.title = `${p ? `§ ${p.number} ${p.title} – ` : attendance ? `${t('attendance.title')} – ` : ''}${base} – ${t('app.name')}`;
  }, [view, paragraph, attendance]);

  if (view === null) return snap.error ? <ErrorBox message={snap.error} onRetry={() => void store.load(true)} /> : <Loading />;
  const doc = view.doc;
  // The status shown once, from one derivation (never "Justerat" beside "Låst för justering").
  const state = meetingProtocolState(
    doc.meeting.status,
    view.paragraphs.map((p) => p.groupStatus),
  );
  const index = paragraph === null ? -1 : doc.paragraphs.findIndex((p) => p.number === paragraph);
  const selected = index >= 0 ? view.paragraphs[index] : undefined;

  return (
    <div className={`workspace${previewOpen ? ' with-preview' : ''}`}>
      <WorkspaceNav store={store} paragraph={paragraph} attendance={attendance} />
      <div className="workspace-main">
        <p className="breadcrumb">
          <a href="#/">{t('app.backToBoards')}</a> › <a href={boardHref(view.boardId)}>{doc.board.name}</a>
        </p>
        <div className="workspace-head">
          <div>
            <h1 ref={headingRef} tabIndex={-1}>
              {t('meeting.title', { board: doc.board.name, date: doc.meeting.date })}
            </h1>
            <p className="muted">
              {formatLongDate(doc.meeting.date)} · <span className={isLockedState(state) ? 'badge warn' : undefined}>{t(`meeting.state.${state}` as MessageKey)}</span>
            </p>
          </div>
          <div className="workspace-tools" role="group" aria-label={t('workspace.tools')}>
            <SaveIndicator />
            <button
              type="button"
              className="secondary"
              onClick={() => void history('undo')}
              disabled={!view.journal.canUndo}
              title={view.journal.undoLabel ?? undefined}
              aria-describedby={view.journal.undoLocked || view.journal.redoLocked ? 'history-locked' : undefined}
            >
              {t('undo.button')}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => void history('redo')}
              disabled={!view.journal.canRedo}
              title={view.journal.redoLabel ?? undefined}
              aria-describedby={view.journal.undoLocked || view.journal.redoLocked ? 'history-locked' : undefined}
            >
              {t('redo.button')}
            </button>
            <ExportButton meetingId={meetingId} fileBase={`${doc.board.shortName ?? doc.board.name} ${doc.meeting.date}`} />
            <button
              type="button"
              className="secondary"
              aria-pressed={previewOpen}
              onClick={() => {
                localStorage.setItem('justera.preview', previewOpen ? 'off' : 'on');
                setPreviewOpen(!previewOpen);
              }}
            >
              {t('preview.toggle')}
            </button>
          </div>
        </div>
        {(view.journal.undoLocked || view.journal.redoLocked) && (
          <p className="help" id="history-locked">
            {t('undo.lockedHelp')}
          </p>
        )}
        <p className="history-status" role="status" aria-live="polite">
          {announcement !== null && announcement.view === snap.view && announcement.at === here ? announcement.text : ''}
        </p>
        {attendance ? (
          <AttendanceEditor key={`att:${snap.epoch}`} store={store} />
        ) : selected !== undefined ? (
          <ParagraphEditor key={`${selected.id}:${snap.epoch}`} store={store} paragraphId={selected.id} query={query} />
        ) : paragraph !== null ? (
          <ErrorBox message={t('paragraph.missing', { number: paragraph })} />
        ) : (
          <MeetingOverview key={`ov:${snap.epoch}`} store={store} />
        )}
      </div>
      {previewOpen &&
        (previewReady ? (
          <Suspense fallback={<aside className="preview" aria-label={t('preview.heading')} />}>
            <Preview store={store} focusNumber={paragraph} />
          </Suspense>
        ) : (
          <aside className="preview" aria-label={t('preview.heading')} />
        ))}
    </div>
  );
}

function WorkspaceNav({ store, paragraph, attendance }: { store: MeetingStore; paragraph: number | null; attendance: boolean }) {
  const snap = useMeetingSnapshot(store);
  const view = snap.view;
  if (view === null) return null;
  const doc = view.doc;
  return (
    <nav className="paragraph-nav" aria-label={t('meeting.paragraphs')}>
      <h2>{t('meeting.paragraphs')}</h2>
      <ol>
        <li>
          <a href={meetingHref(view.meetingId)} aria-current={paragraph === null && !attendance ? 'page' : undefined}>
            {t('meeting.facts')}
          </a>
        </li>
        <li>
          <a href={attendanceHref(view.meetingId)} aria-current={attendance ? 'page' : undefined}>
            {t('attendance.title')}
          </a>
        </li>
        {doc.paragraphs.map((p) => {
          const q = quorumOn(doc, p.number);
          return (
            <li key={p.number}>
              <a href={meetingHref(view.meetingId, p.number)} aria-current={p.number === paragraph ? 'page' : undefined}>
                <span className="para-number">§ {p.number}</span> {p.title}
                {doc.attendance.length > 0 && !q.met && (
                  <span className="badge warn" title={t('nav.noQuorum')}>
                    <span aria-hidden="true">!</span>
                    <span className="visually-hidden"> {t('nav.noQuorum')}</span>
                  </span>
                )}
              </a>
            </li>
          );
        })}
      </ol>
      <MeetingSearch meetingId={view.meetingId} />
    </nav>
  );
}

function SaveIndicator() {
  const [status, setStatus] = useState<SaveStatus>(autosave.getStatus());
  useEffect(() => autosave.subscribe(setStatus), []);
  const text =
    status.state === 'saved' ? t('save.saved') : status.state === 'saving' ? t('save.saving') : status.state === 'offline' ? t('save.offline') : t('save.error', { message: status.message });
  return (
    <span className={`save-status ${status.state}`} role={status.state === 'error' ? 'alert' : 'status'}>
      {text}
    </span>
  );
}

function ExportButton({ meetingId, fileBase }: { meetingId: string; fileBase: string }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="secondary"
        onClick={async () => {
          setError(null);
          try {
            await autosave.flush();
            const doc = await api.call('meetings.export', { meetingId });
            const blob = new Blob([`${JSON.stringify(doc, null, 2)}\n`], { type: 'application/json' });
            const a = document.createElement('a');
            a.href = URL.createObjectURL(blob);
            a.download = `${fileBase.replace(/[\\/:*?"<>|]+/g, '-')}.json`;
            document.body.append(a);
            a.click();
            a.remove();
            setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
          } catch (e) {
            setError(errorMessage(e));
          }
        }}
      >
        {t('export.button')}
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
