// Who chaired a § the meeting's chair did not (core/domain/chair.ts), as the protocol prints it and
// as pdftotext reads it back: the sentence under "Ordförande under paragrafen" in that § and the
// närvarolista's remark "Ordförande § 33". The reference protocol, where the chair led every §,
// prints neither (its golden images in golden.test.ts stay as they were).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProtocolData } from '../../core/documents';
import { meetingDocumentSchema, type MeetingDocument } from '../../core/format/meeting';
import { renderProtocol } from '../../templates/render';
import { socialnamnd } from '../fixtures/meetings/socialnamnd';
import { GENERATED_AT, referenceMeeting } from './helpers/reference';
import { pdfText, tempDir, type TempDir } from './helpers/pdf-tools';
import { firstMissingInOrder, normalise } from './helpers/text';

let dir: TempDir;
let text: string;

/** The social services board with the chair Karin Ek reporting jäv on § 33 (no vote there). */
function chairJav(): MeetingDocument {
  const raw = socialnamnd();
  const p33 = raw.paragraphs[2]!;
  p33.jav = [{ person: 'karin-ek', note: 'Styrelseledamot hos en av leverantörerna.' }];
  p33.motions = [{ by: 'anna-berg', text: 'bifall till förvaltningens förslag' }];
  p33.votes = [];
  p33.reservations = [];
  return meetingDocumentSchema.parse(raw);
}

beforeAll(async () => {
  dir = tempDir();
  const result = await renderProtocol(buildProtocolData(chairJav(), { generatedAt: GENERATED_AT }));
  text = pdfText(dir.file('protokoll.pdf', result.pdf), undefined, 'raw');
}, 120_000);

afterAll(() => dir.remove());

describe('the acting chair in the protocol PDF', () => {
  it('§ 33 states who chaired it and why, after the jäv', () => {
    expect(
      firstMissingInOrder(text, [
        '§ 33',
        'Biståndsriktlinjer',
        'Jäv',
        'Karin Ek (S) anmäler jäv och deltar inte i handläggningen av ärendet.',
        'Ordförande under paragrafen',
        'Per Olsson (M), vice ordförande, då ordföranden Karin Ek (S) har anmält jäv.',
        'Beslut',
      ]),
    ).toBeNull();
    // Only in § 33: the chair led §§ 31, 32, 34 and 35.
    expect(normalise(text).split('Ordförande under paragrafen').length - 1).toBe(1);
  });

  it('the närvarolista names the § Per Olsson chaired', () => {
    expect(firstMissingInOrder(text, ['NÄRVAROLISTA', 'Tjänstgörande ledamöter', 'Karin Ek S Ordförande; Jäv § 33', 'Per Olsson M Ordförande § 33', 'Tjänstgörande ersättare'])).toBeNull();
  });

  it('the reference protocol (the chair led every §) has neither', () => {
    const data = buildProtocolData(referenceMeeting(), { generatedAt: GENERATED_AT });
    const json = JSON.stringify(data);
    expect(json).not.toContain('Ordförande under paragrafen');
    expect(json).not.toContain('Ordförande §');
  });
});
