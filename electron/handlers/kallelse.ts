// Handlers for core/api/contracts/kallelse.ts. The kallelse is typeset in this thread (a few
// pages); the messages are written by core/format/mime.ts and stored with the sending.
import { createHash } from 'node:crypto';
import type { HandlersFor } from '../../core/api/contract';
import type { kallelseContract } from '../../core/api/contracts/kallelse';
import { kallelseMessage, kallelsePdf, kallelseStatus, sendKallelse, setDaysBefore, setEmail, type KallelseDeps } from '../../core/app/kallelse';
import { createKallelseStore } from '../../db/repos/kallelse';
import { renderKallelse } from '../../templates/render';
import type { HandlerContext } from './context';

export function kallelseDeps(ctx: HandlerContext): KallelseDeps {
  const { deps, db } = ctx;
  return {
    store: deps.store,
    clock: deps.clock,
    ids: deps.ids,
    actor: deps.actor,
    kallelse: createKallelseStore(db),
    render: async (data) => (await renderKallelse(data)).pdf,
    sha256: (data) => createHash('sha256').update(data).digest('hex'),
  };
}

export function kallelseHandlers(ctx: HandlerContext): HandlersFor<keyof typeof kallelseContract> {
  const deps = kallelseDeps(ctx);
  const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
  return {
    'kallelse.status': (input) => kallelseStatus(deps, input),
    'kallelse.pdf': async (input) => {
      const r = await kallelsePdf(deps, input);
      return { fileName: r.fileName, pdfBase64: b64(r.pdf) };
    },
    'kallelse.send': (input) => sendKallelse(deps, input),
    'kallelse.message': (input) => {
      const m = kallelseMessage(deps, input);
      return { fileName: m.fileName, emlBase64: b64(m.eml) };
    },
    'kallelse.setDaysBefore': (input) => setDaysBefore(deps, input),
    'people.setEmail': (input) => setEmail(deps, input),
  };
}
