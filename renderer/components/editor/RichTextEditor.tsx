// A rich text field: paragraphs, bold, italic, bulleted and numbered lists, headings, links,
// picture placeholders and confidential passages, on ProseMirror (see docs/architecture.md,
// "The § editor"). The document follows the schema in schema.ts, which mirrors
// core/format/richtext exactly; it is read into stored rich text (convert.ts) only when the
// autosave asks for it, so a keystroke costs one ProseMirror transaction. Pasted HTML is cleaned
// to the schema (paste.ts) before it reaches the document. Undo/redo is ProseMirror's history.
import 'prosemirror-view/style/prosemirror.css';
import { useEffect, useId, useImperativeHandle, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { EditorState, Selection, type Command } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap, chainCommands, splitBlock } from 'prosemirror-commands';
import { splitListItem } from 'prosemirror-schema-list';
import type { Block } from '../../../core/format/richtext';
import { blocksToDoc, docToBlocks } from './convert';
import { htmlToBlocks, textToBlocks } from './paste';
import { confidentialAt, indent, inList, insertFigure, outdent, pasteBlocks, removeLink, setConfidential, setLink, toggleBold, toggleHeading, toggleItalic, toggleList } from './commands';
import { nodes } from './schema';
import { Dialog } from '../Dialog';
import { ProvisionPicker } from '../LazyProvisionPicker';
import { t, type MessageKey } from '../../i18n';
import { useReadOnly } from './readonly';

export interface EditorHandle {
  read(): Block[];
  focus(): void;
  element(): HTMLElement | null;
}

export interface RichTextEditorProps {
  label: string;
  initial: readonly Block[];
  /** Called on every change; cheap — read() the content later. */
  onEdit: () => void;
  onBlur?: () => void;
  help?: string;
  ref?: Ref<EditorHandle>;
  /** Offer the confidential-passage button (not in attachment texts, say). */
  allowConfidential?: boolean;
  minRows?: number;
  id?: string;
}

type CommandName = 'bold' | 'italic' | 'bullets' | 'numbered' | 'outdent' | 'indent' | 'heading' | 'link' | 'figure' | 'confidential';

const commands: { cmd: CommandName; label: MessageKey; short: MessageKey }[] = [
  { cmd: 'bold', label: 'editor.bold', short: 'editor.bold.short' },
  { cmd: 'italic', label: 'editor.italic', short: 'editor.italic.short' },
  { cmd: 'bullets', label: 'editor.bullets', short: 'editor.bullets.short' },
  { cmd: 'numbered', label: 'editor.numbered', short: 'editor.numbered.short' },
  { cmd: 'outdent', label: 'editor.outdent', short: 'editor.outdent.short' },
  { cmd: 'indent', label: 'editor.indent', short: 'editor.indent.short' },
  { cmd: 'heading', label: 'editor.heading', short: 'editor.heading.short' },
  { cmd: 'link', label: 'editor.link', short: 'editor.link.short' },
  { cmd: 'figure', label: 'editor.figure', short: 'editor.figure.short' },
  { cmd: 'confidential', label: 'editor.confidential', short: 'editor.confidential.short' },
];

const direct: Partial<Record<CommandName, Command>> = {
  bold: toggleBold,
  italic: toggleItalic,
  bullets: toggleList(nodes.bullets),
  numbered: toggleList(nodes.numbered),
  outdent,
  indent,
  heading: toggleHeading,
};

/** Keys ProseMirror handles; Ctrl+K and Ctrl+Shift+7/8 and Tab are handled in onKeyDown below. */
const editorKeys = keymap({
  'Mod-b': toggleBold,
  'Mod-i': toggleItalic,
  'Mod-z': undo,
  'Mod-y': redo,
  'Shift-Mod-z': redo,
  Enter: chainCommands(splitListItem(nodes.item), baseKeymap.Enter ?? splitBlock),
  // The schema has no line break inside a paragraph: Shift+Enter starts a new one too.
  'Shift-Enter': chainCommands(splitListItem(nodes.item), splitBlock),
});

/**
 * From this many top-level blocks on (a long paste from Word is ~1,000) the surface gets the class
 * rte-long: its blocks are then laid out and painted only near the visible part (app.css), which
 * cuts the layout and style work of a 500 KB paste to about a third (test/bench/paste.ts).
 * Short texts keep ordinary layout.
 */
const LONG_DOCUMENT = 200;

interface SurfaceOptions {
  id: string;
  minRows: number;
  readOnly: boolean;
  help: boolean;
}

/** The surface's attributes for a state (ProseMirror asks again after every transaction). */
function surfaceAttributes(o: SurfaceOptions): (state: EditorState) => Record<string, string> {
  return (state) => {
    const a: Record<string, string> = {
      id: o.id,
      class: `rte-surface rows-${o.minRows}${state.doc.childCount >= LONG_DOCUMENT ? ' rte-long' : ''}`,
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-labelledby': `${o.id}-label`,
      lang: 'sv',
      spellcheck: 'true',
      tabindex: '0',
    };
    // How to leave the field from a list, where Tab indents (WCAG 2.1.2: the way out is told).
    a['aria-describedby'] = o.help ? `${o.id}-help ${o.id}-keys` : `${o.id}-keys`;
    if (o.readOnly) a['aria-readonly'] = 'true';
    return a;
  };
}

export function RichTextEditor({ label, initial, onEdit, onBlur, help, ref, allowConfidential = true, minRows = 3, id }: RichTextEditorProps) {
  const autoId = useId();
  const baseId = id ?? autoId;
  const readOnly = useReadOnly();
  const surfaceRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const escaped = useRef(false);
  const [dialog, setDialog] = useState<null | 'link' | 'figure' | 'confidential'>(null);
  const [focusIndex, setFocusIndex] = useState(0);
  const toolbarRef = useRef<HTMLDivElement>(null);
  // The latest callbacks, read by the view (created once).
  const callbacks = useRef({ onEdit, onBlur });
  callbacks.current = { onEdit, onBlur };
  const readOnlyRef = useRef(readOnly);
  readOnlyRef.current = readOnly;

  // The view is created once, on the surface element itself (so the textbox's parent is the .rte
  // box with the toolbar); from then on ProseMirror owns that element.
  useEffect(() => {
    const mount = surfaceRef.current;
    if (mount === null) return;
    // Pasted or dropped HTML/text: cleaned to rich text, then one transaction. The two steps are
    // performance measures (justera:paste-clean, justera:paste-insert) for test/bench/paste.ts.
    const insert = (view: EditorView, html: string, text: string): void => {
      const t0 = performance.now();
      const blocks = html.trim() !== '' ? htmlToBlocks(html) : textToBlocks(text);
      const t1 = performance.now();
      const tr = pasteBlocks(view.state, blocks);
      if (tr !== null) view.dispatch(tr);
      performance.measure('justera:paste-clean', { start: t0, end: t1 });
      performance.measure('justera:paste-insert', { start: t1, end: performance.now() });
    };
    const view: EditorView = new EditorView(
      { mount },
      {
        state: EditorState.create({ doc: blocksToDoc(initial), plugins: [history(), editorKeys, keymap(baseKeymap)] }),
        editable: () => !readOnlyRef.current,
        attributes: surfaceAttributes({ id: baseId, minRows, readOnly: readOnlyRef.current, help: help !== undefined }),
        dispatchTransaction(tr) {
          view.updateState(view.state.apply(tr));
          if (tr.docChanged) callbacks.current.onEdit();
        },
        // Paste and drop are taken before ProseMirror sees them: its own handlers would first parse
        // the clipboard's HTML themselves (styles and all, under the page's CSP) before asking.
        handleDOMEvents: {
          paste(v, event) {
            event.preventDefault();
            if (!v.editable) return true;
            const data = event.clipboardData;
            const html = data?.getData('text/html') ?? '';
            const text = data?.getData('text/plain') ?? '';
            insert(v, html, text);
            return true;
          },
          drop(v, event) {
            if (v.dragging !== null) return false; // a move inside this editor: ProseMirror's own slice
            event.preventDefault();
            const data = event.dataTransfer;
            if (!v.editable || data === null) return true;
            const html = data.getData('text/html');
            const text = data.getData('text/plain');
            const at = v.posAtCoords({ left: event.clientX, top: event.clientY });
            if (at !== null) v.dispatch(v.state.tr.setSelection(Selection.near(v.state.doc.resolve(at.pos))));
            insert(v, html, text);
            return true;
          },
          blur: () => {
            callbacks.current.onBlur?.();
            return false;
          },
        },
      },
    );
    viewRef.current = view;
    return () => {
      view.destroy();
      viewRef.current = null;
    };
  }, []);

  // Locking (read-only after freeze) and the describing help follow the props.
  useEffect(() => {
    viewRef.current?.setProps({ attributes: surfaceAttributes({ id: baseId, minRows, readOnly, help: help !== undefined }) });
  }, [readOnly, baseId, minRows, help]);

  useImperativeHandle(ref, () => ({
    read: () => (viewRef.current === null ? [] : docToBlocks(viewRef.current.state.doc)),
    focus: () => viewRef.current?.focus(),
    element: () => viewRef.current?.dom ?? surfaceRef.current,
  }));

  function exec(command: Command): void {
    const view = viewRef.current;
    if (view === null || !view.editable) return;
    command(view.state, view.dispatch);
    view.focus();
  }

  function run(cmd: CommandName): void {
    const c = direct[cmd];
    if (c !== undefined) {
      exec(c);
      return;
    }
    if (viewRef.current?.editable) setDialog(cmd as 'link' | 'figure' | 'confidential');
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>): void {
    const view = viewRef.current;
    if (view === null || !view.editable || e.target !== view.dom) return;
    const mod = e.ctrlKey || e.metaKey;
    if (e.key === 'Escape') {
      escaped.current = true;
      return;
    }
    if (e.key === 'Tab' && !escaped.current && inList(view.state)) {
      // Tab indents list items; Escape first lets Tab leave the field as usual.
      e.preventDefault();
      exec(e.shiftKey ? outdent : indent);
      return;
    }
    escaped.current = false;
    if (mod && e.shiftKey && (e.key === '7' || e.code === 'Digit7')) {
      e.preventDefault();
      run('numbered');
    } else if (mod && e.shiftKey && (e.key === '8' || e.code === 'Digit8')) {
      e.preventDefault();
      run('bullets');
    } else if (mod && !e.shiftKey && e.key.toLowerCase() === 'k') {
      e.preventDefault();
      run('link');
    }
  }

  function onToolbarKey(e: KeyboardEvent<HTMLDivElement>): void {
    const buttons = Array.from(toolbarRef.current?.querySelectorAll('button') ?? []);
    const move = (to: number) => {
      e.preventDefault();
      const i = (to + buttons.length) % buttons.length;
      setFocusIndex(i);
      buttons[i]?.focus();
    };
    if (e.key === 'ArrowRight') move(focusIndex + 1);
    else if (e.key === 'ArrowLeft') move(focusIndex - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(buttons.length - 1);
  }

  const visible = commands.filter((c) => allowConfidential || c.cmd !== 'confidential');
  const state = viewRef.current?.state;
  const selectedText = state === undefined || state.selection.empty ? '' : state.doc.textBetween(state.selection.from, state.selection.to, ' ');

  return (
    <div className="rte" onKeyDown={onKeyDown}>
      <span className="rte-label" id={`${baseId}-label`}>
        {label}
      </span>
      {!readOnly && (
        <div className="rte-toolbar" role="toolbar" aria-label={t('editor.toolbar', { field: label })} ref={toolbarRef} onKeyDown={onToolbarKey}>
          {visible.map((c, i) => (
            <button
              key={c.cmd}
              type="button"
              className={`rte-btn rte-${c.cmd}`}
              tabIndex={i === focusIndex ? 0 : -1}
              title={t(c.label)}
              aria-label={t(c.label)}
              onMouseDown={(e) => e.preventDefault()}
              onFocus={() => setFocusIndex(i)}
              onClick={() => run(c.cmd)}
            >
              {t(c.short)}
            </button>
          ))}
        </div>
      )}
      <div ref={surfaceRef} />
      <p className="visually-hidden" id={`${baseId}-keys`}>
        {t('editor.keys')}
      </p>
      {help !== undefined && (
        <p className="help" id={`${baseId}-help`}>
          {help}
        </p>
      )}
      <LinkDialog
        open={dialog === 'link'}
        selectedText={selectedText}
        onClose={() => {
          setDialog(null);
          viewRef.current?.focus();
        }}
        onInsert={(url, text) => {
          setDialog(null);
          exec(setLink(url, text));
        }}
        onRemove={() => {
          setDialog(null);
          exec(removeLink);
        }}
      />
      <FigureDialog
        open={dialog === 'figure'}
        onClose={() => {
          setDialog(null);
          viewRef.current?.focus();
        }}
        onInsert={(caption, note) => {
          setDialog(null);
          exec(insertFigure(caption, note));
        }}
      />
      <ConfidentialDialog
        open={dialog === 'confidential'}
        current={state === undefined ? null : confidentialAt(state)}
        onClose={() => {
          setDialog(null);
          viewRef.current?.focus();
        }}
        onApply={(provision) => {
          setDialog(null);
          exec(setConfidential(provision));
        }}
      />
    </div>
  );
}

function LinkDialog({
  open,
  selectedText,
  onClose,
  onInsert,
  onRemove,
}: {
  open: boolean;
  selectedText: string;
  onClose: () => void;
  onInsert: (url: string, text: string) => void;
  onRemove: () => void;
}) {
  const id = useId();
  const [url, setUrl] = useState('https://');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setUrl('https://');
      setText('');
      setError(null);
    }
  }, [open]);
  return (
    <Dialog open={open} title={t('editor.link.title')} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!/^https?:\/\/\S+\.\S+$/.test(url.trim())) {
            setError(t('editor.link.invalid'));
            return;
          }
          onInsert(url.trim(), text.trim());
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-url`}>{t('editor.link.url')}</label>
          <input id={`${id}-url`} type="url" value={url} onChange={(e) => setUrl(e.target.value)} aria-invalid={error !== null} aria-describedby={error ? `${id}-err` : undefined} autoFocus />
          {error && (
            <p className="field-error" id={`${id}-err`}>
              {error}
            </p>
          )}
        </div>
        {selectedText === '' && (
          <div className="field">
            <label htmlFor={`${id}-text`}>{t('editor.link.text')}</label>
            <input id={`${id}-text`} value={text} onChange={(e) => setText(e.target.value)} />
          </div>
        )}
        <div className="actions">
          <button type="submit">{t('editor.link.insert')}</button>
          <button type="button" className="secondary" onClick={onRemove}>
            {t('editor.link.remove')}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function FigureDialog({ open, onClose, onInsert }: { open: boolean; onClose: () => void; onInsert: (caption: string, note: string) => void }) {
  const id = useId();
  const [caption, setCaption] = useState('');
  const [note, setNote] = useState('');
  useEffect(() => {
    if (open) {
      setCaption('');
      setNote('');
    }
  }, [open]);
  return (
    <Dialog open={open} title={t('editor.figure.title')} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onInsert(caption.trim(), note.trim());
        }}
      >
        <p className="help">{t('editor.figure.help')}</p>
        <div className="field">
          <label htmlFor={`${id}-caption`}>{t('editor.figure.caption')}</label>
          <input id={`${id}-caption`} value={caption} onChange={(e) => setCaption(e.target.value)} autoFocus />
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('editor.figure.note')}</label>
          <textarea id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} rows={2} />
        </div>
        <div className="actions">
          <button type="submit">{t('editor.figure.insert')}</button>
          <button type="button" className="secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function ConfidentialDialog({ open, current, onClose, onApply }: { open: boolean; current: string | null; onClose: () => void; onApply: (provision: string | null) => void }) {
  const [value, setValue] = useState('');
  const [valid, setValid] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setValue(current ?? '');
      setValid(current !== null);
      setError(null);
    }
  }, [open, current]);
  return (
    <Dialog open={open} title={t('editor.confidential.title')} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!valid) {
            setError(t('provision.invalid'));
            return;
          }
          onApply(value.trim());
        }}
      >
        <p className="help">{t('editor.confidential.help')}</p>
        <ProvisionPicker
          value={value}
          onChange={(v, ok) => {
            setValue(v);
            setValid(ok);
          }}
          label={t('editor.confidential.provision')}
        />
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="submit">{t('editor.confidential.apply')}</button>
          {current !== null && (
            <button type="button" className="secondary" onClick={() => onApply(null)}>
              {t('editor.confidential.remove')}
            </button>
          )}
          <button type="button" className="secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
