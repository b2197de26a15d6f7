// A rich text field: paragraphs, bold, italic, bulleted and numbered lists, headings, links,
// picture placeholders and confidential passages. The surface is a contenteditable element left
// alone while typing (so a keystroke costs nothing but the browser's own work); it is read into
// structured data (convert.ts) only when the autosave asks for it. Native undo works inside.
import { useEffect, useId, useImperativeHandle, useRef, useState, type ClipboardEvent, type KeyboardEvent, type Ref } from 'react';
import type { Block } from '../../../core/format/richtext';
import { blocksToHtml, domToBlocks, escapeHtml, figureLabel, htmlToBlocks, textToBlocks } from './convert';
import { Dialog } from '../Dialog';
import { ProvisionPicker } from '../LazyProvisionPicker';
import { t, type MessageKey } from '../../i18n';
import { useReadOnly } from './readonly';

export interface EditorHandle {
  read(): Block[];
  focus(): void;
  element(): HTMLElement | null;
}

interface Props {
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

type Command = 'bold' | 'italic' | 'bullets' | 'numbered' | 'outdent' | 'indent' | 'heading' | 'link' | 'figure' | 'confidential';

const commands: { cmd: Command; label: MessageKey; short: MessageKey }[] = [
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

function closestIn(root: HTMLElement, node: Node | null, selector: string): HTMLElement | null {
  let n: Node | null = node;
  while (n !== null && n !== root) {
    if (n.nodeType === Node.ELEMENT_NODE && (n as Element).matches(selector)) return n as HTMLElement;
    n = n.parentNode;
  }
  return null;
}

/** The top-level block of the editor that holds `node`. */
function topBlock(root: HTMLElement, node: Node | null): HTMLElement | null {
  let n: Node | null = node;
  while (n !== null && n.parentNode !== root) n = n.parentNode;
  return n !== null && n.nodeType === Node.ELEMENT_NODE ? (n as HTMLElement) : null;
}

export function RichTextEditor({ label, initial, onEdit, onBlur, help, ref, allowConfidential = true, minRows = 3, id }: Props) {
  const autoId = useId();
  const baseId = id ?? autoId;
  const readOnly = useReadOnly();
  const rootRef = useRef<HTMLDivElement>(null);
  const savedRange = useRef<Range | null>(null);
  const escaped = useRef(false);
  const [dialog, setDialog] = useState<null | 'link' | 'figure' | 'confidential'>(null);
  const [focusIndex, setFocusIndex] = useState(0);
  const toolbarRef = useRef<HTMLDivElement>(null);

  // The surface is filled once; from then on the browser owns it.
  useEffect(() => {
    const root = rootRef.current;
    if (root === null) return;
    root.innerHTML = initial.length === 0 ? '<p><br></p>' : blocksToHtml(initial);
  }, []);

  useImperativeHandle(ref, () => ({
    read: () => (rootRef.current === null ? [] : domToBlocks(rootRef.current)),
    focus: () => rootRef.current?.focus(),
    element: () => rootRef.current,
  }));

  const changed = () => onEdit();

  function restoreSelection(): void {
    const root = rootRef.current;
    if (root === null) return;
    const sel = window.getSelection();
    const inside = sel !== null && sel.rangeCount > 0 && root.contains(sel.getRangeAt(0).commonAncestorContainer);
    if (document.activeElement !== root) root.focus();
    if (!inside && savedRange.current !== null && sel !== null) {
      sel.removeAllRanges();
      sel.addRange(savedRange.current);
    }
  }

  function currentNode(): Node | null {
    const sel = window.getSelection();
    return sel !== null && sel.rangeCount > 0 ? sel.getRangeAt(0).startContainer : null;
  }

  function run(cmd: Command): void {
    const root = rootRef.current;
    if (root === null) return;
    restoreSelection();
    document.execCommand('defaultParagraphSeparator', false, 'p');
    switch (cmd) {
      case 'bold':
      case 'italic':
        document.execCommand(cmd);
        break;
      case 'bullets':
        document.execCommand('insertUnorderedList');
        break;
      case 'numbered':
        document.execCommand('insertOrderedList');
        break;
      case 'indent':
      case 'outdent':
        if (closestIn(root, currentNode(), 'li') !== null) document.execCommand(cmd);
        break;
      case 'heading': {
        const inHeading = closestIn(root, currentNode(), 'h1,h2,h3,h4,h5,h6') !== null;
        document.execCommand('formatBlock', false, inHeading ? 'p' : 'h4');
        break;
      }
      case 'link':
      case 'figure':
      case 'confidential':
        saveSelection();
        setDialog(cmd);
        return;
      default: {
        const never: never = cmd;
        return never;
      }
    }
    changed();
  }

  function saveSelection(): void {
    const root = rootRef.current;
    const sel = window.getSelection();
    if (root !== null && sel !== null && sel.rangeCount > 0 && root.contains(sel.getRangeAt(0).commonAncestorContainer)) {
      savedRange.current = sel.getRangeAt(0).cloneRange();
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>): void {
    const mod = e.ctrlKey || e.metaKey;
    if (e.key === 'Escape') {
      escaped.current = true;
      return;
    }
    if (e.key === 'Tab' && !escaped.current && rootRef.current !== null && closestIn(rootRef.current, currentNode(), 'li') !== null) {
      e.preventDefault();
      document.execCommand(e.shiftKey ? 'outdent' : 'indent');
      changed();
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

  function onPaste(e: ClipboardEvent<HTMLDivElement>): void {
    e.preventDefault();
    const html = e.clipboardData.getData('text/html');
    const text = e.clipboardData.getData('text/plain');
    const blocks = html.trim() !== '' ? htmlToBlocks(html) : textToBlocks(text);
    if (blocks.length === 0) return;
    document.execCommand('defaultParagraphSeparator', false, 'p');
    // One plain paragraph pastes as text into the current one; anything else as blocks.
    const only = blocks[0];
    if (blocks.length === 1 && only?.type === 'paragraph' && only.content.every((i) => !i.bold && !i.italic && !i.link)) {
      document.execCommand('insertText', false, only.content.map((i) => i.text).join(''));
    } else {
      document.execCommand('insertHTML', false, blocksToHtml(blocks));
    }
    changed();
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
  const helpId = `${baseId}-help`;

  return (
    <div className="rte">
      <span className="rte-label" id={`${baseId}-label`}>
        {label}
      </span>
      {!readOnly && <div className="rte-toolbar" role="toolbar" aria-label={t('editor.toolbar', { field: label })} ref={toolbarRef} onKeyDown={onToolbarKey}>
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
      </div>}
      <div
        ref={rootRef}
        id={baseId}
        className={`rte-surface rows-${minRows}`}
        contentEditable={!readOnly}
        suppressContentEditableWarning
        role="textbox"
        aria-multiline="true"
        aria-readonly={readOnly || undefined}
        aria-labelledby={`${baseId}-label`}
        aria-describedby={help === undefined ? undefined : helpId}
        lang="sv"
        spellCheck
        tabIndex={0}
        onInput={changed}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onBlur={() => {
          saveSelection();
          onBlur?.();
        }}
      />
      {help !== undefined && (
        <p className="help" id={helpId}>
          {help}
        </p>
      )}
      <LinkDialog
        open={dialog === 'link'}
        selectedText={savedRange.current?.toString() ?? ''}
        onClose={() => setDialog(null)}
        onInsert={(url, text) => {
          setDialog(null);
          restoreSelection();
          const sel = window.getSelection();
          if (sel !== null && !sel.isCollapsed) document.execCommand('createLink', false, url);
          else document.execCommand('insertHTML', false, `<a href="${escapeHtml(url)}">${escapeHtml(text || url)}</a>`);
          changed();
        }}
        onRemove={() => {
          setDialog(null);
          restoreSelection();
          document.execCommand('unlink');
          changed();
        }}
      />
      <FigureDialog
        open={dialog === 'figure'}
        onClose={() => setDialog(null)}
        onInsert={(caption, note) => {
          setDialog(null);
          insertFigure(caption, note);
        }}
      />
      <ConfidentialDialog
        open={dialog === 'confidential'}
        current={confidentialAtSelection()}
        onClose={() => setDialog(null)}
        onApply={(provision) => {
          setDialog(null);
          markConfidential(provision);
        }}
      />
    </div>
  );

  function confidentialAtSelection(): string | null {
    const root = rootRef.current;
    if (root === null || savedRange.current === null) return null;
    return closestIn(root, savedRange.current.startContainer, 'section[data-provision]')?.getAttribute('data-provision') ?? null;
  }

  /** A picture placeholder after the current block, and a new empty paragraph to go on in. */
  function insertFigure(caption: string, note: string): void {
    const root = rootRef.current;
    if (root === null) return;
    root.focus();
    const block = savedRange.current === null ? null : topBlock(root, savedRange.current.startContainer);
    const figure = document.createElement('figure');
    figure.className = 'rt-figure';
    figure.contentEditable = 'false';
    figure.setAttribute('data-caption', caption);
    figure.setAttribute('data-note', note);
    figure.textContent = figureLabel(caption || undefined);
    const after = document.createElement('p');
    after.appendChild(document.createElement('br'));
    const emptyBlock = block !== null && block.tagName === 'P' && (block.textContent ?? '').trim() === '';
    if (block === null) root.append(figure, after);
    else if (emptyBlock) block.replaceWith(figure, after);
    else block.after(figure, after);
    const sel = window.getSelection();
    const range = document.createRange();
    range.setStart(after, 0);
    range.collapse(true);
    sel?.removeAllRanges();
    sel?.addRange(range);
    changed();
  }

  /** Wraps the blocks of the selection in a confidential section, or changes/removes it. */
  function markConfidential(provision: string | null): void {
    const root = rootRef.current;
    const range = savedRange.current;
    if (root === null || range === null) return;
    root.focus();
    const existing = closestIn(root, range.startContainer, 'section[data-provision]');
    if (existing !== null) {
      if (provision === null) existing.replaceWith(...Array.from(existing.childNodes));
      else existing.setAttribute('data-provision', provision);
      changed();
      return;
    }
    if (provision === null) return;
    const first = topBlock(root, range.startContainer);
    const last = topBlock(root, range.endContainer) ?? first;
    if (first === null || last === null) return;
    const section = document.createElement('section');
    section.className = 'rt-confidential';
    section.setAttribute('data-provision', provision);
    first.before(section);
    let n: ChildNode | null = first;
    while (n !== null) {
      const next: ChildNode | null = n === last ? null : n.nextSibling;
      section.appendChild(n);
      n = next;
    }
    changed();
  }
}

function LinkDialog({ open, selectedText, onClose, onInsert, onRemove }: { open: boolean; selectedText: string; onClose: () => void; onInsert: (url: string, text: string) => void; onRemove: () => void }) {
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
