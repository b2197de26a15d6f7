// The focused editor of one §: every section of a protocol paragraph, each saved as it changes.
// The fields read the § once when they mount; the store keeps the live copy for the preview.
import { memo, useEffect, useRef, useState, type ReactNode } from 'react';
import { autosave } from '../../../api/autosave';
import { AutosaveField } from '../../../components/AutosaveField';
import { CheckField } from '../../../components/fields';
import { ProvisionPicker } from '../../../components/LazyProvisionPicker';
import { t } from '../../../i18n';
import { meetingHref } from '../../../router';
import { conflictedParagraphs, quorumOn, servingOn, covers } from '../../../../core/domain/presence';
import type { Paragraph } from '../../../../core/format/meeting';
import { useMeetingSnapshot, type MeetingStore } from '../store';
import { paragraphOp } from './ops';
import { RichSection } from './RichSection';
import { DecisionEditor } from './DecisionEditor';
import { PeopleList, rowsOf } from './PeopleLists';
import { JavEditor } from './JavEditor';
import { ChairEditor } from './ChairEditor';
import { AppealEditor } from './AppealEditor';
import { VoteEditor } from './VoteEditor';
import { AttachmentsEditor } from './AttachmentsEditor';
import { TasksEditor } from './TasksEditor';
import { highlightTerms } from './highlight';
import { ReadOnlyContext } from '../../../components/editor/readonly';

export function ParagraphEditor({ store, paragraphId, query }: { store: MeetingStore; paragraphId: string; query: string }) {
  // Read once: the editors are uncontrolled and keep their own text from here on.
  const [initial] = useState<Paragraph | undefined>(() => {
    const v = store.snapshot.view;
    return v?.doc.paragraphs[v.paragraphs.findIndex((p) => p.id === paragraphId)];
  });
  const articleRef = useRef<HTMLElement>(null);

  useEffect(() => {
    // For the benchmark (test/bench/workspace.ts): when the § is on screen.
    performance.mark('justera:paragraph-shown');
    requestAnimationFrame(() => setTimeout(() => performance.mark('justera:paragraph-painted')));
    if (query.trim() === '' || articleRef.current === null) return undefined;
    return highlightTerms(articleRef.current, query);
  }, [query]);

  useEffect(
    () => () => {
      void autosave.flush();
    },
    [],
  );

  if (initial === undefined) return null;
  const status = store.snapshot.view?.paragraphs.find((p) => p.id === paragraphId)?.groupStatus;
  const locked = status === 'frozen' || status === 'adjusted';
  return (
    <article className="paragraph-editor" aria-labelledby="paragraph-heading" ref={articleRef}>
      <ReadOnlyContext.Provider value={locked}>
        {locked && <p className="warning">{t('paragraph.lockedHelp')}</p>}
        <fieldset className="plain" disabled={locked}>
          <legend className="visually-hidden">{t('paragraph.fields')}</legend>
          <Header store={store} paragraphId={paragraphId} initial={initial} />
          <Presence store={store} paragraphId={paragraphId} />
          <Flags store={store} paragraphId={paragraphId} initial={initial} />
          <AppealEditor store={store} paragraphId={paragraphId} initial={initial.appeal} />
          <Sections store={store} paragraphId={paragraphId} initial={initial} />
        </fieldset>
      </ReadOnlyContext.Provider>
      <Pager store={store} paragraphId={paragraphId} />
    </article>
  );
}

function Header({ store, paragraphId, initial }: { store: MeetingStore; paragraphId: string; initial: Paragraph }) {
  const view = useMeetingSnapshot(store).view;
  const p = view?.doc.paragraphs[view.paragraphs.findIndex((x) => x.id === paragraphId)] ?? initial;
  const locked = view?.paragraphs.find((x) => x.id === paragraphId)?.groupStatus;
  return (
    <header className="paragraph-head">
      <h2 id="paragraph-heading">
        <span className="para-number">§ {p.number}</span> {p.title}
      </h2>
      {p.caseNumber && <p className="case-number">{t('paragraph.caseNumber', { caseNumber: p.caseNumber })}</p>}
      <p className="tags">
        {p.immediatelyAdjusted && <span className="badge">{t('paragraph.immediatelyAdjusted')}</span>}
        {p.confidential && <span className="badge warn">{t('paragraph.confidential', { provision: p.confidential.provision })}</span>}
        {(locked === 'frozen' || locked === 'adjusted') && <span className="badge warn">{t('paragraph.locked')}</span>}
      </p>
      <div className="grid-2">
        <AutosaveField
          label={t('paragraph.titleLabel')}
          initial={initial.title}
          saveKey={`p:${paragraphId}:title`}
          validate={(v) => (v.trim() === '' ? t('paragraph.title.missing') : null)}
          toOp={(v) => paragraphOp(store, paragraphId, { title: v })}
        />
        <AutosaveField
          label={t('paragraph.caseNumberLabel')}
          help={t('paragraph.caseNumber.help')}
          initial={initial.caseNumber ?? ''}
          saveKey={`p:${paragraphId}:caseNumber`}
          toOp={(v) => paragraphOp(store, paragraphId, { caseNumber: v.trim() === '' ? null : v })}
        />
      </div>
    </header>
  );
}

function Presence({ store, paragraphId }: { store: MeetingStore; paragraphId: string }) {
  const view = useMeetingSnapshot(store).view;
  if (view === null) return null;
  const doc = view.doc;
  const p = doc.paragraphs[view.paragraphs.findIndex((x) => x.id === paragraphId)];
  if (p === undefined) return null;
  const name = (id: string) => doc.people.find((x) => x.key === id)?.name ?? id;
  const serving = servingOn(doc, p.number);
  const q = quorumOn(doc, p.number);
  const noAttendance = doc.attendance.length === 0;
  const conflicted = conflictedParagraphs(doc).has(p.number);
  return (
    <section className="card presence" aria-labelledby="presence-heading">
      <h3 id="presence-heading">{t('paragraph.serving')}</h3>
      {noAttendance ? (
        <p className="warning">
          {t('paragraph.noAttendance')} <a href={`#/meetings/${encodeURIComponent(view.meetingId)}/narvaro`}>{t('attendance.register')}</a>
        </p>
      ) : conflicted ? (
        <p className="warning" role="note">
          {t('quorum.conflict', { number: p.number })}
        </p>
      ) : q.met ? (
        <p className="ok">{t('quorum.ok', { serving: q.serving, seats: q.seats })}</p>
      ) : (
        <p className="warning" role="note">
          {t('meeting.quorum.missing', { number: p.number, serving: q.serving, required: q.required })}
        </p>
      )}
      {serving.length > 0 && (
        <details>
          <summary>{t('paragraph.servingList', { n: serving.length })}</summary>
          <ul className="columns">
            {serving.map((s) => (
              <li key={s.person}>
                {name(s.person)}
                {s.replaces ? ` (${t('attendance.for', { name: name(s.replaces) })})` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
      <JavEditor store={store} paragraphId={paragraphId} />
      <ChairEditor store={store} paragraphId={paragraphId} />
    </section>
  );
}

function Flags({ store, paragraphId, initial }: { store: MeetingStore; paragraphId: string; initial: Paragraph }) {
  const [immediate, setImmediate] = useState(initial.immediatelyAdjusted);
  const [confidential, setConfidential] = useState(initial.confidential !== undefined);
  const [provision, setProvision] = useState(initial.confidential?.provision ?? '');
  const [error, setError] = useState<string | null>(null);
  const saveProvision = (on: boolean, value: string, valid: boolean) => {
    if (on && !valid) return;
    autosave.save(paragraphOp(store, paragraphId, { confidential: on ? value.trim() : null }, setError));
  };
  return (
    <section className="card" aria-labelledby="flags-heading">
      <h3 id="flags-heading">{t('paragraph.flags')}</h3>
      <CheckField
        label={t('paragraph.immediatelyAdjusted.label')}
        help={t('paragraph.immediatelyAdjusted.help')}
        checked={immediate}
        onChange={(e) => {
          setImmediate(e.target.checked);
          autosave.save(paragraphOp(store, paragraphId, { immediatelyAdjusted: e.target.checked }, setError));
        }}
      />
      <CheckField
        label={t('paragraph.confidential.label')}
        help={t('paragraph.confidential.help')}
        checked={confidential}
        onChange={(e) => {
          setConfidential(e.target.checked);
          saveProvision(e.target.checked, provision, provision !== '');
        }}
      />
      {confidential && (
        <ProvisionPicker
          label={t('paragraph.confidential.provision')}
          value={provision}
          onChange={(v, valid) => {
            setProvision(v);
            saveProvision(true, v, valid);
          }}
        />
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

const Sections = memo(function Sections({ store, paragraphId, initial }: { store: MeetingStore; paragraphId: string; initial: Paragraph }) {
  const linesOp = (field: 'decisionDocuments' | 'distribution') => (v: string) => paragraphOp(store, paragraphId, { [field]: v.split('\n') });
  return (
    <>
      <section className="card">
        <DecisionEditor store={store} paragraphId={paragraphId} initial={initial.decision} />
      </section>
      <section className="card" aria-labelledby="case-heading">
        <h3 id="case-heading">{t('paragraph.case')}</h3>
        <RichSection store={store} paragraphId={paragraphId} field="summary" label={t('paragraph.summary')} initial={initial.summary ?? []} />
        <RichSection store={store} paragraphId={paragraphId} field="description" label={t('paragraph.description')} initial={initial.description ?? []} />
        <RichSection store={store} paragraphId={paragraphId} field="body" label={t('paragraph.body')} help={t('paragraph.body.help')} initial={initial.body ?? []} />
        <AutosaveField
          label={t('paragraph.decisionDocuments')}
          help={t('paragraph.lines.help')}
          multiline
          rows={3}
          initial={initial.decisionDocuments.join('\n')}
          saveKey={`p:${paragraphId}:decisionDocuments`}
          toOp={linesOp('decisionDocuments')}
        />
      </section>
      <DecisionProcess store={store} paragraphId={paragraphId} initial={initial} />
      <section className="card" aria-labelledby="after-heading">
        <h3 id="after-heading">{t('paragraph.after')}</h3>
        <TasksEditor store={store} paragraphId={paragraphId} initial={initial.tasks} />
        <AutosaveField
          label={t('paragraph.distribution')}
          help={t('paragraph.lines.help')}
          multiline
          rows={3}
          initial={initial.distribution.join('\n')}
          saveKey={`p:${paragraphId}:distribution`}
          toOp={linesOp('distribution')}
        />
        <h4>{t('paragraph.attachments')}</h4>
        <AttachmentsEditor store={store} paragraphId={paragraphId} />
      </section>
    </>
  );
});

function DecisionProcess({ store, paragraphId, initial }: { store: MeetingStore; paragraphId: string; initial: Paragraph }) {
  const view = useMeetingSnapshot(store).view;
  if (view === null) return null;
  const doc = view.doc;
  const p = doc.paragraphs[view.paragraphs.findIndex((x) => x.id === paragraphId)] ?? initial;
  const name = (id: string) => doc.people.find((x) => x.key === id)?.name ?? id;
  const serving: [string, string][] = servingOn(doc, p.number).map((s) => [s.person, name(s.person)]);
  const present: [string, string][] = [...new Set(doc.attendance.filter((a) => covers(a, p.number)).map((a) => a.person))].map((id) => [id, name(id)]);
  const has = {
    motions: initial.motions.length > 0,
    propositionOrder: (initial.propositionOrder ?? []).length > 0,
    votes: initial.votes.length > 0,
    reservations: initial.reservations.length > 0,
    protocolNotes: initial.protocolNotes.length > 0,
  };
  return (
    <section className="card" aria-labelledby="process-heading">
      <h3 id="process-heading">{t('paragraph.process')}</h3>
      <p className="help">{t('paragraph.process.help')}</p>
      <LazyDetails open={has.motions} summary={t('paragraph.motions')}>
        <PeopleList store={store} paragraphId={paragraphId} kind="motions" initial={rowsOf(initial.motions)} people={serving} />
      </LazyDetails>
      <LazyDetails open={has.propositionOrder} summary={t('paragraph.propositionOrder')}>
        <RichSection store={store} paragraphId={paragraphId} field="propositionOrder" label={t('paragraph.propositionOrder')} initial={initial.propositionOrder ?? []} />
      </LazyDetails>
      <LazyDetails open={has.votes} summary={t('paragraph.vote')}>
        <VoteEditor store={store} paragraphId={paragraphId} initial={initial.votes} />
      </LazyDetails>
      <LazyDetails open={has.reservations} summary={t('paragraph.reservations')}>
        <PeopleList store={store} paragraphId={paragraphId} kind="reservations" initial={rowsOf(initial.reservations)} people={serving} />
      </LazyDetails>
      <LazyDetails open={has.protocolNotes} summary={t('paragraph.protocolNotes')}>
        <PeopleList store={store} paragraphId={paragraphId} kind="protocolNotes" initial={rowsOf(initial.protocolNotes)} people={present} />
      </LazyDetails>
    </section>
  );
}

/** A <details> whose content is only built once it has been opened (kept afterwards). */
function LazyDetails({ open, summary, children }: { open: boolean; summary: string; children: ReactNode }) {
  const [shown, setShown] = useState(open);
  return (
    <details open={open} onToggle={(e) => e.currentTarget.open && setShown(true)}>
      <summary>{summary}</summary>
      {shown && children}
    </details>
  );
}

function Pager({ store, paragraphId }: { store: MeetingStore; paragraphId: string }) {
  const view = useMeetingSnapshot(store).view;
  if (view === null) return null;
  const i = view.paragraphs.findIndex((x) => x.id === paragraphId);
  const prev = view.paragraphs[i - 1];
  const next = view.paragraphs[i + 1];
  return (
    <nav className="pager" aria-label={t('paragraph.pager')}>
      {prev ? (
        <a href={meetingHref(view.meetingId, prev.number)}>
          ← {t('paragraph.previous')} (§ {prev.number})
        </a>
      ) : (
        <span />
      )}
      {next ? (
        <a href={meetingHref(view.meetingId, next.number)}>
          {t('paragraph.next')} (§ {next.number}) →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
