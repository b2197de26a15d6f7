// The public version of an adjusted protocol, for the notice board and the web: the adjusted §§
// only, confidential §§ and passages masked with their OSL provision and personnummer removed
// (core/domain/masking.ts works on the data, so nothing masked reaches the PDF), marked as a copy
// and with the signatures listed as text instead of signature fields.
import { AppError } from '../../api/errors';
import { publicVersion } from '../../domain/masking';
import { paragraphLabel } from '../../domain/numbering';
import { requiredSigners } from '../../documents/common';
import { restrictTo } from '../../documents/extract';
import { peopleOf } from '../../documents/people';
import { presenceSourceOf, type PresenceSource } from '../../documents/presence-notes';
import { buildProtocolData } from '../../documents/protocol';
import type { ProtocolData } from '../../documents/types';
import type { Attachment, MeetingDocument, Paragraph } from '../../format/meeting';
import { stockholmDate } from './dates';
import { documentInfo, type DocumentInfo } from './documents';
import type { AnslagDeps, ProtocolSignatureRow } from './ports';

export const PUBLIC_DOCUMENT_TYPE = 'SAMMANTRÄDESPROTOKOLL – KOPIA';

/** What the public version is made from; stored as the version's snapshot to tell if it is still current. */
export interface PublicSource {
  paragraphs: number[];
  document: MeetingDocument;
  signatureLines: string[];
  /**
   * The whole meeting's attendance and § numbers, when the published §§ skip some of the
   * meeting's (a non-contiguous group): a presence change at a skipped § is then stated with the
   * § where it happened. Absent when the published §§ are a run of the meeting's §§.
   */
  presence?: PresenceSource;
}

export interface PublicVersionResult {
  document: DocumentInfo;
  paragraphs: number[];
  /** True when the stored current version already matched and nothing new was produced. */
  reused: boolean;
}

/**
 * Attached PDFs cannot be checked for secrets or personnummer, so the public version names them
 * and says where to ask for them instead of including them.
 */
function withoutAttachedFiles(p: Paragraph, storagePlace: string): Paragraph {
  if (!p.attachments.some((a) => a.kind === 'file')) return p;
  const attachments = p.attachments.map((a): Attachment =>
    a.kind === 'file'
      ? {
          kind: 'document',
          title: a.title,
          sections: [
            {
              heading: '',
              body: [
                {
                  type: 'paragraph',
                  content: [{ text: `Bilagan (${a.filename}) ingår inte i den offentliga versionen. Den kan begäras ut hos ${storagePlace}.`, italic: true }],
                },
              ],
            },
          ],
        }
      : a,
  );
  return { ...p, attachments };
}

/** The masked meeting restricted to the given (adjusted) §§. */
export function publicDocument(doc: MeetingDocument, adjusted: readonly number[]): MeetingDocument {
  const masked = publicVersion(restrictTo(doc, adjusted));
  return {
    ...masked,
    paragraphs: masked.paragraphs.map((p) => {
      const safe = withoutAttachedFiles(p, doc.board.storagePlace);
      // A note on jäv inside a confidential § could tell what the § is about.
      return p.confidential === undefined ? safe : { ...safe, jav: safe.jav.map((j) => ({ person: j.person })) };
    }),
  };
}

const ROLE_TEXT: Record<string, string> = { Sekreterare: 'sekreterare', Ordförande: 'ordförande', Justerare: 'justerare' };

/**
 * "Justerat digitalt av Anders Lundkvist, ordförande, 2020-11-11". From the signatures recorded
 * on the protocol when there are any; otherwise every required signer with the day the last of
 * the published groups was adjusted (the moment of justering is the last signature).
 */
export function signatureLines(doc: MeetingDocument, adjustedOn: readonly { paragraphs: number[]; on: string }[], recorded: readonly ProtocolSignatureRow[]): string[] {
  const groups = [...adjustedOn].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const groupLines = groups.length > 1 ? [`Justering: ${groups.map((g) => `${paragraphLabel(g.paragraphs)} justerade ${g.on}`).join(', ')}.`] : [];
  if (recorded.length > 0) {
    const lines = [...recorded]
      .sort((a, b) => (a.signedAt < b.signedAt ? -1 : a.signedAt > b.signedAt ? 1 : 0))
      .map((s) => `Justerat digitalt av ${s.signerName}, ${ROLE_TEXT[s.role] ?? s.role.toLocaleLowerCase('sv-SE')}, ${stockholmDate(s.signedAt)}`);
    return [...new Set(lines)].concat(groupLines);
  }
  const last = groups[groups.length - 1]?.on ?? doc.meeting.date;
  const people = peopleOf(doc);
  return requiredSigners(doc, people)
    .map((s) => `Justerat digitalt av ${s.name}, ${ROLE_TEXT[s.role] ?? s.role.toLocaleLowerCase('sv-SE')}, ${last}`)
    .concat(groupLines);
}

/** The protocol's view model turned into the public copy. */
export function publicProtocolData(source: PublicSource, generatedAt: string): ProtocolData {
  const base = buildProtocolData(source.document, { generatedAt, wholeMeeting: source.presence });
  const storage = source.document.board.storagePlace;
  return {
    ...base,
    meta: {
      ...base.meta,
      title: `${base.meta.title} (offentlig version)`,
      subject: `${base.meta.subject}, offentlig version (kopia)`,
      keywords: [...base.meta.keywords, 'offentlig version', 'kopia'],
    },
    header: { ...base.header, documentType: PUBLIC_DOCUMENT_TYPE },
    firstPage: {
      ...base.firstPage,
      rows: [
        { label: 'Offentlig version', lines: ['Kopia av det justerade protokollet för publicering.', 'Uppgifter som omfattas av sekretess och personnummer är borttagna.'] },
        ...base.firstPage.rows,
      ],
    },
    signaturePage: {
      heading: 'Underskrifter',
      intro: ['Detta är en kopia av protokollet.', `Originalet är justerat med digitala underskrifter och förvaras hos ${storage}.`, ...source.signatureLines],
      signers: [],
    },
  };
}

/** The current public source of a meeting: its adjusted §§, masked, and the signature lines. */
export function publicSource(deps: AnslagDeps, meetingId: string): PublicSource {
  const loaded = deps.store.loadMeeting(meetingId);
  if (loaded === null) throw new AppError('not_found', `Sammanträdet ${meetingId} finns inte. Välj ett sammanträde i listan (eller "justera list --db FIL").`);
  const groups = deps.anslag.adjustedGroups({ meetingId });
  const adjusted = groups.flatMap((g) => g.paragraphs).sort((a, b) => a - b);
  if (adjusted.length === 0) {
    throw new AppError('validation', 'Inga paragrafer i sammanträdet är justerade ännu. Den offentliga versionen kan göras först när protokollet, eller en del av det, är justerat.');
  }
  const doc = loaded.doc;
  const lines = signatureLines(
    doc,
    groups.map((g) => ({ paragraphs: g.paragraphs, on: stockholmDate(g.adjustedAt) })),
    deps.anslag.protocolSignatures(meetingId),
  );
  const all = doc.paragraphs.map((p) => p.number);
  const first = all.indexOf(adjusted[0] ?? -1);
  const run = first >= 0 && adjusted.every((n, i) => all[first + i] === n);
  return { paragraphs: adjusted, document: publicDocument(doc, adjusted), signatureLines: lines, ...(run ? {} : { presence: presenceSourceOf(publicVersion(doc)) }) };
}

/**
 * Produces the public version PDF and stores it (kind 'public'), unless the current stored
 * version was made from exactly the same source: then that one is returned, so repeated exports
 * give the same bytes.
 */
export async function ensurePublicVersion(deps: AnslagDeps, meetingId: string): Promise<PublicVersionResult> {
  const source = publicSource(deps, meetingId);
  const board = source.document.board.name;
  const date = source.document.meeting.date;
  const current = deps.anslag.documentVersions({ meetingId, kind: 'public', currentOnly: true })[0];
  if (current !== undefined) {
    const stored = deps.anslag.documentVersion(current.id);
    if (stored !== null && JSON.stringify(stored.snapshot) === JSON.stringify(source)) {
      return { document: documentInfo(current, board, date, source.paragraphs), paragraphs: source.paragraphs, reused: true };
    }
  }
  const data = publicProtocolData(source, deps.clock.now().toISOString());
  const rendered = await deps.documents.publicProtocol(data);
  return deps.store.transaction(() => {
    const row = deps.anslag.insertDocumentVersion({
      meetingId,
      groupId: null,
      kind: 'public',
      reason: `Offentlig version ${paragraphLabel(source.paragraphs)}`,
      snapshot: source,
      pdf: rendered.pdf,
      supersedes: true,
    });
    deps.store.audit({
      action: 'public_version.created',
      entity: 'document_version',
      entityId: row.id,
      details: { meetingId, paragraphs: source.paragraphs, masked: source.document.paragraphs.filter((p) => p.confidential !== undefined).map((p) => p.number), versionNo: row.versionNo },
    });
    return { document: documentInfo(row, board, date, source.paragraphs), paragraphs: source.paragraphs, reused: false };
  });
}
