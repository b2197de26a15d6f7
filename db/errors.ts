// Maps SQLite errors raised by constraints and locking triggers to Swedish AppErrors.
import { AppError } from '../core/api/errors';

const lockedMessages: Record<string, string> = {
  paragraph: 'Paragrafen ingår i ett protokoll som är låst för justering eller redan justerat och kan inte ändras. Rättelser görs som en ny version med angivet skäl.',
  attachment: 'Bilagan hör till en paragraf som är låst för justering eller redan justerad och kan inte ändras.',
  attendance: 'Närvaron kan inte ändras när protokollet är låst för justering eller justerat.',
  meeting: 'Sammanträdets uppgifter kan inte ändras när protokollet är låst för justering eller justerat.',
  group: 'En justerad grupp av paragrafer kan inte låsas upp eller tas bort.',
  version: 'En sparad protokollversion kan aldrig ändras eller tas bort.',
  signature: 'En underskrift kan aldrig ändras eller tas bort.',
  correction: 'En rättelse kan bara göras av en paragraf i en justerad grupp och kan aldrig ändras eller tas bort efteråt.',
  audit: 'Händelseloggen kan bara läggas till, aldrig ändras.',
};

/** Runs `fn`, translating known SQLite failures; anything else is rethrown unchanged. */
export function translateDbError(e: unknown): unknown {
  if (e instanceof AppError) return e;
  const err = e as { code?: string; message?: string };
  const message = err.message ?? '';
  const locked = /JUSTERA_LOCKED: (\w+)/.exec(message);
  if (locked) return new AppError('locked', lockedMessages[locked[1] ?? ''] ?? 'Uppgiften är låst och kan inte ändras.');
  if (err.code === 'SQLITE_CONSTRAINT_UNIQUE' && message.includes('paragraphs.board_id, paragraphs.year, paragraphs.number')) {
    return new AppError('conflict', 'Paragrafnumret är redan använt av nämnden detta år. Paragrafnummer löper över året och får aldrig återanvändas.');
  }
  if (err.code === 'SQLITE_FULL') return new AppError('io', 'Disken är full. Frigör utrymme och försök igen; inget har sparats.');
  if (err.code?.startsWith('SQLITE_READONLY')) return new AppError('io', 'Databasen är skrivskyddad. Kontrollera behörigheten till datamappen; inget har sparats.');
  if (err.code === 'SQLITE_BUSY') return new AppError('io', 'Databasen används av ett annat program just nu. Försök igen om en stund.');
  return e;
}

export function withDbErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw translateDbError(e);
  }
}
