// Protokollsutdrag: the secretary chooses a meeting, then per adjusted § who gets it — that §'s
// own "Expedieras till" (never merged across §§: "Sökanden" of § 2 is not "Sökanden" of § 4),
// nothing ticked by default, others typed in. Each § with recipients becomes its own extract. A §
// with secrets is masked (OSL reference in its place) unless the user chooses an unmasked extract
// and says why the recipients are entitled to it; the back end enforces and records the same.
import { useId, useState } from 'react';
import type { CreatedExtract, ExtractProposal, SecrecyChoice } from '../../../core/app/anslag/extracts';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';
import { downloadPdf } from '../../api/files';
import { ActionResult, QueryTable, useAction } from '../../components/async';
import { ErrorText } from '../../components/Status';
import { t } from '../../i18n';
import { SignDocument } from './SignDocument';
import { Day, MeetingSelect } from './ui';

type Paragraph = ExtractProposal['perParagraph'][number];

interface Choice {
  ticked: string[];
  more: string;
  unmasked: boolean;
  entitlement: string;
}

const EMPTY: Choice = { ticked: [], more: '', unmasked: false, entitlement: '' };

function recipientsOf(c: Choice): string[] {
  return [
    ...new Set([
      ...c.ticked,
      ...c.more
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== ''),
    ]),
  ];
}

const osl = (provisions: readonly string[]) => provisions.map((p) => `${p} OSL`).join(', ');

async function save(versionId: string, fileName: string) {
  const d = await api.call('documents.currentPdf', { versionId });
  downloadPdf(fileName, d.pdfBase64);
}

export function Extracts() {
  const id = useId();
  const [meetingId, setMeetingId] = useState('');
  const [choices, setChoices] = useState<Record<number, Choice>>({});
  const [made, setMade] = useState(0);
  const [invalid, setInvalid] = useState<{ general: string | null; entitlement: number[] }>({ general: null, entitlement: [] });
  const action = useAction();
  const proposal = useQuery(async () => (meetingId === '' ? null : api.call('extracts.propose', { meetingId })), [meetingId]);
  const list = useQuery(async () => (meetingId === '' ? [] : api.call('extracts.list', { meetingId })), [meetingId, made]);
  const paragraphs = proposal.status === 'ready' && proposal.data !== null ? proposal.data.perParagraph : [];
  const choiceOf = (n: number) => choices[n] ?? EMPTY;
  const update = (n: number, change: Partial<Choice>) => setChoices((cs) => ({ ...cs, [n]: { ...(cs[n] ?? EMPTY), ...change } }));

  function chooseMeeting(value: string) {
    setMeetingId(value);
    setChoices({});
    setInvalid({ general: null, entitlement: [] });
  }

  async function create() {
    const wanted = paragraphs.filter((p) => recipientsOf(choiceOf(p.number)).length > 0);
    const missingReason = wanted.filter((p) => p.provisions.length > 0 && choiceOf(p.number).unmasked && choiceOf(p.number).entitlement.trim() === '').map((p) => p.number);
    const general = wanted.length === 0 ? t('extracts.chooseRecipient') : null;
    setInvalid({ general, entitlement: missingReason });
    if (general !== null || missingReason.length > 0) return;
    await action.run(async () => {
      const created: CreatedExtract[] = [];
      for (const p of wanted) {
        const c = choiceOf(p.number);
        const secrecy: SecrecyChoice[] =
          p.provisions.length === 0 ? [] : [c.unmasked ? { paragraph: p.number, treatment: 'unmasked', entitlement: c.entitlement.trim() } : { paragraph: p.number, treatment: 'mask' }];
        created.push(await api.call('extracts.create', { meetingId, paragraphs: [p.number], recipients: recipientsOf(c), secrecy }));
        setMade((n) => n + 1);
      }
      setChoices({});
      return (
        <>
          {created.map((r) => (
            <div key={r.document.id} className="extract-made">
              <p>{t('extracts.created', { label: r.extract.label, names: r.extract.recipients.join(', ') })}</p>
              <div className="actions">
                <button type="button" className="secondary" onClick={() => void save(r.document.id, r.document.fileName)}>
                  {t('extracts.downloadFor', { label: r.extract.label })}
                </button>
              </div>
              <SignDocument
                meetingId={r.document.meetingId}
                versionId={r.document.id}
                field="sig-utdragsbestyrkande"
                what={t('extracts.what', { label: r.extract.label })}
                fileName={r.document.fileName}
              />
            </div>
          ))}
        </>
      );
    });
  }

  return (
    <section aria-labelledby={`${id}-h`} className="card">
      <h2 id={`${id}-h`}>{t('extracts.heading')}</h2>
      <p className="help">{t('extracts.help')}</p>
      <MeetingSelect id={`${id}-meeting`} label={t('extracts.meeting')} none={t('extracts.choose')} value={meetingId} onChange={chooseMeeting} />
      {proposal.status === 'error' && <ErrorText message={proposal.message} />}
      {meetingId !== '' && proposal.status === 'ready' && paragraphs.length === 0 && <p>{t('extracts.noneAdjusted')}</p>}
      {paragraphs.length > 0 && (
        <>
          {paragraphs.map((p) => (
            <ParagraphChoice
              key={p.number}
              idBase={`${id}-p${p.number}`}
              paragraph={p}
              choice={choiceOf(p.number)}
              onChange={(c) => update(p.number, c)}
              reasonMissing={invalid.entitlement.includes(p.number)}
            />
          ))}
          {invalid.general !== null && <p className="field-error">{invalid.general}</p>}
          <div className="actions">
            <button type="button" disabled={action.busy} onClick={() => void create()}>
              {t('extracts.create')}
            </button>
          </div>
        </>
      )}
      <ActionResult error={action.error} done={action.done} />
      <QueryTable
        query={list}
        idle={meetingId === ''}
        caption={t('extracts.caption')}
        columns={[t('extracts.col.paragraphs'), t('extracts.col.to'), t('extracts.col.made'), t('extracts.col.file')]}
        empty={t('extracts.empty')}
        row={(x) => (
          <tr key={x.id}>
            <th scope="row">{x.label}</th>
            <td>{x.recipients.join(', ')}</td>
            <td>
              <Day iso={x.createdAt.slice(0, 10)} />
            </td>
            <td>
              {x.document !== null && (
                <button type="button" className="secondary" onClick={() => void save(x.document?.id ?? '', x.document?.fileName ?? '')}>
                  {t('extracts.downloadFor', { label: x.label })}
                </button>
              )}
            </td>
          </tr>
        )}
      />
    </section>
  );
}

function ParagraphChoice({
  idBase,
  paragraph: p,
  choice,
  onChange,
  reasonMissing,
}: {
  idBase: string;
  paragraph: Paragraph;
  choice: Choice;
  onChange: (c: Partial<Choice>) => void;
  reasonMissing: boolean;
}) {
  const secret = p.provisions.length > 0;
  return (
    <fieldset className="extract-paragraph">
      <legend>{t('extracts.paragraphLegend', { n: p.number, title: p.title })}</legend>
      {p.recipients.length === 0 ? (
        <p className="muted">{t('extracts.noRecipients')}</p>
      ) : (
        p.recipients.map((name, i) => (
          <div className="field check" key={name}>
            <input
              id={`${idBase}-r${i}`}
              type="checkbox"
              checked={choice.ticked.includes(name)}
              onChange={(e) => onChange({ ticked: e.target.checked ? [...choice.ticked, name] : choice.ticked.filter((x) => x !== name) })}
            />
            <label htmlFor={`${idBase}-r${i}`}>
              {name}
              <span className="visually-hidden"> {t('extracts.forParagraph', { n: p.number })}</span>
            </label>
          </div>
        ))
      )}
      <div className="field">
        <label htmlFor={`${idBase}-more`}>{t('extracts.more', { n: p.number })}</label>
        <textarea id={`${idBase}-more`} rows={1} value={choice.more} onChange={(e) => onChange({ more: e.target.value })} />
      </div>
      {secret && (
        <fieldset className="extract-secrecy">
          <legend>{t('extracts.secrecyLegend', { n: p.number, osl: osl(p.provisions) })}</legend>
          <div className="field check">
            <input id={`${idBase}-mask`} type="radio" name={`${idBase}-secrecy`} checked={!choice.unmasked} onChange={() => onChange({ unmasked: false })} />
            <label htmlFor={`${idBase}-mask`}>{t('extracts.mask', { osl: osl(p.provisions) })}</label>
          </div>
          <div className="field check">
            <input id={`${idBase}-unmasked`} type="radio" name={`${idBase}-secrecy`} checked={choice.unmasked} onChange={() => onChange({ unmasked: true })} />
            <label htmlFor={`${idBase}-unmasked`}>{t('extracts.unmasked')}</label>
          </div>
          {choice.unmasked && (
            <div className="field">
              <label htmlFor={`${idBase}-why`}>{t('extracts.entitlement', { n: p.number })}</label>
              <input
                id={`${idBase}-why`}
                value={choice.entitlement}
                aria-invalid={reasonMissing ? true : undefined}
                aria-describedby={`${idBase}-why-help${reasonMissing ? ` ${idBase}-why-error` : ''}`}
                onChange={(e) => onChange({ entitlement: e.target.value })}
              />
              <p className="help" id={`${idBase}-why-help`}>
                {t('extracts.entitlementHelp')}
              </p>
              {reasonMissing && (
                <p className="field-error" id={`${idBase}-why-error`}>
                  {t('extracts.entitlementMissing')}
                </p>
              )}
            </div>
          )}
        </fieldset>
      )}
    </fieldset>
  );
}
