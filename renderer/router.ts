// A tiny hash router. Works under app:// and http, and keeps the search words of a hit:
//   #/                         boards and meetings
//   #/boards/ID                a board: members, officials, meetings
//   #/meetings/ID              a meeting: header, agenda, närvarolista
//   #/meetings/ID/narvaro      attendance
//   #/meetings/ID/p/NUMBER     the editor of one § (?q=… highlights search words)
//   #/meetings/ID/justering    justering: locking, signing and checking the protocol
//   #/meetings/ID/dokument     every document version of the meeting
//   #/boards/ID/dokument/YEAR  every document version of the board's meetings in a year
//   #/sok?q=…&board=…          search across meetings
//   #/underskrift              signing a signing package (.justera) on another machine
//   #/installningar            settings (the time-stamping service)
import { useEffect, useState } from 'react';

export type Route =
  | { name: 'boards' }
  | { name: 'board'; boardId: string }
  | { name: 'meeting'; meetingId: string; paragraph: number | null; attendance: boolean; query: string }
  | { name: 'search'; query: string; boardId: string }
  | { name: 'anslag' }
  | { name: 'justering'; meetingId: string }
  | { name: 'documents'; meetingId: string }
  | { name: 'boardDocuments'; boardId: string; year: number }
  | { name: 'signPackage' }
  | { name: 'settings' }
  | { name: 'notFound' };

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [path = '/', search = ''] = raw.split('?', 2);
  const params = new URLSearchParams(search);
  if (path === '/' || path === '') return { name: 'boards' };
  const board = /^\/boards\/([^/]+)$/.exec(path);
  if (board) return { name: 'board', boardId: decodeURIComponent(board[1] as string) };
  const boardDocs = /^\/boards\/([^/]+)\/dokument\/(\d{4})$/.exec(path);
  if (boardDocs) return { name: 'boardDocuments', boardId: decodeURIComponent(boardDocs[1] as string), year: Number(boardDocs[2]) };
  const docs = /^\/meetings\/([^/]+)\/dokument$/.exec(path);
  if (docs) return { name: 'documents', meetingId: decodeURIComponent(docs[1] as string) };
  if (path === '/anslag') return { name: 'anslag' };
  if (path === '/underskrift') return { name: 'signPackage' };
  if (path === '/installningar') return { name: 'settings' };
  const justering = /^\/meetings\/([^/]+)\/justering$/.exec(path);
  if (justering) return { name: 'justering', meetingId: decodeURIComponent(justering[1] as string) };
  if (path === '/sok') return { name: 'search', query: params.get('q') ?? '', boardId: params.get('board') ?? '' };
  const m = /^\/meetings\/([^/]+)(?:\/(narvaro)|\/p\/(\d+))?$/.exec(path);
  if (m) {
    return {
      name: 'meeting',
      meetingId: decodeURIComponent(m[1] as string),
      paragraph: m[3] === undefined ? null : Number(m[3]),
      attendance: m[2] !== undefined,
      query: params.get('q') ?? '',
    };
  }
  return { name: 'notFound' };
}

export function meetingHref(meetingId: string, paragraph?: number, query?: string): string {
  const q = query === undefined || query === '' ? '' : `?q=${encodeURIComponent(query)}`;
  return `#/meetings/${encodeURIComponent(meetingId)}${paragraph === undefined ? '' : `/p/${paragraph}`}${q}`;
}

export function attendanceHref(meetingId: string): string {
  return `#/meetings/${encodeURIComponent(meetingId)}/narvaro`;
}

export function justeringHref(meetingId: string): string {
  return `#/meetings/${encodeURIComponent(meetingId)}/justering`;
}

export function documentsHref(meetingId: string): string {
  return `#/meetings/${encodeURIComponent(meetingId)}/dokument`;
}

export function boardDocumentsHref(boardId: string, year: number): string {
  return `#/boards/${encodeURIComponent(boardId)}/dokument/${year}`;
}

export function boardHref(boardId: string): string {
  return `#/boards/${encodeURIComponent(boardId)}`;
}

export function searchHref(query: string, boardId = ''): string {
  const p = new URLSearchParams();
  if (query !== '') p.set('q', query);
  if (boardId !== '') p.set('board', boardId);
  const s = p.toString();
  return `#/sok${s === '' ? '' : `?${s}`}`;
}

export function navigate(href: string): void {
  window.location.hash = href.replace(/^#/, '');
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
