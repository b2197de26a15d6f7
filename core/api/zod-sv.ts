// Swedish messages for zod's built-in checks; schemas give their own where it helps the user more.
import { z } from 'zod';

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'ett tal',
  int: 'ett heltal',
  boolean: 'sant/falskt (true/false)',
  array: 'en lista',
  object: 'ett objekt',
  undefined: 'inget värde',
  null: 'null',
  date: 'ett datum',
};

function received(input: unknown): string {
  if (input === undefined) return 'inget värde';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'en lista';
  const t = typeof input;
  return typeNames[t] ?? t;
}

z.config({
  customError: (iss) => {
    switch (iss.code) {
      case 'invalid_type':
        if (iss.input === undefined) return `Uppgiften saknas; ange ${typeNames[iss.expected] ?? iss.expected}.`;
        return `Ska vara ${typeNames[iss.expected] ?? iss.expected}, men är ${received(iss.input)}.`;
      case 'too_small':
        if (iss.origin === 'string') return Number(iss.minimum) <= 1 ? 'Får inte vara tom.' : `Måste vara minst ${String(iss.minimum)} tecken.`;
        if (iss.origin === 'array') return `Måste ha minst ${String(iss.minimum)} ${Number(iss.minimum) === 1 ? 'post' : 'poster'}.`;
        return `Måste vara minst ${String(iss.minimum)}.`;
      case 'too_big':
        if (iss.origin === 'string') return `Får vara högst ${String(iss.maximum)} tecken.`;
        if (iss.origin === 'array') return `Får ha högst ${String(iss.maximum)} poster.`;
        return `Får vara högst ${String(iss.maximum)}.`;
      case 'invalid_value':
        return `Ogiltigt värde; tillåtna värden är ${iss.values.map((v) => JSON.stringify(v)).join(', ')}.`;
      case 'unrecognized_keys':
        return `Okänt fält ${iss.keys.map((k) => `"${k}"`).join(', ')}; ta bort det eller kontrollera stavningen.`;
      case 'invalid_union':
        return 'Värdet passar inte någon av de tillåtna formerna.';
      case 'invalid_format':
        return `Ogiltigt format (${iss.format}).`;
      default:
        return undefined;
    }
  },
});
