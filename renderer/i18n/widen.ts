// The type of a screen's string catalogue from its Swedish original: literal texts widen to
// string, functions keep their parameters, so the English catalogue must have every key.
export type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Widen<R>
    : T extends Record<string, unknown>
      ? { readonly [K in keyof T]: Widen<T[K]> }
      : T;
