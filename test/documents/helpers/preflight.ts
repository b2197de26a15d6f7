// Apache PDFBox Preflight (Debian's libpdfbox2-java): the one PDF/A validator installable here
// (veraPDF is not in Debian or npm). It checks PDF/A-1b, stricter than the PDF/A-2b we declare
// in most respects, so a file is judged twice: as it is (the only complaint allowed is the
// declared part, "part must be 1"), and with its XMP part switched to 1 (then it must pass).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { hasTool, requiredOnCi } from '../../helpers/tools';

const JARS = ['preflight', 'pdfbox2', 'xmpbox', 'fontbox2', 'commons-logging', 'javax.activation', 'jaxb-api'].map((j) => `/usr/share/java/${j}.jar`);

export const preflightAvailable =
  hasTool('java') &&
  requiredOnCi(
    `PDFBox Preflight (${JARS.join(', ')})`,
    JARS.every((j) => existsSync(j)),
  );

export interface PreflightResult {
  valid: boolean;
  /** "7.11.2 : Error on MetaData, part must be 1", one per problem. */
  errors: string[];
  output: string;
}

export function preflight(file: string): PreflightResult {
  const r = spawnSync('java', ['-cp', JARS.join(':'), 'org.apache.pdfbox.preflight.Validator_A1b', file], { encoding: 'utf8', timeout: 120_000 });
  const output = `${r.stdout}${r.stderr}`;
  return {
    valid: /is a valid PDF\/A-1b file/.test(output),
    errors: output.split('\n').filter((l) => /^\d+(\.\d+)* : /.test(l)),
    output,
  };
}

/** The same bytes with the XMP's pdfaid:part 2 switched to 1 (same length, offsets unchanged). */
export function asPartOne(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const switched = text.replace('<pdfaid:part>2</pdfaid:part>', '<pdfaid:part>1</pdfaid:part>').replace('pdfaid:part="2"', 'pdfaid:part="1"');
  if (switched === text) throw new Error('Ingen pdfaid:part 2 i filens XMP.');
  return new Uint8Array(Buffer.from(switched, 'latin1'));
}
