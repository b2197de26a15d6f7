// What the editors of a list of rows (Ajournering, Uppdrag) share: where an API issue points,
// the refusal's messages at their fields, and focus that follows an added or removed row.
import { useEffect, useRef, useState, type Ref } from 'react';
import type { ErrorBody } from '../../../core/api/errors';

/**
 * The row and field an API issue path such as "patch.tasks[1].due" or "meeting.breaks.1.end"
 * names in the list `list`; a path that names the row only points at its first field.
 */
export function rowIssueAt<F extends string>(list: string, fields: readonly [F, ...F[]], path: string): { i: number; field: F } | null {
  const m = new RegExp(`${list}(?:\\[(\\d+)\\]|\\.(\\d+))\\.?(${fields.join('|')})?`).exec(path);
  if (m === null) return null;
  return { i: Number(m[1] ?? m[2]), field: (m[3] as F | undefined) ?? fields[0] };
}

/** A refusal's messages by "row.field": each issue at the field its path names, else the whole message at `fallback`. */
export function rowErrors<F extends string>(e: ErrorBody, at: (path: string) => { i: number; field: F } | null, fallback: `${number}.${F}`): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of e.details?.issues ?? []) {
    const where = at(issue.path);
    if (where !== null) errors[`${where.i}.${where.field}`] = issue.message;
  }
  if (Object.keys(errors).length === 0) errors[fallback] = e.message;
  return errors;
}

/**
 * Focus and announcement for a list of rows: an added row's first field takes the focus; after a
 * removal the list's heading does (never <body>). `announce` is for a polite status line.
 */
export function useRowFocus(): {
  heading: Ref<HTMLHeadingElement>;
  firstField: (i: number) => (el: HTMLInputElement | null) => void;
  announce: string;
  added: (row: number, message: string) => void;
  removed: (message: string) => void;
} {
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const [focusHeading, setFocusHeading] = useState(0);
  const [announce, setAnnounce] = useState('');
  const firstFields = useRef<(HTMLInputElement | null)[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusRow !== null) firstFields.current[focusRow]?.focus();
  }, [focusRow]);
  useEffect(() => {
    if (focusHeading > 0) heading.current?.focus();
  }, [focusHeading]);
  return {
    heading,
    firstField: (i) => (el) => {
      firstFields.current[i] = el;
    },
    announce,
    added: (row, message) => {
      setFocusRow(row);
      setAnnounce(message);
    },
    removed: (message) => {
      setFocusRow(null);
      setAnnounce(message);
      setFocusHeading((n) => n + 1);
    },
  };
}
