// Rättelse of an adjusted group: choose the §, correct its title and (when written as plain
// text) its decision points, give the required reason; a new version to sign is created.
import { useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../../api/transport';
import { Dialog } from '../../components/Dialog';
import { SelectField, TextArea, TextField } from '../../components/fields';
import type { GroupJustering } from '../../../core/app/justering/types';
import type { MeetingDocument, Paragraph } from '../../../core/format/meeting';
import { ErrorText } from '../../components/Status';
import { errorMessage } from '../../api/errors';
import { buildCorrection, pointToText } from './format';
import { justeringStrings as s } from './strings';

interface Props {
  open: boolean;
  meetingId: string;
  doc: MeetingDocument;
  group: GroupJustering;
  onClose: () => void;
  announce: (node: ReactNode) => void;
}

export function CorrectionDialog({ open, meetingId, doc, group, onClose, announce }: Props) {
  return (
    <Dialog open={open} title={s.correct.title(group.label)} onClose={onClose}>
      <CorrectionForm meetingId={meetingId} doc={doc} group={group} onClose={onClose} announce={announce} />
    </Dialog>
  );
}

function pointsOf(p: Paragraph | undefined): string[] | null {
  if (p?.decision === undefined) return null;
  const texts = p.decision.points.map(pointToText);
  return texts.every((x): x is string => x !== null) ? texts : null;
}

function CorrectionForm({ meetingId, doc, group, onClose, announce }: Omit<Props, 'open'>) {
  const paragraphs = doc.paragraphs.filter((p) => group.paragraphs.includes(p.number));
  const [number, setNumber] = useState(paragraphs[0]?.number ?? group.paragraphs[0] ?? 0);
  const original = paragraphs.find((p) => p.number === number);
  const [title, setTitle] = useState(original?.title ?? '');
  const [points, setPoints] = useState<string[] | null>(pointsOf(original));
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = (n: number) => {
    const p = paragraphs.find((x) => x.number === n);
    setNumber(n);
    setTitle(p?.title ?? '');
    setPoints(pointsOf(p));
    setFieldError(null);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const form = e.currentTarget as HTMLFormElement;
    const check = buildCorrection({ title: original?.title ?? '', decision: original?.decision }, { title, points, reason });
    if (!check.ok) {
      setFieldError({ field: check.field, message: check.message });
      requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setFieldError(null);
    setBusy(true);
    try {
      const r = await api.call('justering.correct', { meetingId, groupIndex: group.groupIndex, paragraphNumber: number, patch: check.patch, reason: check.reason });
      onClose();
      announce(<p>{s.correct.done(r.paragraph, r.version.versionNo)}</p>);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const err = (field: string) => (fieldError?.field === field ? fieldError.message : null);
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <p className="help">{s.correct.help}</p>
      <SelectField label={s.correct.paragraph} value={String(number)} onChange={(e) => choose(Number(e.target.value))}>
        {paragraphs.map((p) => (
          <option key={p.number} value={p.number}>
            § {p.number} {p.title}
          </option>
        ))}
      </SelectField>
      <TextField label={s.correct.newTitle} value={title} error={err('title')} onChange={(e) => setTitle(e.target.value)} />
      {original?.decision !== undefined && points === null && <p className="help">{s.correct.decisionFormatted}</p>}
      {points?.map((text, i) => (
        <TextArea
          key={`${number}-${i}`}
          label={s.correct.point(i + 1)}
          help={s.correct.pointHelp}
          error={i === 0 ? err('points') : null}
          rows={3}
          value={text}
          onChange={(e) => setPoints(points.map((x, j) => (j === i ? e.target.value : x)))}
        />
      ))}
      <TextArea label={s.correct.reason} help={s.correct.reasonHelp} error={err('reason')} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      {error !== null && <ErrorText message={error} />}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {s.correct.submit}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {s.sign.cancel}
        </button>
      </div>
    </form>
  );
}
