// The protocol as HTML, from the same view model the PDF template renders (core/documents), so
// the preview follows the document's structure: header facts, signatures, BEVIS/ANSLAG, the
// närvarolista, the §§ with their sections, bilagor and the signature page. Pure string
// building (it runs in a Web Worker); every text is escaped.
import type { Block, Inline } from '../../../core/format/richtext';
import type { AttachmentView, LabeledValue, ParagraphSection, ParagraphView, ProtocolData } from '../../../core/documents/types';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inline(i: Inline): string {
  let h = esc(i.text);
  if (i.italic) h = `<em>${h}</em>`;
  if (i.bold) h = `<strong>${h}</strong>`;
  if (i.link) h = `<a href="${esc(i.link)}" rel="noreferrer noopener" target="_blank">${h}</a>`;
  return h;
}

export function richHtml(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      switch (b.type) {
        case 'paragraph':
          return `<p>${b.content.map(inline).join('')}</p>`;
        case 'heading':
          return `<h4>${esc(b.text)}</h4>`;
        case 'bullets':
          return `<ul>${b.items.map((it) => `<li>${richHtml(it)}</li>`).join('')}</ul>`;
        case 'numbered':
          return `<ol>${b.items.map((it) => `<li>${richHtml(it)}</li>`).join('')}</ol>`;
        case 'figure':
          return `<p class="figure">[Bild${b.caption ? `: ${esc(b.caption)}` : ''}]</p>`;
        case 'confidential':
          return `<div class="confidential"><p class="confidential-label">Sekretess enligt ${esc(b.provision)} OSL</p>${richHtml(b.blocks)}</div>`;
        default: {
          const never: never = b;
          return never;
        }
      }
    })
    .join('');
}

function rows(list: readonly LabeledValue[]): string {
  return `<table class="rows"><tbody>${list.map((r) => `<tr><th scope="row">${esc(r.label)}</th><td>${r.lines.map(esc).join('<br>') || '&nbsp;'}</td></tr>`).join('')}</tbody></table>`;
}

function section(s: ParagraphSection): string {
  switch (s.kind) {
    case 'decision':
      return `<h3>${esc(s.heading)}</h3>${s.numbered ? `<ol class="decision">${s.points.map((p) => `<li>${richHtml(p)}</li>`).join('')}</ol>` : s.points.map(richHtml).join('')}`;
    case 'text':
      return `${s.heading ? `<h3>${esc(s.heading)}</h3>` : ''}${richHtml(s.blocks)}`;
    case 'list':
      return `<h3>${esc(s.heading)}</h3><ul>${s.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
    case 'statements':
      return `<h3>${esc(s.heading)}</h3>${s.items.map((i) => `<p>${esc(i.text)}</p>${i.detail ? `<p class="detail">${esc(i.detail)}</p>` : ''}`).join('')}`;
    case 'vote': {
      const v = s.vote;
      const table =
        v.rows.length === 0
          ? ''
          : `<table class="vote"><caption>Omröstningslista</caption><thead><tr><th scope="col">Namn</th><th scope="col">Parti</th><th scope="col">Röst</th></tr></thead><tbody>${v.rows
              .map((r) => `<tr><th scope="row">${esc(r.name)}</th><td>${esc(r.party)}</td><td>${esc(r.choice)}</td></tr>`)
              .join('')}</tbody></table>`;
      return `<h3>${esc(s.heading)}</h3>${v.legend.map((l) => `<p>${esc(l)}</p>`).join('')}${table}<p>Ja: ${v.totals.ja}, Nej: ${v.totals.nej}, Avstår: ${v.totals.avstar}</p><p>${esc(v.result)}</p>`;
    }
    default: {
      const never: never = s;
      return never;
    }
  }
}

function paragraph(p: ParagraphView, notes: readonly string[]): string {
  return `<section class="paragraph" id="p-${p.number}" aria-labelledby="p-${p.number}-h"><h2 id="p-${p.number}-h">${esc(p.label)} ${esc(p.title)}</h2>${
    p.caseNumber ? `<p class="case">${esc(p.caseNumber)}</p>` : ''
  }${p.confidential ? `<p class="confidential-label">${esc(p.confidential)}</p>` : ''}${p.presenceNotes.map((n) => `<p class="presence">${esc(n)}</p>`).join('')}${notes
    .map((n) => `<p class="preview-note">${esc(n)}</p>`)
    .join('')}${p.sections.map(section).join('')}</section>`;
}

function attachment(a: AttachmentView): string {
  if (a.kind === 'file') return `<section class="attachment"><h3>Bilaga till § ${a.paragraph}: ${esc(a.title)}</h3><p class="figure">[PDF-fil ${esc(a.filename)}, bifogas som den är]</p></section>`;
  return `<section class="attachment"><h3>Bilaga till § ${a.paragraph}: ${esc(a.title)}</h3>${a.sections.map((s) => `${s.heading ? `<h4>${esc(s.heading)}</h4>` : ''}${richHtml(s.body)}`).join('')}</section>`;
}

/** `notes`: per § number, remarks the preview adds (e.g. a vote that cannot be counted yet). */
export function protocolHtml(d: ProtocolData, notes: ReadonlyMap<number, string[]> = new Map()): string {
  const head = `<header class="page-head"><span>${esc(d.header.organisation)}</span><span>${esc(d.header.documentType)}</span><span>${esc(d.header.board)}<br>${esc(d.header.date)}</span></header>`;
  const signatures = `<section class="signatures" aria-label="Underskrifter">${d.firstPage.signatures
    .map((s) => `<div class="sign"><span class="role">${esc(s.role)}</span><span class="line">${esc(s.signature ?? '')}</span><span class="name">${esc(s.name)}</span></div>`)
    .join('')}</section>`;
  const bevis = `<section class="bevis" aria-labelledby="bevis-h"><h2 id="bevis-h">${esc(d.firstPage.bevis.heading)}</h2><p>${esc(d.firstPage.bevis.text)}</p>${rows(d.firstPage.bevis.rows)}<p>${esc(
    d.firstPage.bevis.signatory.label,
  )}: ${esc(d.firstPage.bevis.signatory.name)}</p></section>`;
  const attendance = `<section class="attendance" aria-labelledby="att-h"><h2 id="att-h">${esc(d.attendance.heading)}</h2>${d.attendance.sections
    .map(
      (s) =>
        `<h3>${esc(s.heading)}</h3>${s.groups
          .map(
            (g) =>
              `<table class="att"><caption>${esc(g.heading)}</caption><thead><tr><th scope="col">Namn</th><th scope="col">Parti</th><th scope="col">Kommun/Organisation</th><th scope="col">Anmärkning</th></tr></thead><tbody>${g.rows
                .map((r) => `<tr><th scope="row">${esc(r.name)}</th><td>${esc(r.party)}</td><td>${esc(r.organisation)}</td><td>${esc(r.remark)}</td></tr>`)
                .join('')}</tbody></table>`,
          )
          .join('')}`,
    )
    .join('')}</section>`;
  const paragraphs = d.paragraphs.map((p) => paragraph(p, notes.get(p.number) ?? [])).join('');
  const attachments = d.attachments.length === 0 ? '' : `<section class="attachments" aria-labelledby="bil-h"><h2 id="bil-h">Bilagor</h2>${d.attachments.map(attachment).join('')}</section>`;
  const signaturePage = `<section class="signature-page" aria-labelledby="sig-h"><h2 id="sig-h">${esc(d.signaturePage.heading)}</h2>${d.signaturePage.intro.map((p) => `<p>${esc(p)}</p>`).join('')}<ul>${d.signaturePage.signers
    .map((s) => `<li>${esc(s.role)}: ${esc(s.name)}</li>`)
    .join('')}</ul></section>`;
  return `<main class="doc">${head}<h1>${esc(d.title)}</h1>${rows(d.firstPage.rows)}${signatures}${bevis}${attendance}${paragraphs}${attachments}${signaturePage}</main>`;
}
