// A tiny hash router: #/ , #/meetings/ID , #/meetings/ID/p/NUMBER. Works under app:// and http.
import { useEffect, useState } from 'react';

export type Route =
  | { name: 'boards' }
  | { name: 'meeting'; meetingId: string; paragraph: number | null }
  | { name: 'notFound' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  if (path === '/' || path === '') return { name: 'boards' };
  const m = /^\/meetings\/([^/]+)(?:\/p\/(\d+))?$/.exec(path);
  if (m) return { name: 'meeting', meetingId: decodeURIComponent(m[1] as string), paragraph: m[2] === undefined ? null : Number(m[2]) };
  return { name: 'notFound' };
}

export function meetingHref(meetingId: string, paragraph?: number): string {
  return `#/meetings/${encodeURIComponent(meetingId)}${paragraph === undefined ? '' : `/p/${paragraph}`}`;
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
