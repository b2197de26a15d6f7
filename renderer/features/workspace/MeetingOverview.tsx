// The meeting's own page: its facts (saved as they change), the agenda, the närvarolista.
import { useState } from 'react';
import { autosave, type SaveOp } from '../../api/autosave';
import { AutosaveField } from '../../components/AutosaveField';
import { CheckField, SelectField } from '../../components/fields';
import { dateError, timeError } from '../../components/datetime';
import { t, type MessageKey } from '../../i18n';
import { attendanceHref, documentsHref, justeringHref } from '../../router';
import { justeringStrings } from '../justering/strings';
import { adjustedParagraphsLine } from '../../../core/domain/numbering';
import { meetingProblems } from '../../../core/domain/rules';
import { justeringDeadline } from '../../../core/domain/calendar';
import type { MeetingPatch } from '../../../core/app/workspace/meetings';
import { useMeetingSnapshot, type MeetingStore } from './store';
import { AgendaEditor } from './AgendaEditor';
import { AttendanceTable } from './AttendanceTable';
import { KallelseSection } from '../kallelse/KallelseSection';
import { BreaksEditor } from './BreaksEditor';

export function meetingOp(store: MeetingStore, patch: MeetingPatch, onError?: (m: string) => void): SaveOp<'workspace.meetings.update'> {
  return {
    key: `m:${store.meetingId}:${Object.keys(patch).sort().join(',')}`,
    method: 'workspace.meetings.update',
    input: { meetingId: store.meetingId, patch },
    onSaved: (r) => store.setJournal(r.journal),
    onError: (e) => {
      onError?.(e.message);
      void store.load(false);
    },
  };
}

export function MeetingOverview({ store }: { store: MeetingStore }) {
  const snap = useMeetingSnapshot(store);
  const view = snap.view;
  if (view === null) return null;
  const doc = view.doc;
  const name = (id: string) => doc.people.find((p) => p.key === id)?.name ?? id;
  const numbers = doc.paragraphs.map((p) => p.number);
  const immediate = doc.paragraphs.filter((p) => p.immediatelyAdjusted).map((p) => p.number);
  const problems = meetingProblems(doc, name);
  const deadline = justeringDeadline(doc.meeting.date);
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
  const late =
    today > deadline && doc.meeting.status !== 'adjusted' && doc.meeting.status !== 'cancelled' && (doc.adjustmentGroups.length === 0 || doc.adjustmentGroups.some((g) => g.adjustedAt === undefined));
  return (
    <>
      <section aria-labelledby="facts-heading" className="card">
        <h2 id="facts-heading">{t('meeting.facts')}</h2>
        <MeetingFacts store={store} />
        <dl className="facts">
          <dt>{t('meeting.adjustedParagraphs')}</dt>
          <dd>{numbers.length === 0 ? t('meeting.noParagraphs') : adjustedParagraphsLine(numbers, immediate)}</dd>
          <dt>{t('meeting.deadline')}</dt>
          <dd>
            {deadline}
            {late && <strong className="small-block">{t('meeting.deadlinePassed')}</strong>}
          </dd>
          <dt>{t('meeting.storagePlace')}</dt>
          <dd>{doc.board.storagePlace}</dd>
        </dl>
        <p>
          <a href={justeringHref(view.meetingId)}>{justeringStrings.linkFromMeeting}</a>
          <span className="help small-block">{justeringStrings.linkFromMeetingHelp}</span>
        </p>
        <p>
          <a href={documentsHref(view.meetingId)}>{t('documents.meetingLinkFull')}</a>
        </p>
      </section>
      <BreaksEditor store={store} />
      <AgendaEditor store={store} />
      <KallelseSection meetingId={view.meetingId} />
      {problems.length > 0 && (
        <section className="card warn" aria-labelledby="problems-heading">
          <h2 id="problems-heading">{t('meeting.problems')}</h2>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </section>
      )}
      {doc.attendance.length === 0 ? (
        <section className="card" aria-labelledby="attendance-heading">
          <h2 id="attendance-heading">{t('meeting.attendance')}</h2>
          <p>{t('attendance.none')}</p>
          <p>
            <a href={attendanceHref(view.meetingId)}>{t('attendance.register')}</a>
          </p>
        </section>
      ) : (
        <AttendanceTable doc={doc} editHref={attendanceHref(view.meetingId)} />
      )}
    </>
  );
}

function MeetingFacts({ store }: { store: MeetingStore }) {
  const snap = useMeetingSnapshot(store);
  const view = snap.view;
  const [selectError, setSelectError] = useState<Partial<Record<string, string>>>({});
  if (view === null) return null;
  const doc = view.doc;
  const m = doc.meeting;
  const locked = view.locked;
  const name = (id: string) => doc.people.find((p) => p.key === id)?.name ?? id;
  const personOptions = [...new Set([...doc.officials.map((o) => o.person), ...doc.members.map((x) => x.person), m.secretary, m.chair])];
  const chairs = doc.members.filter((x) => x.role !== 'ersattare').map((x) => x.person);
  const serving = [...new Set(doc.attendance.filter((a) => a.capacity === 'member' || a.capacity === 'substitute').map((a) => a.person))].filter((p) => p !== m.chair && p !== m.secretary);

  const saveSelect = (field: string, patch: MeetingPatch, local: Partial<typeof m>) => {
    store.patchMeeting(local);
    setSelectError((e) => ({ ...e, [field]: undefined }));
    autosave.save(meetingOp(store, patch, (msg) => setSelectError((e) => ({ ...e, [field]: msg }))));
  };
  const fieldOp = (patch: MeetingPatch) => meetingOp(store, patch);
  const justerare = [m.justerare[0] ?? '', m.justerare[1] ?? ''];
  const setJusterare = (i: number, v: string) => {
    const next = [...justerare];
    next[i] = v;
    const list = next.filter((x) => x !== '');
    saveSelect('justerare', { justerare: list }, { justerare: list });
  };

  return (
    <div className="grid-3">
      <AutosaveField
        label={t('meeting.date')}
        help={t('date.help')}
        validate={(v) => dateError(v)}
        initial={m.date}
        saveKey={`m:${store.meetingId}:date`}
        disabled={locked}
        toOp={(v) => fieldOp({ date: v.trim() })}
        onLocal={(v) => store.patchMeeting({ date: v.trim() })}
      />
      <AutosaveField
        label={t('meeting.startTime')}
        help={t('time.help')}
        validate={(v) => timeError(v)}
        initial={m.startTime}
        saveKey={`m:${store.meetingId}:startTime`}
        disabled={locked}
        toOp={(v) => fieldOp({ startTime: v.trim() })}
        onLocal={(v) => store.patchMeeting({ startTime: v.trim() })}
      />
      <AutosaveField
        label={t('meeting.endTime')}
        help={t('time.help')}
        validate={(v) => timeError(v, false)}
        initial={m.endTime ?? ''}
        saveKey={`m:${store.meetingId}:endTime`}
        disabled={locked}
        toOp={(v) => fieldOp({ endTime: v === '' ? null : v })}
        onLocal={(v) => store.patchMeeting({ endTime: v === '' ? undefined : v })}
      />
      <AutosaveField
        label={t('meeting.place')}
        help={t('meeting.place.help')}
        initial={m.place}
        saveKey={`m:${store.meetingId}:place`}
        disabled={locked}
        toOp={(v) => fieldOp({ place: v })}
        onLocal={(v) => store.patchMeeting({ place: v })}
      />
      <SelectField
        label={t('meeting.statusLabel')}
        value={m.status}
        error={selectError.status}
        disabled={m.status === 'adjusted'}
        onChange={(e) => {
          const v = e.target.value as 'planned' | 'held' | 'cancelled';
          saveSelect('status', { status: v }, { status: v });
        }}
      >
        {(['planned', 'held', 'cancelled'] as const).map((s) => (
          <option key={s} value={s}>
            {t(`meeting.status.${s}` as MessageKey)}
          </option>
        ))}
        {m.status === 'adjusted' && <option value="adjusted">{t('meeting.status.adjusted')}</option>}
      </SelectField>
      <SelectField
        label={t('meeting.secretary')}
        value={m.secretary}
        error={selectError.secretaryId}
        disabled={locked}
        onChange={(e) => saveSelect('secretaryId', { secretaryId: e.target.value }, { secretary: e.target.value })}
      >
        {personOptions.map((id) => (
          <option key={id} value={id}>
            {name(id)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('meeting.chair')}
        value={m.chair}
        error={selectError.chairId}
        disabled={locked}
        onChange={(e) => saveSelect('chairId', { chairId: e.target.value }, { chair: e.target.value })}
      >
        {[...new Set([...chairs, m.chair])].map((id) => (
          <option key={id} value={id}>
            {name(id)}
          </option>
        ))}
      </SelectField>
      {[0, 1].map((i) => (
        <SelectField
          key={i}
          label={t('meeting.justerareN', { n: i + 1 })}
          help={i === 0 ? (serving.length === 0 ? t('meeting.justerare.needAttendance') : t('meeting.justerare.help')) : undefined}
          value={justerare[i] ?? ''}
          error={i === 0 ? selectError.justerare : undefined}
          disabled={locked}
          onChange={(e) => setJusterare(i, e.target.value)}
        >
          <option value="">{t('meeting.justerare.none')}</option>
          {[...new Set([...serving, ...(justerare[i] ? [justerare[i] as string] : [])])].map((id) => (
            <option key={id} value={id}>
              {name(id)}
            </option>
          ))}
        </SelectField>
      ))}
      <AutosaveField
        label={t('meeting.adjustmentTimePlace')}
        help={t('meeting.adjustmentTimePlace.help')}
        initial={m.adjustmentTimePlace ?? ''}
        saveKey={`m:${store.meetingId}:adjustmentTimePlace`}
        disabled={locked}
        toOp={(v) => fieldOp({ adjustmentTimePlace: v === '' ? null : v })}
        onLocal={(v) => store.patchMeeting({ adjustmentTimePlace: v === '' ? undefined : v })}
      />
      <SelectField
        label={t('meeting.noticeSignatory')}
        help={t('meeting.noticeSignatory.help')}
        value={m.noticeSignatory ?? ''}
        error={selectError.noticeSignatoryId}
        disabled={locked}
        onChange={(e) => saveSelect('noticeSignatoryId', { noticeSignatoryId: e.target.value === '' ? null : e.target.value }, { noticeSignatory: e.target.value === '' ? undefined : e.target.value })}
      >
        <option value="">{t('common.notChosen')}</option>
        {personOptions.map((id) => (
          <option key={id} value={id}>
            {name(id)}
          </option>
        ))}
      </SelectField>
      <AutosaveField
        label={t('meeting.firstNumber')}
        help={t('meeting.firstNumber.edit.help')}
        initial={String(view.firstNumber)}
        saveKey={`m:${store.meetingId}:firstNumber`}
        disabled={locked}
        validate={(v) => (/^\d{1,4}$/.test(v.trim()) && Number(v) >= 1 ? null : t('meeting.new.firstNumber.invalid'))}
        toOp={(v) => ({ ...fieldOp({ firstNumber: Number(v) }), onSaved: () => void store.load(false) })}
      />
      <CheckField
        label={t('meeting.digitalSignatures')}
        help={t('meeting.digitalSignatures.help')}
        checked={m.digitalSignatures}
        disabled={locked}
        onChange={(e) => saveSelect('digitalSignatures', { digitalSignatures: e.target.checked }, { digitalSignatures: e.target.checked })}
      />
    </div>
  );
}
