// zod → Swedish AppError with one issue per offending field, paths written like JSON access.
import { z } from 'zod';
import { AppError, type ErrorIssue } from './errors';
import './zod-sv';

export function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out.length === 0 ? String(part) : `.${String(part)}`;
  }
  return out.length === 0 ? '(hela indata)' : out;
}

export function issuesOf(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((i) => ({ path: pathText(i.path), message: i.message }));
}

/** Parses or throws AppError('validation') whose message names the first offending field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, raw: unknown, what: string): z.output<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issues = issuesOf(r.error);
  const first = issues[0];
  const more = issues.length > 1 ? ` (och ${issues.length - 1} fel till)` : '';
  throw new AppError('validation', `${what}: ${first?.path}: ${first?.message}${more}`, { issues });
}
