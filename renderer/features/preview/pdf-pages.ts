// The preview PDF in a scrolling box, page by page: every page gets a placeholder of its size at
// once, but only pages near the visible part are drawn (a canvas plus pdf.js's text layer, so the
// text can be selected and read by a screen reader); pages far away give their canvas back. A new
// PDF is swapped in only once its visible pages are drawn, so the old one stays until then.
import { RenderingCancelledException, TextLayer, type PDFDocumentProxy, type PDFPageProxy, type RenderTask } from 'pdfjs-dist';
import { findParagraphPage } from './find-paragraph';
import { loadPdf } from './pdfjs';

type TextContent = Awaited<ReturnType<PDFPageProxy['getTextContent']>>;

/** Space around and between pages, in CSS pixels; preview.css uses the same. */
const PAD = 12;

interface Page {
  proxy: PDFPageProxy;
  /** Size in PDF points. */
  width: number;
  height: number;
  text: TextContent;
  /** The page's text items, for finding a §. */
  items: string[];
  el: HTMLDivElement;
  canvas: HTMLCanvasElement;
  layer: HTMLDivElement;
  task: RenderTask | null;
  textLayer: TextLayer | null;
  /** The scale the page is drawn at; 0 while not drawn. */
  drawnAt: number;
  /** The scale it is being drawn at; 0 when no drawing is under way. */
  drawing: number;
}

async function readPage(doc: PDFDocumentProxy, n: number): Promise<Omit<Page, 'el' | 'canvas' | 'layer'>> {
  const proxy = await doc.getPage(n);
  const [, , width, height] = proxy.view;
  const text = await proxy.getTextContent();
  const items = text.items.flatMap((i) => ('str' in i && i.str.trim() !== '' ? [i.str] : []));
  return { proxy, width: width ?? 595, height: height ?? 842, text, items, task: null, textLayer: null, drawnAt: 0, drawing: 0 };
}

/** What the viewer's controls show: the page at the top of the box, and the scale. */
export interface PdfViewState {
  page: number;
  total: number;
  /** CSS pixels per PDF point. */
  scale: number;
  /** The scale at which the widest page fills the box's width. */
  fitScale: number;
  /** True when the scale follows the box's width. */
  fit: boolean;
}

export class PdfPages {
  private doc: PDFDocumentProxy | null = null;
  /** A chosen scale (CSS pixels per PDF point); null: fit the width. */
  private zoom: number | null = null;
  private current = 0;
  private readonly onScroll = () => this.report();
  /** Told when the page at the top or the scale changes. */
  onState: ((s: PdfViewState) => void) | null = null;
  private pages: Page[] = [];
  private byElement = new Map<Element, Page>();
  private scale = 1;
  private width = 0;
  private focusNumber: number | null = null;
  private focusPage: number | null = null;
  private seq = 0;
  private readonly observer: IntersectionObserver;
  private readonly resizer: ResizeObserver;

  constructor(
    private readonly scroller: HTMLElement,
    private readonly label: (n: number, total: number) => string,
    private readonly onError: (e: unknown) => void,
  ) {
    // Pages within one screen height above or below the visible part are drawn.
    this.observer = new IntersectionObserver((entries) => this.onIntersect(entries), { root: scroller, rootMargin: '100% 0px' });
    this.resizer = new ResizeObserver(() => this.onResize());
    this.resizer.observe(scroller);
    scroller.addEventListener('scroll', this.onScroll, { passive: true });
  }

  /** Draws the pages at a chosen scale (null: fit the width), keeping the page at the top. */
  setZoom(scale: number | null): void {
    this.zoom = scale;
    if (this.pages.length === 0) return;
    this.rescale(scale ?? this.fitScale(this.pages));
  }

  /** Scrolls page `n` (1-based, clamped) to the top of the box. */
  goTo(n: number): void {
    const i = Math.min(Math.max(Math.round(n), 1), this.pages.length) - 1;
    const el = this.pages[i]?.el;
    if (el === undefined) return;
    this.scroller.scrollTop = el.offsetTop - PAD;
    this.report();
  }

  state(): PdfViewState {
    return { page: this.current, total: this.pages.length, scale: this.scale, fitScale: this.pages.length === 0 ? this.scale : this.fitScale(this.pages), fit: this.zoom === null };
  }

  /** The page whose area covers the line a third down the visible part. */
  private topPage(): number {
    if (this.pages.length === 0) return 0;
    const line = this.scroller.scrollTop + Math.min(this.scroller.clientHeight / 3, 200);
    const i = this.pages.findIndex((p) => p.el.offsetTop + p.el.offsetHeight + PAD > line);
    return (i < 0 ? this.pages.length - 1 : i) + 1;
  }

  private report(): void {
    const page = this.topPage();
    if (page === this.current) return;
    this.current = page;
    this.onState?.(this.state());
  }

  /** Shows a new PDF; false when a newer one came first. */
  async show(bytes: Uint8Array): Promise<boolean> {
    const seq = ++this.seq;
    const doc = await loadPdf(bytes);
    let read: Omit<Page, 'el' | 'canvas' | 'layer'>[];
    try {
      read = await Promise.all(Array.from({ length: doc.numPages }, (_, i) => readPage(doc, i + 1)));
    } catch (e) {
      void doc.destroy();
      throw e;
    }
    if (seq !== this.seq) {
      void doc.destroy();
      return false;
    }
    const scale = this.zoom ?? this.fitScale(read);
    const total = read.length;
    const pages = read.map((r, i) => this.element(r, i + 1, total, scale));
    const target =
      this.focusNumber === null
        ? null
        : findParagraphPage(
            pages.map((p) => p.items),
            this.focusNumber,
          );
    const offsets = this.offsets(pages, scale);
    const keep = this.doc !== null && (target === null || target === this.focusPage);
    const top = keep ? this.scroller.scrollTop : target === null ? 0 : (offsets[target] ?? 0) - PAD;
    const bottom = top + this.scroller.clientHeight;
    const visible = pages.filter((p, i) => (offsets[i] ?? 0) < bottom && (offsets[i] ?? 0) + p.height * scale > top);
    try {
      await Promise.all(visible.map((p) => this.draw(p, scale)));
    } catch (e) {
      if (seq === this.seq) throw e;
    }
    if (seq !== this.seq) {
      for (const p of pages) this.release(p);
      void doc.destroy();
      return false;
    }

    const wrapper = document.createElement('div');
    wrapper.className = 'pdf-pages';
    wrapper.append(...pages.map((p) => p.el));
    this.clear();
    this.doc = doc;
    this.pages = pages;
    this.scale = scale;
    this.width = this.scroller.clientWidth;
    this.focusPage = target;
    for (const p of pages) this.byElement.set(p.el, p);
    this.scroller.replaceChildren(wrapper);
    this.scroller.scrollTop = top;
    for (const p of pages) this.observer.observe(p.el);
    this.current = 0;
    this.report();
    return true;
  }

  /** Scrolls to the page where § `number` starts (null: leaves the position). */
  focus(number: number | null): void {
    this.focusNumber = number;
    if (number === null || this.pages.length === 0) return;
    const target = findParagraphPage(
      this.pages.map((p) => p.items),
      number,
    );
    this.focusPage = target;
    const el = target === null ? undefined : this.pages[target]?.el;
    if (el !== undefined) this.scroller.scrollTop = el.offsetTop - PAD;
  }

  destroy(): void {
    this.seq += 1;
    this.scroller.removeEventListener('scroll', this.onScroll);
    this.onState = null;
    this.observer.disconnect();
    this.resizer.disconnect();
    this.clear();
  }

  private clear(): void {
    this.observer.disconnect();
    for (const p of this.pages) this.release(p);
    this.byElement.clear();
    this.pages = [];
    if (this.doc !== null) void this.doc.destroy();
    this.doc = null;
  }

  /** CSS pixels per PDF point, so that the widest page fills the box. */
  private fitScale(pages: readonly { width: number }[]): number {
    const widest = Math.max(...pages.map((p) => p.width), 1);
    const room = this.scroller.clientWidth - 2 * PAD;
    return room > 50 ? room / widest : 0.6;
  }

  private offsets(pages: readonly Page[], scale: number): number[] {
    let y = PAD;
    return pages.map((p) => {
      const at = y;
      y += p.height * scale + PAD;
      return at;
    });
  }

  private element(r: Omit<Page, 'el' | 'canvas' | 'layer'>, n: number, total: number, scale: number): Page {
    const el = document.createElement('div');
    el.className = 'pdf-page';
    el.dataset.page = String(n);
    el.dataset.text = r.items.join(' ').replace(/\s+/g, ' ');
    const canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', this.label(n, total));
    const layer = document.createElement('div');
    layer.className = 'textLayer';
    el.append(canvas, layer);
    const page: Page = { ...r, el, canvas, layer };
    this.size(page, scale);
    return page;
  }

  private size(p: Page, scale: number): void {
    p.el.style.width = `${p.width * scale}px`;
    p.el.style.height = `${p.height * scale}px`;
    p.el.style.setProperty('--total-scale-factor', String(scale));
  }

  private async draw(p: Page, scale: number): Promise<void> {
    if (p.drawnAt === scale || p.drawing === scale) return;
    this.release(p);
    p.drawing = scale;
    const ratio = window.devicePixelRatio || 1;
    const viewport = p.proxy.getViewport({ scale });
    p.canvas.width = Math.floor(viewport.width * ratio);
    p.canvas.height = Math.floor(viewport.height * ratio);
    const task = p.proxy.render({ canvas: p.canvas, viewport, ...(ratio === 1 ? {} : { transform: [ratio, 0, 0, ratio, 0, 0] }) });
    p.task = task;
    try {
      await task.promise;
    } catch (e) {
      if (e instanceof RenderingCancelledException) return;
      throw e;
    } finally {
      if (p.task === task) p.task = null;
    }
    // Released (or redrawn at another scale) meanwhile: that call owns the page now.
    if (p.drawing !== scale) return;
    const textLayer = new TextLayer({ textContentSource: p.text, container: p.layer, viewport });
    p.textLayer = textLayer;
    try {
      await textLayer.render();
    } catch (e) {
      if (p.textLayer !== textLayer) return;
      throw e;
    }
    if (p.textLayer !== textLayer) return;
    p.drawnAt = scale;
    p.drawing = 0;
  }

  private release(p: Page): void {
    p.task?.cancel();
    p.task = null;
    p.textLayer?.cancel();
    p.textLayer = null;
    p.layer.replaceChildren();
    p.canvas.width = 0;
    p.canvas.height = 0;
    p.drawnAt = 0;
    p.drawing = 0;
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      const p = this.byElement.get(e.target);
      if (p === undefined) continue;
      if (e.isIntersecting) this.draw(p, this.scale).catch(this.onError);
      else this.release(p);
    }
  }

  /** A wider or narrower box: when fitting the width, pages are resized and drawn again. */
  private onResize(): void {
    const width = this.scroller.clientWidth;
    if (this.pages.length === 0 || Math.abs(width - this.width) < 2) return;
    this.width = width;
    if (this.zoom === null) this.rescale(this.fitScale(this.pages));
    else this.report();
  }

  /** Resizes every page to `scale` and draws the visible ones again, keeping the page at the top. */
  private rescale(scale: number): void {
    const topIndex = Math.max(0, this.topPage() - 1);
    const within = this.pages[topIndex] === undefined ? 0 : (this.scroller.scrollTop - (this.pages[topIndex]?.el.offsetTop ?? 0)) / this.scale;
    const xRatio = this.scroller.scrollWidth > this.scroller.clientWidth ? (this.scroller.scrollLeft + this.scroller.clientWidth / 2) / this.scroller.scrollWidth : 0.5;
    this.scale = scale;
    this.observer.disconnect();
    for (const p of this.pages) {
      this.release(p);
      this.size(p, this.scale);
    }
    const el = this.pages[topIndex]?.el;
    if (el !== undefined) this.scroller.scrollTop = el.offsetTop + Math.max(within, -PAD) * scale;
    this.scroller.scrollLeft = Math.max(0, xRatio * this.scroller.scrollWidth - this.scroller.clientWidth / 2);
    for (const p of this.pages) this.observer.observe(p.el);
    this.current = 0;
    this.report();
  }
}
