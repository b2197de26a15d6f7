// The § editor (ProseMirror, ~70 kB gzip) in a chunk of its own, fetched when a rich text field
// is first shown (or earlier, when the meeting workspace opens: preloadEditor), so the first screen
// does not load it. Until it has arrived the field shows its label and a status saying the editor is
// being loaded; the label's id is the one the editor's textbox is labelled by, so nothing moves.
import { lazy, Suspense } from 'react';
import type { RichTextEditorProps } from './RichTextEditor';
import { t } from '../../i18n';

export type { EditorHandle } from './RichTextEditor';

let loading: Promise<typeof import('./RichTextEditor')> | null = null;

/** Starts fetching the editor's chunk (idempotent); resolves with the module. */
export function preloadEditor(): Promise<typeof import('./RichTextEditor')> {
  loading ??= import('./RichTextEditor').catch((e: unknown) => {
    loading = null; // a failed fetch (say, after an update) is tried again next time
    throw e;
  });
  return loading;
}

const Editor = lazy(() => preloadEditor().then((m) => ({ default: m.RichTextEditor })));

function Loading({ label, id }: { label: string; id: string | undefined }) {
  return (
    <div className="rte rte-loading">
      <span className="rte-label" {...(id === undefined ? {} : { id: `${id}-label` })}>
        {label}
      </span>
      <p className="rte-placeholder muted" role="status">
        {t('editor.loading')}
      </p>
    </div>
  );
}

export function RichTextEditor(props: RichTextEditorProps) {
  return (
    <Suspense fallback={<Loading label={props.label} id={props.id} />}>
      <Editor {...props} />
    </Suspense>
  );
}
