// One adjustment group: its state, "Lås för justering" with a confirmation, its versions (the
// current one first) and, once adjusted, a rättelse.
import { useState, type ReactNode } from 'react';
import { api } from '../../api/transport';
import { Dialog } from '../../components/Dialog';
import type { GroupJustering } from '../../../core/app/justering/types';
import type { MeetingDocument } from '../../../core/format/meeting';
import { useAction } from '../../components/async';
import { ErrorText } from '../../components/Status';
import { CorrectionDialog } from './CorrectionDialog';
import { VersionSection } from './VersionSection';
import { GroupTimePlace } from './GroupTimePlace';
import { groupStatusText } from './format';
import { justeringStrings as s } from './strings';

interface Props {
  meetingId: string;
  doc: MeetingDocument;
  /** null: the meeting has no groups yet; locking makes one of every §. */
  group: GroupJustering | null;
  announce: (node: ReactNode) => void;
  /** The last day for justering (KL 5 kap. 69 §). */
  deadline?: string | null;
}

export function GroupSection({ meetingId, doc, group, announce, deadline = null }: Props) {
  const label = group?.label ?? s.page.wholeProtocol;
  const headingId = `group-${group?.groupId ?? 'all'}`;
  const [confirm, setConfirm] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const freeze = useAction();
  // Locked here, and the page's status not yet reloaded: the group is shown as locked (the server
  // said so) and offers no second lock, instead of "Öppen" with its button for a few seconds.
  const [lockedHere, setLockedHere] = useState(false);
  const status = group !== null && group.status === 'open' && lockedHere ? 'frozen' : group?.status;
  const versions = [...(group?.versions ?? [])].sort((a, b) => b.versionNo - a.versionNo);
  const current = versions.find((v) => v.isCurrent);
  const canCorrect = group !== null && group.status === 'adjusted' && current !== undefined && current.complete;

  async function doFreeze() {
    await freeze.run(async () => {
      const r = await api.call('justering.freeze', { meetingId, ...(group === null ? {} : { groupIndex: group.groupIndex }) });
      setConfirm(false);
      setLockedHere(true);
      announce(<p>{s.group.frozenDone(group?.label ?? s.page.wholeProtocol, r.version.versionNo)}</p>);
      return null;
    });
  }

  return (
    <section className="card justering-group" aria-labelledby={headingId}>
      <h2 id={headingId}>{group === null ? s.page.wholeProtocol : s.group.heading(group.label)}</h2>
      {group === null && <p>{s.page.noGroups}</p>}
      {group !== null && (
        <p>
          <strong>{s.group.status}:</strong> <span className={`justering-state ${status ?? group.status}`}>{groupStatusText(status ?? group.status, group.adjustedAt)}</span>
        </p>
      )}
      {group !== null && group.deadlineWarning !== null && (
        <p className="card warn" role="note">
          {group.deadlineWarning}
        </p>
      )}
      {group !== null && <GroupTimePlace meetingId={meetingId} group={group} deadline={deadline} announce={announce} />}
      {(group === null || status === 'open') && !lockedHere && (
        <div className="actions">
          <button type="button" aria-label={s.group.freezeFor(label)} onClick={() => setConfirm(true)}>
            {s.group.freeze}
          </button>
        </div>
      )}
      <Dialog open={confirm} title={s.group.confirmTitle(label)} onClose={() => setConfirm(false)}>
        <p>{s.group.confirmText}</p>
        {freeze.error !== null && <ErrorText message={freeze.error} />}
        <p role="status" className="muted">
          {freeze.busy ? s.group.freezing : ''}
        </p>
        <div className="actions">
          <button type="button" disabled={freeze.busy} onClick={() => void doFreeze()}>
            {s.group.confirm}
          </button>
          <button type="button" className="secondary" onClick={() => setConfirm(false)}>
            {s.group.cancel}
          </button>
        </div>
      </Dialog>
      {group !== null && versions.map((v) => <VersionSection key={v.id} group={group} version={v} announce={announce} />)}
      {group !== null && group.status === 'adjusted' && (
        <div className="subform">
          <h3>{s.correct.heading}</h3>
          <p className="help">{canCorrect ? s.correct.help : s.correct.notAllowed}</p>
          {canCorrect && (
            <button type="button" className="secondary" aria-label={s.correct.openFor(group.label)} onClick={() => setCorrecting(true)}>
              {s.correct.open}
            </button>
          )}
          <CorrectionDialog open={correcting} meetingId={meetingId} doc={doc} group={group} onClose={() => setCorrecting(false)} announce={announce} />
        </div>
      )}
    </section>
  );
}
