// An HTML parser for Node (tests and the paste benchmark) with the shape the editor's paste reader
// takes. linkedom builds <html><body> only when the markup has them, which browsers' DOMParser
// always does, so a bare fragment (as Google Docs puts on the clipboard) is wrapped first.
import { DOMParser } from 'linkedom';
import type { HtmlParser } from '../../renderer/components/editor/paste';

export const parseHtml: HtmlParser = (html) => {
  const full = /<body[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return new DOMParser().parseFromString(full, 'text/html') as unknown as ReturnType<HtmlParser>;
};

/** A document to serialise the editor's nodes into (ProseMirror's DOMSerializer needs one). */
export function htmlDocument(): Document {
  return new DOMParser().parseFromString('<!doctype html><html><head></head><body></body></html>', 'text/html') as unknown as Document;
}
