// Test fixture for the clerk's side: a back end with a clock the test moves, the reference
// meeting imported with its groups adjusted (or not yet), and a way to mark a group adjusted
// later, standing in for the justering work that will do it through signatures.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type ApiClient } from '../../core/api/client';
import { createBackend, type Backend } from '../../electron/backend';
import { counterIds, referenceCopy } from '../helpers/backend';

/** The reference protocol's two justeringar, as the seed shows them. */
export const ADJUSTED_20_22 = '2020-11-05T10:30:00+01:00';
export const ADJUSTED_23_26 = '2020-11-11T15:00:00+01:00';

export interface AnslagFixture {
  backend: Backend;
  api: ApiClient;
  dir: string;
  dbPath: string;
  meetingId: string;
  groupIds: string[];
  /** Moves the clock to an instant ("2020-11-06T09:00:00+01:00"). */
  at(instant: string): void;
  /** Marks the meeting's group at `position` adjusted at `adjustedAt` (what the last signature will do). */
  adjust(position: number, adjustedAt: string): void;
  dispose(): void;
}

/** The reference meeting JSON, as a test may change it before import. */
export type ReferenceDoc = ReturnType<typeof referenceCopy>;

export interface FixtureOptions {
  /** adjustedAt per group position; undefined leaves that group open. Default: both adjusted as in the seed. */
  adjusted?: (string | undefined)[];
  now?: string;
  /**
   * The back end reads the real time instead of the fixed test clock: for tests that talk to the
   * test signing service (test/signing/helpers/signservice.ts), which works in real time as a real
   * service does — it refuses a request whose RequestTime is not now, and the app refuses a
   * response not from now. `now` and `at` are then unused.
   */
  realClock?: boolean;
  /** Changes the reference JSON before it is imported (confidential §§, personnummer …). */
  edit?: (doc: ReferenceDoc) => void | Promise<void>;
  /** The PKCS#11 module the back end may load (as the host's --pkcs11-module). */
  pkcs11Module?: string | undefined;
}

export async function anslagFixture(options: FixtureOptions = {}): Promise<AnslagFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'justera-anslag-'));
  const dbPath = join(dir, 'justera.db');
  let now = new Date(options.now ?? '2020-11-12T10:00:00+01:00');
  const backend = createBackend({
    databasePath: dbPath,
    clock: { now: () => (options.realClock === true ? new Date() : now) },
    ids: counterIds(),
    actor: 'registrator',
    pkcs11: { configured: options.pkcs11Module },
  });
  const api = createClient((m, i) => backend.dispatch(m, i));
  const doc = referenceCopy();
  const adjusted = options.adjusted ?? [ADJUSTED_20_22, ADJUSTED_23_26];
  const groups = (doc as unknown as { adjustmentGroups: Record<string, unknown>[] }).adjustmentGroups;
  groups.forEach((g, i) => {
    const at = adjusted[i];
    if (at !== undefined) g.adjustedAt = at;
  });
  await options.edit?.(doc);
  const { meetingId } = await api.call('meetings.import', { document: doc });
  const groupIds = (backend.db.$client.prepare('SELECT id FROM adjustment_groups WHERE meeting_id = ? ORDER BY position').all(meetingId) as { id: string }[]).map((r) => r.id);
  return {
    backend,
    api,
    dir,
    dbPath,
    meetingId,
    groupIds,
    at(instant) {
      now = new Date(instant);
    },
    adjust(position, adjustedAt) {
      backend.db.$client.prepare("UPDATE adjustment_groups SET status = 'adjusted', adjusted_at = ? WHERE meeting_id = ? AND position = ?").run(adjustedAt, meetingId, position);
    },
    dispose() {
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
