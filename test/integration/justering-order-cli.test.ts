// `justera settings tsa` and `justera justering order` through the CLI: set, show, clear, and
// bad input (exit code 1, a Swedish message, nothing stored); `justering status` shows the order
// and who waits for whom.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount, cliSession } from '../helpers/cli';

let dir: string;
const { cli, stdout, stderr } = cliSession(() => dir, '2020-11-05T10:35:00+01:00');
const auditRows = () => auditCount(join(dir, 'j.db'));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'justera-order-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('justera settings tsa', () => {
  it('shows, sets, refuses a bad address, and clears the time-stamping service', async () => {
    expect(await cli('settings', 'tsa', '--db', 'j.db')).toBe(0);
    expect(stdout()).toContain('Ingen tidsstämpeltjänst');
    expect(await cli('settings', 'tsa', 'https://tsa.example.se/tsa', '--db', 'j.db')).toBe(0);
    expect(stdout()).toBe('Tidsstämpeltjänst: https://tsa.example.se/tsa');
    const audits = auditRows();
    expect(await cli('settings', 'tsa', 'ftp://tsa.example.se', '--db', 'j.db')).toBe(1);
    expect(stderr()).toContain('http- eller https-adress');
    expect(await cli('settings', 'tsa', 'https://x.se', '--clear', '--db', 'j.db')).toBe(1);
    expect(auditRows()).toBe(audits);
    expect(await cli('settings', 'tsa', '--db', 'j.db', '--json')).toBe(0);
    expect(JSON.parse(stdout())).toEqual({ tsaUrl: 'https://tsa.example.se/tsa' });
    expect(await cli('settings', 'tsa', '--clear', '--db', 'j.db')).toBe(0);
    expect(stdout()).toContain('utan tidsstämpel (PAdES B-B)');
  });
});

describe('justera justering order', () => {
  let boardId: string;
  let meetingId: string;

  it('sets the order of the demo board, refuses unknown and repeated roles, and lifts it with --any', async () => {
    expect(await cli('demo', '--db', 'j.db', '--json')).toBe(0);
    meetingId = (JSON.parse(stdout()) as { meetingId: string }).meetingId;
    expect(await cli('list', '--db', 'j.db', '--json')).toBe(0);
    boardId = (JSON.parse(stdout()) as { boards: { id: string }[] }).boards[0]?.id ?? '';
    expect(await cli('justering', 'order', boardId, '--db', 'j.db')).toBe(0);
    expect(stdout()).toBe('Underskriftsordning: valfri ordning.');
    const audits = auditRows();
    expect(await cli('justering', 'order', boardId, 'sekreterare,kassör', '--db', 'j.db')).toBe(1);
    expect(stderr()).toContain('Okänd roll kassör');
    expect(await cli('justering', 'order', boardId, 'justerare,justerare', '--db', 'j.db')).toBe(1);
    expect(stderr()).toContain('högst en gång');
    expect(await cli('justering', 'order', 'finns-inte', 'justerare', '--db', 'j.db')).toBe(1);
    expect(stderr()).toContain('Nämnden finns inte');
    expect(auditRows()).toBe(audits);
    expect(await cli('justering', 'order', boardId, 'sekreterare, Ordförande ,justerare', '--db', 'j.db')).toBe(0);
    expect(stdout()).toBe('Underskriftsordning: sekreterare → ordförande → justerare.');
  });

  it('shows the order and who waits in justering status', async () => {
    expect(await cli('justering', 'freeze', meetingId, '--group', '1', '--db', 'j.db')).toBe(0);
    expect(await cli('justering', 'status', meetingId, '--db', 'j.db')).toBe(0);
    expect(stdout()).toContain('Underskriftsordning: sekreterare → ordförande → justerare');
    expect(stdout()).toMatch(/sig-ordforande\s+Ordförande Anders Lundkvist: väntar på Robert Karlsson/);
    expect(stdout()).toMatch(/sig-justerare-1\s+Justerare Sara Lundberg: väntar på Robert Karlsson, Anders Lundkvist/);
    expect(await cli('justering', 'order', boardId, '--any', '--db', 'j.db', '--json')).toBe(0);
    expect(JSON.parse(stdout())).toEqual({ boardId, order: null });
  }, 60_000);
});
