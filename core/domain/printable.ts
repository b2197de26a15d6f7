// Text that came from a file someone else made (a signing package's manifest, a certificate's
// name) is shown without control characters: no terminal escapes in the CLI, no bidi overrides
// that reorder what a screen shows.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function printable(text: string): string {
  return text.replace(CONTROL, '');
}

/** A copy of a JSON-like value with every string made printable (object keys included). */
export function printableDeep<T>(value: T): T {
  if (typeof value === 'string') return printable(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => printableDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [printable(k), printableDeep(v)])) as T;
  }
  return value;
}
