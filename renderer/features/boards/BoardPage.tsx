// One board: its facts, members and substitutes (add, edit, retire, import from CSV),
// officials, and its meetings by year with a form for a new one.
import { useEffect, useState } from 'react';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';
import { ErrorBox, Loading } from '../../components/Status';
import { AutosaveField } from '../../components/AutosaveField';
import { SelectField } from '../../components/fields';
import { autosave } from '../../api/autosave';
import { t, type MessageKey } from '../../i18n';
import { boardKinds } from '../../../core/format/meeting';
import type { BoardDetails } from '../../../core/app/workspace/types';
import { MembersSection } from './MembersSection';
import { CsvImport } from './CsvImport';
import { OfficialsSection } from './OfficialsSection';
import { EidSection } from './EidSection';
import { ArchiveSection } from './ArchiveSection';
import { MeetingsSection } from './MeetingsSection';
import { SigningOrderSection } from '../justering/SigningOrderSection';
import { NoticeBoardAddressSection } from '../anslag/NoticeBoardAddressSection';

export function BoardPage({ boardId }: { boardId: string }) {
  const q = useQuery(() => api.call('workspace.boards.get', { boardId }), [boardId]);
  useEffect(() => {
    if (q.status === 'ready') document.title = `${q.data.board.name} – ${t('app.name')}`;
  }, [q]);
  if (q.status === 'loading') return <Loading />;
  if (q.status === 'error') return <ErrorBox message={q.message} onRetry={q.reload} />;
  const d = q.data;
  return (
    <>
      <p className="breadcrumb">
        <a href="#/">{t('app.backToBoards')}</a>
      </p>
      <h1>{d.board.name}</h1>
      <p className="muted">
        {d.organisation.name} · {t(`boards.kind.${d.board.kind}` as MessageKey)} · {t('boards.seats', { seats: d.board.seats })}
      </p>
      <MeetingsSection details={d} />
      <MembersSection details={d} onChanged={q.reload} />
      <CsvImport boardId={d.board.id} onImported={q.reload} />
      <OfficialsSection details={d} onChanged={q.reload} />
      <EidSection details={d} />
      <BoardFacts details={d} onChanged={q.reload} />
      <SigningOrderSection boardId={d.board.id} />
      <ArchiveSection details={d} />
      <NoticeBoardAddressSection organisationId={d.organisation.id} organisationName={d.organisation.name} />
    </>
  );
}

function BoardFacts({ details, onChanged }: { details: BoardDetails; onChanged: () => void }) {
  const b = details.board;
  const [kind, setKind] = useState(b.kind);
  const [error, setError] = useState<string | null>(null);
  const op = (patch: Record<string, unknown>) => ({
    key: `board:${b.id}:${Object.keys(patch).join(',')}`,
    method: 'workspace.boards.update' as const,
    input: { boardId: b.id, patch },
  });
  return (
    <section className="card" aria-labelledby="board-facts-heading">
      <h2 id="board-facts-heading">{t('board.facts')}</h2>
      <p className="help">{t('board.facts.help')}</p>
      <div className="grid-2">
        <AutosaveField label={t('boards.newBoard.name')} initial={b.name} saveKey={`board:${b.id}:name`} toOp={(v) => ({ ...op({ name: v }), onSaved: onChanged })} />
        <AutosaveField
          label={t('boards.newBoard.shortName')}
          help={t('boards.newBoard.shortName.help')}
          initial={b.shortName ?? ''}
          saveKey={`board:${b.id}:shortName`}
          toOp={(v) => op({ shortName: v })}
        />
        <SelectField
          label={t('boards.newBoard.kind')}
          value={kind}
          error={error}
          onChange={(e) => {
            const v = e.target.value as typeof kind;
            setKind(v);
            autosave.save({ ...op({ kind: v }), onError: (er) => setError(er.message), onSaved: () => setError(null) });
          }}
        >
          {boardKinds.map((k) => (
            <option key={k} value={k}>
              {t(`boards.kind.${k}` as MessageKey)}
            </option>
          ))}
        </SelectField>
        <AutosaveField
          label={t('boards.newBoard.seats')}
          help={t('boards.newBoard.seats.help')}
          initial={String(b.seats)}
          saveKey={`board:${b.id}:seats`}
          validate={(v) => (/^\d{1,3}$/.test(v.trim()) && Number(v) >= 1 ? null : t('boards.newBoard.seats.invalid'))}
          toOp={(v) => ({ ...op({ seats: Number(v) }), onSaved: onChanged })}
        />
        <AutosaveField
          label={t('boards.newBoard.storagePlace')}
          help={t('boards.newBoard.storagePlace.help')}
          initial={b.storagePlace}
          saveKey={`board:${b.id}:storagePlace`}
          toOp={(v) => op({ storagePlace: v })}
        />
        <AutosaveField
          label={t('board.noticeBoardUrl')}
          help={t('board.noticeBoardUrl.help')}
          initial={b.noticeBoardUrl ?? ''}
          saveKey={`board:${b.id}:noticeBoardUrl`}
          toOp={(v) => op({ noticeBoardUrl: v })}
          type="url"
        />
      </div>
    </section>
  );
}
