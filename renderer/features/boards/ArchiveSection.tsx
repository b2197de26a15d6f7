// Arkiv on the board page: the archivist writes the archive package of a year's meetings
// (archive.export) into a new or empty folder, and checks a package folder (archive.verify)
// against the trust store. In the desktop app the folder comes from the system's folder dialog
// (shell.chooseFolder); in a browser the full path is typed, as for the notice board. The API
// validates the folder (full path, no "..") and refuses a folder with files in it; its Swedish
// message is shown at the field. The report names each problem by what the file is and the
// meeting's date, never by the package's internal ids.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';
import { errorMessage } from '../../api/errors';
import { ApiError } from '../../../core/api/client';
import { SelectField } from '../../components/fields';
import { ActionResult, useAction } from '../../components/async';
import { formatDate, t, type MessageKey } from '../../i18n';
import { isAbsolutePath } from '../../../core/domain/paths';
import type { BoardDetails } from '../../../core/app/workspace/types';
import type { ArchiveProblem, ArchiveVerification } from '../../../core/app/archive';

export function ArchiveSection({ details }: { details: BoardDetails }) {
  const info = useQuery(() => api.call('app.info', {}), []);
  const desktop = info.status === 'ready' && info.data.transport === 'ipc';
  return (
    <section className="card" aria-labelledby="archive-heading">
      <h2 id="archive-heading">{t('archive.heading')}</h2>
      <p className="help">{t('archive.help')}</p>
      <ArchiveExport details={details} desktop={desktop} />
      <ArchiveVerify desktop={desktop} />
    </section>
  );
}

/** A folder field: typed, or chosen with the desktop app's dialog. Checks only that it is filled in and complete; the API does the rest. */
function FolderField({
  label,
  value,
  onChange,
  error,
  desktop,
  dialogTitle,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error: string | null;
  desktop: boolean;
  dialogTitle: string;
}) {
  const id = useId();
  const [chooseError, setChooseError] = useState<string | null>(null);
  const shown = error ?? chooseError;
  async function choose() {
    try {
      const r = await api.call('shell.chooseFolder', { title: dialogTitle });
      setChooseError(null);
      if (r.path !== null) onChange(r.path);
    } catch (e) {
      setChooseError(errorMessage(e));
    }
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="inline-row">
        <input
          id={id}
          value={value}
          required
          spellCheck={false}
          autoComplete="off"
          aria-invalid={shown !== null ? 'true' : undefined}
          aria-describedby={shown !== null ? `${id}-help ${id}-error` : `${id}-help`}
          onChange={(e) => onChange(e.target.value)}
        />
        {desktop && (
          <button type="button" className="secondary" onClick={() => void choose()}>
            {t('archive.choose')}
          </button>
        )}
      </div>
      <span id={`${id}-help`} className="help">
        {desktop ? t('archive.folderHelpDesktop') : t('archive.folderHelp')}
      </span>
      {shown !== null && (
        <span id={`${id}-error`} className="field-error">
          {shown}
        </span>
      )}
    </div>
  );
}

/**
 * The API's answer about the folder itself, shown at the field: the contract's check of the path
 * (an issue at `directory`), the back end's (a partial path on this system, no issues) or a folder
 * that is not empty (conflict). Others (no meetings that year, not a package, disk full) go below the form.
 */
function folderError(e: unknown): string | null {
  if (!(e instanceof ApiError)) return null;
  const issues = e.details?.issues;
  if (e.code === 'conflict' || (e.code === 'validation' && (issues === undefined || issues.some((i) => i.path === 'directory')))) return e.message;
  return null;
}

/** The form's own check before the call: filled in and a full path (the API checks again, with more). */
function folderProblem(dir: string): string | null {
  if (dir.trim() === '') return t('archive.folderRequired');
  return isAbsolutePath(dir.trim()) ? null : t('archive.folderAbsolute');
}

/**
 * A form around one folder field (export and verify): the form's own check first, then the call; a
 * refusal the API gives for the folder is shown at the field, which takes focus.
 */
function useFolderForm() {
  const [directory, setDirectory] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const action = useAction();
  const formRef = useId();
  const onChange = (v: string) => {
    setDirectory(v);
    setInvalid(null);
  };
  async function submit(e: FormEvent<HTMLFormElement>, ready: boolean, call: (dir: string) => Promise<ReactNode>) {
    e.preventDefault();
    const form = e.currentTarget;
    const focusField = () => form.querySelector<HTMLInputElement>('input')?.focus();
    const problem = folderProblem(directory);
    setInvalid(problem);
    if (problem !== null || !ready) {
      focusField();
      return;
    }
    await action.run(async () => {
      try {
        return await call(directory.trim());
      } catch (er) {
        const atField = folderError(er);
        if (atField !== null) {
          setInvalid(atField);
          focusField();
        }
        throw er;
      }
    });
  }
  return { directory, invalid, action, formRef, onChange, submit };
}

function ArchiveExport({ details, desktop }: { details: BoardDetails; desktop: boolean }) {
  const years = details.meetingYears;
  const [year, setYear] = useState(years[0] ?? null);
  const { directory, invalid, action, formRef, onChange, submit: submitFolder } = useFolderForm();

  async function submit(e: FormEvent<HTMLFormElement>) {
    await submitFolder(e, year !== null, async (dir) => {
      const r = await api.call('archive.export', { boardId: details.board.id, year: year ?? 0, directory: dir });
      return t('archive.exported', { dir: r.dir, meetings: r.meetings, files: r.files, signed: r.signedPdfs, year: year ?? 0 });
    });
  }

  if (years.length === 0) {
    return (
      <>
        <h3>{t('archive.export.heading')}</h3>
        <p className="muted">{t('archive.export.noYears')}</p>
      </>
    );
  }
  return (
    <>
      <h3 id={`${formRef}-h`}>{t('archive.export.heading')}</h3>
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${formRef}-h`}>
        <div className="grid-2">
          <FolderField label={t('archive.export.folder')} value={directory} onChange={onChange} error={invalid} desktop={desktop} dialogTitle={t('archive.export.dialogTitle')} />
          <SelectField label={t('archive.export.year')} value={String(year)} onChange={(e) => setYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="actions">
          <button type="submit" disabled={action.busy}>
            {action.busy ? t('archive.export.busy') : t('archive.export.submit')}
          </button>
        </div>
      </form>
      <ActionResult error={invalid === null ? action.error : null} done={action.done} />
    </>
  );
}

function ArchiveVerify({ desktop }: { desktop: boolean }) {
  const { directory, invalid, action, formRef, onChange, submit: submitFolder } = useFolderForm();

  async function submit(e: FormEvent<HTMLFormElement>) {
    await submitFolder(e, true, async (dir) => <VerificationReport report={await api.call('archive.verify', { directory: dir })} />);
  }

  return (
    <>
      <h3 id={`${formRef}-h`}>{t('archive.verify.heading')}</h3>
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${formRef}-h`}>
        <FolderField label={t('archive.verify.folder')} value={directory} onChange={onChange} error={invalid} desktop={desktop} dialogTitle={t('archive.verify.dialogTitle')} />
        <div className="actions">
          <button type="submit" disabled={action.busy}>
            {action.busy ? t('archive.verify.busy') : t('archive.verify.submit')}
          </button>
        </div>
      </form>
      <ActionResult error={invalid === null ? action.error : null} done={action.done} />
    </>
  );
}

/** What a problem is about: "Signerad PDF, sammanträdet 5 november 2020", or the file's name when the package does not list it. */
function problemSubject(p: ArchiveProblem): string {
  if (p.use === undefined) return p.path;
  const what = t(`archive.use.${p.use}` as MessageKey);
  return p.meetingDate === undefined ? what : t('archive.report.ofMeeting', { what, date: formatDate(p.meetingDate) });
}

function VerificationReport({ report }: { report: ArchiveVerification }) {
  const problems: { key: string; subject: string; text: string }[] = [
    ...report.mets.problems.map((p, i) => ({ key: `m${i}`, subject: 'METS.xml', text: p })),
    ...report.files.bad.map((p, i) => ({ key: `f${i}`, subject: problemSubject(p), text: p.problem })),
    ...report.signatures.invalid.map((p, i) => ({ key: `s${i}`, subject: problemSubject(p), text: p.problem })),
  ];
  const notAssessed = report.signatures.invalid.some((p) => p.reason === 'not-assessed');
  const verdict: ReactNode = report.ok ? t('archive.report.ok') : notAssessed && problems.length === report.signatures.invalid.length ? t('archive.report.notAssessed') : t('archive.report.bad');
  return (
    <div className={`archive-report ${report.ok ? 'ok' : 'bad'}`}>
      <p>
        <strong>{verdict}</strong>
      </p>
      <ul>
        <li>{t('archive.report.folder', { dir: report.dir })}</li>
        <li>{report.mets.valid ? t('archive.report.metsOk') : t('archive.report.metsBad', { n: report.mets.problems.length })}</li>
        <li>{t('archive.report.files', { ok: report.files.ok, bad: report.files.bad.length })}</li>
        <li>{t('archive.report.signatures', { valid: report.signatures.valid, invalid: report.signatures.invalid.length })}</li>
      </ul>
      {problems.length > 0 && (
        <div className="table-scroll">
          <table className="data">
            <caption>{t('archive.report.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('archive.report.what')}</th>
                <th scope="col">{t('archive.report.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((p) => (
                <tr key={p.key}>
                  <th scope="row">{p.subject}</th>
                  <td>{p.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {notAssessed && <p className="help">{t('archive.report.trustHint')}</p>}
    </div>
  );
}
