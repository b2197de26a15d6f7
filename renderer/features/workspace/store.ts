// The meeting being drafted, shared by the navigation, the editors and the preview. Editors are
// uncontrolled: they read the store when they mount and write to it when their autosave fires,
// so typing never re-renders the page. `epoch` changes when the data changed under them
// (undo, redo, reload), and editors keyed by it start afresh.
import { useSyncExternalStore } from 'react';
import type { Paragraph } from '../../../core/format/meeting';
import type { JournalState, WorkspaceView } from '../../../core/app/workspace/types';
import { api } from '../../api/transport';
import { autosave } from '../../api/autosave';
import { ApiError } from '../../../core/api/client';

export interface MeetingSnapshot {
  view: WorkspaceView | null;
  error: string | null;
  epoch: number;
}

export class MeetingStore {
  private snap: MeetingSnapshot = { view: null, error: null, epoch: 0 };
  private listeners = new Set<() => void>();
  readonly meetingId: string;

  constructor(meetingId: string) {
    this.meetingId = meetingId;
  }

  get snapshot(): MeetingSnapshot {
    return this.snap;
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  private set(next: Partial<MeetingSnapshot>): void {
    this.snap = { ...this.snap, ...next };
    for (const l of this.listeners) l();
  }

  private loading: Promise<void> | null = null;

  /**
   * Loads the meeting after every pending save is in; `fresh` remounts the editors. A load
   * asked for while one is under way shares it.
   */
  load(fresh = false): Promise<void> {
    if (this.loading !== null) return this.loading;
    this.loading = this.fetch(fresh).finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async fetch(fresh: boolean): Promise<void> {
    await autosave.flush();
    try {
      const view = await api.call('workspace.meetings.get', { meetingId: this.meetingId });
      this.set({ view, error: null, epoch: fresh ? this.snap.epoch + 1 : this.snap.epoch });
    } catch (e) {
      this.set({ error: e instanceof ApiError || e instanceof Error ? e.message : String(e) });
    }
  }

  /** Applies a change locally at once (for the preview and the lists); the save follows. */
  patchParagraph(paragraphId: string, fields: Partial<Omit<Paragraph, 'attachments'>>): void {
    const view = this.snap.view;
    if (view === null) return;
    const i = view.paragraphs.findIndex((p) => p.id === paragraphId);
    const current = view.doc.paragraphs[i];
    if (i < 0 || current === undefined) return;
    const next: Paragraph = { ...current, ...fields };
    for (const [k, v] of Object.entries(fields)) if (v === undefined) delete (next as unknown as Record<string, unknown>)[k];
    const paragraphs = view.doc.paragraphs.map((p, j) => (j === i ? next : p));
    this.set({ view: { ...view, doc: { ...view.doc, paragraphs } } });
  }

  /** The § as the back end stored it (normalised). */
  savedParagraph(paragraphId: string, saved: Omit<Paragraph, 'attachments'>, journal: JournalState): void {
    const view = this.snap.view;
    if (view === null) return;
    const i = view.paragraphs.findIndex((p) => p.id === paragraphId);
    const current = view.doc.paragraphs[i];
    if (i < 0 || current === undefined) return;
    const paragraphs = view.doc.paragraphs.map((p, j) => (j === i ? { ...saved, attachments: current.attachments } : p));
    this.set({ view: { ...view, journal, doc: { ...view.doc, paragraphs } } });
  }

  patchMeeting(fields: Partial<WorkspaceView['doc']['meeting']>): void {
    const view = this.snap.view;
    if (view === null) return;
    const meeting = { ...view.doc.meeting, ...fields };
    for (const [k, v] of Object.entries(fields)) if (v === undefined) delete (meeting as unknown as Record<string, unknown>)[k];
    this.set({ view: { ...view, doc: { ...view.doc, meeting } } });
  }

  patchAttendance(attendance: WorkspaceView['doc']['attendance']): void {
    const view = this.snap.view;
    if (view === null) return;
    this.set({ view: { ...view, doc: { ...view.doc, attendance } } });
  }

  setJournal(journal: JournalState): void {
    const view = this.snap.view;
    if (view !== null) this.set({ view: { ...view, journal } });
  }
}

const stores = new Map<string, MeetingStore>();

export function meetingStore(meetingId: string): MeetingStore {
  let s = stores.get(meetingId);
  if (s === undefined) {
    s = new MeetingStore(meetingId);
    stores.set(meetingId, s);
  }
  return s;
}

export function useMeetingSnapshot(store: MeetingStore): MeetingSnapshot {
  return useSyncExternalStore(store.subscribe, () => store.snapshot);
}
