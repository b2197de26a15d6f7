// Checks an OParl export against the official OParl 1.1 JSON schemas (test/fixtures/oparl/schema,
// see its README for provenance, licence and why Ajv runs the way it does), and follows every URL
// in it to the file it names.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';

export const SCHEMA_DIR = fileURLToPath(new URL('../fixtures/oparl/schema/', import.meta.url));
const TYPE_PREFIX = 'https://schema.oparl.org/1.1/';

/** RFC 3339 full-date that is a real calendar day. */
function isDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m === null) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** RFC 3339 date-time with a time zone. */
function isDateTime(v: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/.exec(v);
  return m !== null && isDate(m[1] as string);
}

/** OParl's "url": an absolute http(s) URL. */
function isUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '' && !/\s/.test(v);
  } catch {
    return false;
  }
}

export interface OparlValidator {
  /** Object types with a schema ("Meeting", …). */
  types: string[];
  validate(type: string, value: unknown): string[];
}

export function oparlValidator(): OparlValidator {
  const ajv = new Ajv({ strict: false, unicodeRegExp: false, allErrors: true, validateFormats: true });
  ajv.addFormat('url', { type: 'string', validate: isUrl });
  ajv.addFormat('date', { type: 'string', validate: isDate });
  ajv.addFormat('date-time', { type: 'string', validate: isDateTime });
  const compiled = new Map<string, ValidateFunction>();
  for (const name of readdirSync(SCHEMA_DIR)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const schema = JSON.parse(readFileSync(join(SCHEMA_DIR, name), 'utf8')) as Record<string, unknown>;
    compiled.set(name.replace(/\.json$/, ''), ajv.compile(schema));
  }
  return {
    types: [...compiled.keys()],
    validate(type, value) {
      const fn = compiled.get(type);
      if (fn === undefined) return [`no schema for ${type}`];
      if (fn(value)) return [];
      return (fn.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}${e.params === undefined ? '' : ` ${JSON.stringify(e.params)}`}`);
    },
  };
}

export interface ExportCheck {
  /** Problems found, one line each ("oparl/meeting/x.json /agendaItem/0: must have required property 'order'"). */
  problems: string[];
  /** How many objects of each type were validated (embedded and list copies included). */
  validated: Record<string, number>;
  /** Every absolute URL found in the data (deduplicated, sorted). */
  urls: string[];
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * Validates every OParl file of an export (paths under oparl/) and every object inside them, and
 * checks that each URL in them (except the schema URLs of `type` and `oparlVersion`) starts with
 * the base URL and names a file of the export. `files` maps site paths to their text (PDFs may be
 * given as any string: only their presence is checked).
 */
export function checkOparlExport(files: ReadonlyMap<string, string>, baseUrl: string, validator = oparlValidator()): ExportCheck {
  const problems: string[] = [];
  const validated: Record<string, number> = {};
  const urls = new Set<string>();

  const walk = (where: string, pointer: string, value: Json, key: string | null) => {
    if (typeof value === 'string') {
      if (key === 'type' || key === 'oparlVersion') return;
      if (/^[a-z][a-z0-9+.-]*:/i.test(value)) urls.add(value);
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(where, `${pointer}/${i}`, v, key));
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const t = value.type;
    if (typeof t === 'string' && t.startsWith(TYPE_PREFIX)) {
      const type = t.slice(TYPE_PREFIX.length);
      validated[type] = (validated[type] ?? 0) + 1;
      for (const p of validator.validate(type, value)) problems.push(`${where} ${pointer || '/'} (${type}): ${p}`);
      // OParl 1.1 (3.1): created and modified are required on every object that can be fetched on
      // its own; in this export that is every object. The schemas do not say so, so it is checked here.
      const { created, modified } = value;
      if (typeof created !== 'string' || typeof modified !== 'string' || !isDateTime(created) || !isDateTime(modified)) {
        problems.push(`${where} ${pointer || '/'} (${type}): created/modified missing or not date-time`);
      } else if (Date.parse(created) > Date.parse(modified)) {
        problems.push(`${where} ${pointer || '/'} (${type}): created ${created} is after modified ${modified}`);
      }
    }
    for (const [k, v] of Object.entries(value)) walk(where, `${pointer}/${k}`, v, k);
  };

  const oparl = [...files.keys()].filter((p) => p.startsWith('oparl/')).sort();
  if (oparl.length === 0) problems.push('no OParl files');
  for (const path of oparl) {
    let doc: Json;
    try {
      doc = JSON.parse(files.get(path) as string) as Json;
    } catch (e) {
      problems.push(`${path}: not JSON (${String(e)})`);
      continue;
    }
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
      problems.push(`${path}: not a JSON object`);
      continue;
    }
    if ('data' in doc) {
      // An OParl list document: data, pagination, links (links.self is this page).
      if (!Array.isArray(doc.data)) problems.push(`${path}: data is not an array`);
      if (doc.pagination === null || typeof doc.pagination !== 'object' || Array.isArray(doc.pagination)) problems.push(`${path}: no pagination object`);
      const links = doc.links;
      if (links === null || typeof links !== 'object' || Array.isArray(links)) problems.push(`${path}: no links object`);
      else if (links.self !== `${baseUrl}${path}`) problems.push(`${path}: links.self is ${String(links.self)}`);
      for (const [i, item] of (Array.isArray(doc.data) ? doc.data : []).entries()) {
        if (item === null || typeof item !== 'object' || Array.isArray(item) || typeof item.type !== 'string' || !item.type.startsWith(TYPE_PREFIX)) {
          problems.push(`${path} /data/${i}: not an OParl object`);
        }
      }
    } else if (doc.id !== `${baseUrl}${path}`) {
      problems.push(`${path}: id is ${String(doc.id)}, not the file's own URL`);
    }
    walk(path, '', doc, null);
  }

  for (const u of urls) {
    if (!u.startsWith(baseUrl)) {
      problems.push(`URL outside the export: ${u}`);
      continue;
    }
    const target = u.slice(baseUrl.length);
    if (!files.has(target)) problems.push(`URL without a file: ${u}`);
  }
  return { problems, validated, urls: [...urls].sort() };
}

/** Reads a folder into path → text (binary files as latin1; only their presence matters here). */
export function readSite(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else out.set(path, readFileSync(join(dir, path), path.endsWith('.pdf') ? 'latin1' : 'utf8'));
    }
  };
  walk('');
  return out;
}
