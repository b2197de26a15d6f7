// The ProseMirror schema of the § editor. It mirrors core/format/richtext one to one, so every
// document the editor can hold is a valid RichText and back (convert.ts; round-trip property
// tests in test/unit/editor-convert.test.ts):
//   paragraph (inline text with bold/italic/link) · heading (plain text, no marks) ·
//   bullets / numbered (items of any blocks) · figure (a placeholder with caption and note) ·
//   confidential (blocks under an OSL provision).
// Nothing renders an inline style: the look comes from classes in renderer/styles/app.css, so the
// strict CSP (style-src 'self') is never violated.
import { Schema, type DOMOutputSpec } from 'prosemirror-model';
import { t } from '../../i18n';

export function figureLabel(caption: string | undefined): string {
  return caption ? `${t('paragraph.figure')}: ${caption}` : t('paragraph.figure');
}

const attr = (el: HTMLElement, name: string): string => el.getAttribute(name) ?? '';

export const schema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: {
      group: 'block',
      content: 'text*',
      marks: '_',
      parseDOM: [{ tag: 'p' }],
      toDOM: (): DOMOutputSpec => ['p', 0],
    },
    heading: {
      group: 'block',
      content: 'text*',
      marks: '',
      defining: true,
      parseDOM: [{ tag: 'h1' }, { tag: 'h2' }, { tag: 'h3' }, { tag: 'h4' }, { tag: 'h5' }, { tag: 'h6' }],
      toDOM: (): DOMOutputSpec => ['h4', 0],
    },
    bullets: {
      group: 'block',
      content: 'item+',
      parseDOM: [{ tag: 'ul' }],
      toDOM: (): DOMOutputSpec => ['ul', 0],
    },
    numbered: {
      group: 'block',
      content: 'item+',
      parseDOM: [{ tag: 'ol' }],
      toDOM: (): DOMOutputSpec => ['ol', 0],
    },
    item: {
      content: 'block+',
      defining: true,
      parseDOM: [{ tag: 'li' }],
      toDOM: (): DOMOutputSpec => ['li', 0],
    },
    figure: {
      group: 'block',
      atom: true,
      selectable: true,
      draggable: true,
      attrs: { caption: { default: '' }, note: { default: '' } },
      parseDOM: [{ tag: 'figure.rt-figure', getAttrs: (el) => ({ caption: attr(el, 'data-caption'), note: attr(el, 'data-note') }) }],
      toDOM: (node): DOMOutputSpec => [
        'figure',
        { class: 'rt-figure', 'data-caption': node.attrs.caption as string, 'data-note': node.attrs.note as string, contenteditable: 'false' },
        figureLabel((node.attrs.caption as string) || undefined),
      ],
    },
    confidential: {
      group: 'block',
      content: 'block+',
      defining: true,
      attrs: { provision: {} },
      parseDOM: [{ tag: 'section[data-provision]', getAttrs: (el) => ({ provision: attr(el, 'data-provision') }) }],
      toDOM: (node): DOMOutputSpec => [
        'section',
        { class: 'rt-confidential', 'data-provision': node.attrs.provision as string, 'data-label': t('paragraph.confidential', { provision: node.attrs.provision as string }) },
        0,
      ],
    },
    text: {},
  },
  marks: {
    // Order = nesting in the DOM: <a><strong><em>…</em></strong></a>, as RichText.tsx renders.
    link: {
      attrs: { href: {} },
      inclusive: false,
      parseDOM: [{ tag: 'a[href]', getAttrs: (el) => ({ href: attr(el, 'href') }) }],
      toDOM: (mark): DOMOutputSpec => ['a', { href: mark.attrs.href as string, rel: 'noreferrer noopener' }, 0],
    },
    bold: {
      parseDOM: [{ tag: 'strong' }, { tag: 'b' }],
      toDOM: (): DOMOutputSpec => ['strong', 0],
    },
    italic: {
      parseDOM: [{ tag: 'em' }, { tag: 'i' }],
      toDOM: (): DOMOutputSpec => ['em', 0],
    },
  },
});

export const nodes = {
  doc: schema.nodes.doc!,
  paragraph: schema.nodes.paragraph!,
  heading: schema.nodes.heading!,
  bullets: schema.nodes.bullets!,
  numbered: schema.nodes.numbered!,
  item: schema.nodes.item!,
  figure: schema.nodes.figure!,
  confidential: schema.nodes.confidential!,
};

export const marks = {
  link: schema.marks.link!,
  bold: schema.marks.bold!,
  italic: schema.marks.italic!,
};
