// What the clerk's use cases (anslag, public version, extracts, follow-up) need from the outside:
// the tables of notices, document versions, extracts and follow-up tasks (db/repos/anslag.ts),
// and a PDF producer (electron/handlers/anslag-pdf.ts). Writes happen inside the core Store's
// synchronous transaction, so a change and its audit entry land together or not at all.
import type { ExtractData, NoticeData, ProtocolData } from '../../documents/types';
import type { AppDeps } from '../ports';
import type { AnslagsbevisData } from './anslagsbevis';
import type { FollowUpReportData } from './followup-report';

/** An adjustment group that has been adjusted (the last signature is in), with its notice if posted. */
export interface AdjustedGroupRow {
  groupId: string;
  meetingId: string;
  boardId: string;
  boardName: string;
  organisationId: string;
  organisationName: string;
  meetingDate: string;
  /** 0-based order of the group within its meeting. */
  position: number;
  immediate: boolean;
  /** ISO 8601 date-time with offset: when the last required signature was applied. */
  adjustedAt: string;
  paragraphs: number[];
  notice: NoticeRow | null;
}

export interface NoticeRow {
  id: string;
  groupId: string;
  postedOn: string;
  takeDownOn: string;
  takenDownOn: string | null;
  createdAt: string;
}

export const documentKinds = ['notice', 'anslagsbevis', 'public', 'extract'] as const;
export type AnslagDocumentKind = (typeof documentKinds)[number];

export interface DocumentVersionRow {
  id: string;
  meetingId: string;
  groupId: string | null;
  kind: string;
  versionNo: number;
  sha256: string;
  isCurrent: boolean;
  createdAt: string;
  /** Size of the unsigned PDF in bytes. */
  size: number;
}

export interface NewDocumentVersion {
  meetingId: string;
  groupId: string | null;
  kind: AnslagDocumentKind;
  reason: string | null;
  snapshot: unknown;
  pdf: Uint8Array;
  /**
   * Whether the new version replaces the earlier ones of the same meeting, kind and group as
   * the current one (notice, anslagsbevis, public). Extracts of different §§ are separate
   * documents and all stay current.
   */
  supersedes: boolean;
}

/** A signature applied to a protocol version (written by the justering work). */
export interface ProtocolSignatureRow {
  role: string;
  signerName: string;
  signedAt: string;
  groupId: string | null;
}

export interface ExtractRow {
  id: string;
  meetingId: string;
  paragraphs: number[];
  recipients: string[];
  versionId: string | null;
  sentAt: string | null;
  createdAt: string;
}

export const followUpStatuses = ['open', 'done', 'cancelled'] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];

export interface FollowUpRow {
  id: string;
  paragraphId: string;
  meetingId: string;
  boardId: string;
  boardName: string;
  meetingDate: string;
  paragraph: number;
  paragraphTitle: string;
  decisionPoint: number | null;
  responsible: string;
  description: string;
  dueOn: string | null;
  status: FollowUpStatus;
  confirmed: boolean;
  doneOn: string | null;
  note: string | null;
}

export interface NewFollowUp {
  paragraphId: string;
  decisionPoint: number | null;
  responsible: string;
  description: string;
  dueOn: string | null;
  note: string | null;
}

/** Persistence for the clerk's work; implemented by db/repos/anslag.ts. Nothing here awaits. */
export interface AnslagStore {
  adjustedGroups(filter: { organisationId?: string; boardId?: string; meetingId?: string; groupId?: string }): AdjustedGroupRow[];
  /** Any group's status (open | frozen | adjusted), or null when there is no such group. */
  groupStatus(groupId: string): { status: string; meetingId: string } | null;
  noticeById(noticeId: string): NoticeRow | null;
  insertNotice(notice: { groupId: string; postedOn: string; takeDownOn: string }): NoticeRow;
  setTakenDown(noticeId: string, takenDownOn: string): void;

  insertDocumentVersion(v: NewDocumentVersion): DocumentVersionRow;
  documentVersions(filter: { meetingId?: string; kind?: AnslagDocumentKind; groupId?: string; currentOnly?: boolean }): DocumentVersionRow[];
  documentVersion(versionId: string): (DocumentVersionRow & { snapshot: unknown }) | null;
  documentPdf(versionId: string): Uint8Array | null;
  protocolSignatures(meetingId: string): ProtocolSignatureRow[];

  insertExtract(e: { meetingId: string; paragraphs: number[]; recipients: string[]; versionId: string; sentAt: string | null }): ExtractRow;
  extracts(meetingId: string): ExtractRow[];

  insertFollowUp(t: NewFollowUp): FollowUpRow;
  updateFollowUp(id: string, change: { status: FollowUpStatus; doneOn: string | null; note: string | null }): FollowUpRow;
  followUp(id: string): FollowUpRow | null;
  followUps(filter: { boardId?: string; meetingId?: string; year?: number }): FollowUpRow[];

  /** The address the organisation's notice board is published under (ends in "/"), or null. */
  noticeBoardUrl(organisationId: string): string | null;
  setNoticeBoardUrl(organisationId: string, url: string | null): void;
}

export interface RenderedPdf {
  pdf: Uint8Array;
  pageCount: number;
  /** Names of the empty signature fields the file carries, in order. */
  signatureFields: string[];
}

/**
 * Produces the PDFs. Documents that someone attests (tillkännagivande, anslagsbevis,
 * protokollsutdrag) come with their empty signature field; the signing step fills it.
 */
export interface AnslagDocuments {
  notice(data: NoticeData): Promise<RenderedPdf>;
  anslagsbevis(data: AnslagsbevisData): Promise<RenderedPdf>;
  /** The public copy: no signature fields (the signatures are listed as text). */
  publicProtocol(data: ProtocolData): Promise<RenderedPdf>;
  extract(data: ExtractData): Promise<RenderedPdf>;
  followUpReport(data: FollowUpReportData): Promise<RenderedPdf>;
}

export interface SiteFileContent {
  /** Relative path with "/" separators. */
  path: string;
  content: string | Uint8Array;
}

export interface SiteWriteReport {
  directory: string;
  /** Files created or changed. */
  written: string[];
  /** Files already exactly as generated (left untouched). */
  unchanged: string[];
  /** Files an earlier export wrote that are no longer part of the site. */
  removed: string[];
}

/** Writes a generated site into a folder atomically and removes what it wrote before but no longer needs. */
export interface SiteWriter {
  write(directory: string, files: SiteFileContent[]): Promise<SiteWriteReport>;
}

export interface AnslagDeps extends AppDeps {
  anslag: AnslagStore;
  documents: AnslagDocuments;
  siteWriter: SiteWriter;
}
