// The input of the notice-board generator: plain data about every notice of one organisation,
// already masked for publishing (titles of confidential §§ replaced by their OSL provision).
// The generator is a pure function of this input, so the same input gives the same bytes.

export interface BoardNoticeParagraph {
  number: number;
  /** The public title; for a confidential § the masking notice. */
  title: string;
  /** False for a § under secrecy (OParl `public`). */
  public: boolean;
  /** How this § is appealed when it is not by laglighetsprövning: "Beslutet får inte överklagas." */
  appeal?: string;
}

/** A person as the public version of the protocol names them (närvarolista, chair, secretary, justerare). */
export interface BoardNoticePerson {
  /** The person's key in the meeting file; the same key and name across meetings is the same person. */
  key: string;
  /** The name as the protocol prints it (no personnummer or other data). */
  name: string;
  /** What the protocol names them as: "Ordförande", "Ledamot", "Ersättare", "Sekreterare", "Tjänsteperson" … */
  role: string;
  /** True for the board's members and substitutes (an OParl Membership of the board). */
  member: boolean;
}

export interface BoardNoticeProtocol {
  /** File name inside the site's `dokument/` folder. */
  fileName: string;
  size: number;
  sha256: string;
  /** SHA-512 of the PDF (OParl File.sha512Checksum), when known. */
  sha512?: string;
  /** The §§ the public version covers (the adjusted ones when it was made). */
  paragraphs: number[];
  /** When the public version was produced (ÅÅÅÅ-MM-DD). */
  createdOn: string;
}

export interface BoardNotice {
  /** The notice's id (stable; used for feed and data ids). */
  id: string;
  organisationName: string;
  board: { id: string; name: string; shortName?: string; kind: string };
  meeting: {
    id: string;
    date: string;
    startTime: string;
    endTime?: string;
    place: string;
    /** The people the public version names; absent or empty: none published. */
    participants?: BoardNoticePerson[];
  };
  paragraphs: BoardNoticeParagraph[];
  adjustedOn: string;
  postedOn: string;
  takeDownOn: string;
  lastAppealDay: string;
  takenDownOn: string | null;
  storagePlace: string;
  /** "Norrbottens e-nämnds protokoll från sammanträdet 2020-11-05, §§ 20-22, är justerat. …" */
  intro: string;
  appeal: { heading: string; paragraphs: string[] };
  protocol: BoardNoticeProtocol | null;
}

export interface NoticeBoardInput {
  /** kind: kommun, region, kommunalforbund … (decides who may appeal). */
  organisation: { id: string; name: string; kind: string };
  /** The day the board shows (ÅÅÅÅ-MM-DD, Swedish time): decides what is up and what is archived. */
  today: string;
  /**
   * Absolute address the folder is published under (ends with "/"); ids and feed links use it.
   * Without it there is no OParl data (OParl requires absolute URLs).
   */
  baseUrl?: string;
  notices: BoardNotice[];
}

export interface SiteFile {
  /** Relative path with "/" separators, e.g. "anslag/norrbottens-e-namnd-2020-11-05-20-22.html". */
  path: string;
  content: string;
}

export type NoticeState = 'up' | 'archived' | 'future';
