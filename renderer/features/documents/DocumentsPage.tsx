// "#/meetings/ID/dokument" and "#/boards/ID/dokument/ÅR": every document version of a meeting (or
// of each meeting of a board in a year) with its state and signers, to view, download, sign where
// the document waits for a signature, and verify — so nothing produced is reachable only in the
// message right after it was made. Signing: certificate file, card, or e-legitimation through the
// municipality's signing service (documents.signEid) when one is set.
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ListedDocument, MeetingDocuments } from '../../../core/app/documents/overview';
import { paragraphLabel } from '../../../core/domain/numbering';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';
import { downloadPdf } from '../../api/files';
import { errorMessage } from '../../api/errors';
import { Dialog } from '../../components/Dialog';
import { ErrorBox, ErrorText, Loading } from '../../components/Status';
import { formatDateTime, t, type MessageKey } from '../../i18n';
import { boardDocumentsHref, boardHref, justeringHref, meetingHref, navigate } from '../../router';
import { SignDialog, type Credential, type CredentialKind } from '../justering/SignDialog';
import { useSignServices } from '../justering/EidSign';
import type { DocumentSignResult } from '../../../core/app/justering/documents';
import { VerifyReport, type VerifyData } from '../justering/VerifyReport';
import './documents.css';

const PdfViewer = lazy(() => import('../preview/PdfViewer').then((m) => ({ default: m.PdfViewer })));

/** "Tillkännagivande §§ 23-26, version 1". */
export function documentTitle(d: Pick<ListedDocument, 'kind' | 'label' | 'versionNo'>): string {
  const kind = t(`documents.kind.${d.kind}` as MessageKey);
  return `${kind}${d.label === '' ? '' : ` ${d.label}`}, ${t('documents.version', { n: d.versionNo })}`;
}

function stateText(d: ListedDocument): string {
  const done = d.signers.filter((s) => s.signedAt !== null).length;
  if (d.kind === 'protocol') {
    if (d.signing === 'complete') return t('documents.state.adjusted');
    return d.signing === 'partly' ? `${t('documents.state.frozen')}, ${t('documents.state.partly', { done, total: d.signers.length }).toLowerCase()}` : t('documents.state.frozen');
  }
  return d.signing === 'partly' ? t('documents.state.partly', { done, total: d.signers.length }) : t(`documents.state.${d.signing}`);
}

type Shown = { kind: 'view'; doc: ListedDocument; pdfBase64: string } | { kind: 'verify'; doc: ListedDocument; data: VerifyData } | null;

export function DocumentsPage({ meetingId, boardId, year }: { meetingId?: string; boardId?: string; year?: number }) {
  const q = useQuery(async () => {
    const [list, boards] = await Promise.all([
      meetingId !== undefined ? api.call('documents.list', { meetingId }) : api.call('documents.list', { boardId: boardId ?? '', year: year ?? 0 }),
      api.call('boards.list', {}),
    ]);
    return { list, boardName: boards.find((b) => b.id === (boardId ?? list.meetings[0]?.boardId))?.name ?? '' };
  }, [meetingId, boardId, year]);
  const [result, setResult] = useState<{ node: ReactNode; error: boolean; n: number }>({ node: null, error: false, n: 0 });
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result.n > 0) resultRef.current?.focus();
  }, [result]);

  const single = meetingId !== undefined;
  const first = q.status === 'ready' ? q.data.list.meetings[0] : undefined;
  const title =
    q.status !== 'ready'
      ? null
      : single
        ? t('documents.title.meeting', { board: first?.boardName ?? '', date: first?.date ?? '' })
        : t('documents.title.year', { board: q.data.boardName, year: year ?? '' });
  useEffect(() => {
    if (title !== null) document.title = `${title} – ${t('app.name')}`;
  }, [title]);

  if (q.status === 'loading') return <Loading />;
  if (q.status === 'error') return <ErrorBox message={q.message} onRetry={q.reload} />;
  const { meetings } = q.data.list;
  const theBoard = boardId ?? first?.boardId ?? '';
  const theYear = year ?? Number((first?.date ?? '').slice(0, 4));

  const announce = (node: ReactNode, error = false) => {
    setResult((r) => ({ node, error, n: r.n + 1 }));
    if (!error) q.reload();
  };

  return (
    <div className="documents-page">
      <p className="breadcrumb">
        <a href="#/">{t('app.backToBoards')}</a> › <a href={boardHref(theBoard)}>{single ? first?.boardName : q.data.boardName}</a>
        {single && (
          <>
            {' › '}
            <a href={meetingHref(meetingId)}>{t('documents.back')}</a>
          </>
        )}
      </p>
      <h1>{title}</h1>
      <p>{t('documents.intro')}</p>
      {single ? (
        <p>
          <a href={boardDocumentsHref(theBoard, theYear)}>{t('documents.yearLink', { year: theYear })}</a>
        </p>
      ) : (
        <YearChooser boardId={theBoard} year={theYear} />
      )}
      <div ref={resultRef} tabIndex={-1} role="status" className="documents-result">
        {result.error ? null : result.node}
      </div>
      {result.error && <ErrorText message={String(result.node)} />}
      {!single && meetings.length === 0 && <p>{t('documents.noneYear', { year: theYear })}</p>}
      {meetings.map((m) => (
        <MeetingDocumentsTable key={m.meetingId} meeting={m} headed={!single} announce={announce} />
      ))}
    </div>
  );
}

function YearChooser({ boardId, year }: { boardId: string; year: number }) {
  const id = useId();
  const [value, setValue] = useState(String(year));
  return (
    <form
      className="documents-year"
      onSubmit={(e) => {
        e.preventDefault();
        const n = Number(value);
        if (Number.isInteger(n) && n >= 1900 && n <= 9999) navigate(boardDocumentsHref(boardId, n));
      }}
    >
      <label htmlFor={id}>{t('documents.year')}</label>
      <input id={id} inputMode="numeric" maxLength={4} size={5} value={value} onChange={(e) => setValue(e.target.value)} />
      <button type="submit" className="secondary">
        {t('documents.showYear')}
      </button>
    </form>
  );
}

function MeetingDocumentsTable({ meeting, headed, announce }: { meeting: MeetingDocuments; headed: boolean; announce: (node: ReactNode, error?: boolean) => void }) {
  const headingId = useId();
  const [shown, setShown] = useState<Shown>(null);
  const [signing, setSigning] = useState<{ doc: ListedDocument; kind: CredentialKind | 'eid' } | null>(null);
  const services = useSignServices();
  // The signer reads the document as it stands now in the sign dialog.
  const signingDoc = signing?.doc;
  const toRead = useMemo(
    () => (signingDoc === undefined ? undefined : { label: documentTitle(signingDoc), load: async () => (await api.call('documents.currentPdf', { versionId: signingDoc.versionId })).pdfBase64 }),
    [signingDoc],
  );
  // Not `disabled` while busy: a focused button that becomes disabled drops focus to <body>.
  const busy = useRef(false);
  const verifyRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (shown?.kind === 'verify') verifyRef.current?.focus();
  }, [shown]);

  async function run(fn: () => Promise<void>) {
    if (busy.current) return;
    busy.current = true;
    try {
      await fn();
    } catch (e) {
      announce(errorMessage(e), true);
    } finally {
      busy.current = false;
    }
  }

  const view = (d: ListedDocument) =>
    run(async () => {
      const r = await api.call('documents.currentPdf', { versionId: d.versionId });
      setShown({ kind: 'view', doc: d, pdfBase64: r.pdfBase64 });
    });
  const download = (d: ListedDocument) =>
    run(async () => {
      const r = await api.call('documents.currentPdf', { versionId: d.versionId });
      downloadPdf(d.fileName, r.pdfBase64);
    });
  const verify = (d: ListedDocument) =>
    run(async () => {
      const r = await api.call('documents.verify', { versionId: d.versionId });
      const signedFields = d.signers.filter((s) => s.signedAt !== null).map((s) => s.field);
      setShown({ kind: 'verify', doc: d, data: { ...r, signedFields, requiredFields: d.signers.map((s) => s.field), missing: d.signers.length - signedFields.length } });
    });

  // The public version otherwise came only with the notice board export (anslag › Digital anslagstavla).
  const makePublic = () =>
    run(async () => {
      const r = await api.call('anslag.publicVersion', { meetingId: meeting.meetingId });
      downloadPdf(r.document.fileName, r.pdfBase64);
      announce(<p>{t(r.reused ? 'documents.public.reused' : 'documents.public.created', { paragraphs: paragraphLabel(r.paragraphs), n: r.document.versionNo })}</p>);
    });

  function signed(d: ListedDocument, r: DocumentSignResult): void {
    setSigning(null);
    announce(<p>{t('documents.signed', { document: documentTitle(d), name: r.signature.signerName, time: formatDateTime(r.signature.signedAt) })}</p>);
  }

  async function sign(d: ListedDocument, c: Credential): Promise<void> {
    const field = d.nextSignature?.field ?? '';
    signed(d, await api.call('documents.sign', { versionId: d.versionId, field, credential: c }));
  }

  const caption = t('documents.caption', { date: meeting.date });
  return (
    <section className="documents-meeting" aria-labelledby={headingId}>
      <h2 id={headingId}>{headed ? <a href={meetingHref(meeting.meetingId)}>{t('documents.meetingHeading', { date: meeting.date })}</a> : caption}</h2>
      {meeting.documents.length === 0 ? (
        <p>{t('documents.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data documents-table">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('documents.col.document')}</th>
                <th scope="col">{t('documents.col.state')}</th>
                <th scope="col">{t('documents.col.signatures')}</th>
                <th scope="col">{t('documents.col.created')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {meeting.documents.map((d) => {
                const name = documentTitle(d);
                const hidden = <span className="visually-hidden"> {name}</span>;
                return (
                  <tr key={d.versionId} className={d.isCurrent ? undefined : 'superseded'}>
                    <th scope="row">
                      {name}
                      {d.recipients !== null && (
                        <span className="small-block">
                          {d.recipients.length === 0 ? t('documents.noRecipients') : t('documents.recipients', { names: d.recipients.join(', ') })}
                          {d.sentOn !== null && `, ${t('documents.sentOn', { date: d.sentOn })}`}
                        </span>
                      )}
                      {d.withheld.map((w) => (
                        <span key={w.paragraph} className="small-block">
                          {t(w.masked ? 'documents.masked' : 'documents.withheld', { paragraph: w.paragraph, provision: w.provision })}
                        </span>
                      ))}
                    </th>
                    <td>
                      {stateText(d)}
                      <span className="small-block muted">{d.isCurrent ? t('documents.current') : t('documents.superseded')}</span>
                    </td>
                    <td>
                      {d.signers.length === 0 ? (
                        '–'
                      ) : (
                        <ul className="plain">
                          {d.signers.map((s) => (
                            <li key={s.field}>
                              {s.signedAt === null
                                ? t('documents.signer.waiting', { role: s.role, name: s.name })
                                : t('documents.signer.signed', { role: s.role, name: s.name, time: formatDateTime(s.signedAt) })}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>{formatDateTime(d.createdAt)}</td>
                    <td>
                      <div className="documents-actions">
                        <button type="button" className="secondary small" onClick={() => void view(d)}>
                          {t('documents.view')}
                          {hidden}
                        </button>
                        <button type="button" className="secondary small" onClick={() => void download(d)}>
                          {t('documents.download')}
                          {hidden}
                        </button>
                        {d.signing !== 'unsigned' && d.signing !== 'none' && (
                          <button type="button" className="secondary small" onClick={() => void verify(d)}>
                            {t('documents.verify')}
                            {hidden}
                          </button>
                        )}
                        {d.nextSignature !== null && (
                          <>
                            <button type="button" className="small" onClick={() => setSigning({ doc: d, kind: 'p12' })}>
                              {t('documents.signAs', { name: d.nextSignature.name })}
                              <span className="visually-hidden">
                                {' '}
                                {name} {t('documents.signWithFile')}
                              </span>
                            </button>
                            <button type="button" className="secondary small" onClick={() => setSigning({ doc: d, kind: 'pkcs11' })}>
                              {t('documents.signWithCard')}
                              <span className="visually-hidden">
                                {' '}
                                – {t('documents.signAs', { name: d.nextSignature.name })} {name}
                              </span>
                            </button>
                            {services !== null && services.length > 0 && (
                              <button type="button" className="secondary small" onClick={() => setSigning({ doc: d, kind: 'eid' })}>
                                {t('documents.signWithEid')}
                                <span className="visually-hidden">
                                  {' '}
                                  – {t('documents.signAs', { name: d.nextSignature.name })} {name}
                                </span>
                              </button>
                            )}
                          </>
                        )}
                        {d.kind === 'protocol' && d.isCurrent && d.signing !== 'complete' && (
                          <a className="small" href={justeringHref(meeting.meetingId)}>
                            {t('documents.signOnJustering')}
                            {hidden}
                          </a>
                        )}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {(meeting.status === 'adjusted' || meeting.documents.some((d) => d.kind === 'protocol' && d.signing === 'complete')) && (
        <p>
          <button type="button" className="secondary" onClick={() => void makePublic()}>
            {t('documents.public.create')}
          </button>
          <span className="help small-block">{t('documents.public.help')}</span>
        </p>
      )}
      {shown?.kind === 'verify' && (
        <VerifyReport
          ref={verifyRef}
          versionNo={shown.doc.versionNo}
          data={shown.data}
          onClose={() => setShown(null)}
          heading={t('documents.verifyHeading', { document: documentTitle(shown.doc) })}
          {...(shown.doc.kind === 'protocol'
            ? {}
            : { complete: shown.data.signatures.length === 1 ? t('documents.verdictCompleteOne') : t('documents.verdictComplete', { n: shown.data.signatures.length }) })}
        />
      )}
      <Dialog open={shown?.kind === 'view'} title={shown === null ? '' : documentTitle(shown.doc)} onClose={() => setShown(null)} wide>
        {shown?.kind === 'view' && (
          <>
            <Suspense fallback={<Loading />}>
              <PdfViewer pdfBase64={shown.pdfBase64} label={documentTitle(shown.doc)} />
            </Suspense>
            <div className="actions">
              <button type="button" className="secondary" onClick={() => setShown(null)}>
                {t('documents.previewClose')}
              </button>
            </div>
          </>
        )}
      </Dialog>
      <SignDialog
        open={signing !== null}
        kind={signing?.kind ?? 'p12'}
        title={
          signing === null
            ? ''
            : signing.kind === 'eid'
              ? t('documents.signEidTitle', { document: documentTitle(signing.doc), name: signing.doc.nextSignature?.name ?? '' })
              : t('documents.signTitle', { document: documentTitle(signing.doc) })
        }
        intro={signing === null ? '' : t('documents.signIntro', { role: signing.doc.nextSignature?.role.toLowerCase() ?? '', name: signing.doc.nextSignature?.name ?? '' })}
        onClose={() => setSigning(null)}
        onSign={(c) => (signing === null ? Promise.resolve() : sign(signing.doc, c))}
        {...(toRead === undefined ? {} : { document: toRead })}
        eid={
          signing === null || signing.kind !== 'eid' || services === null
            ? undefined
            : {
                signerName: signing.doc.nextSignature?.name ?? '',
                subject: 'document',
                services,
                start: ({ serviceId }) => api.call('documents.signEid', { versionId: signing.doc.versionId, field: signing.doc.nextSignature?.field ?? '', serviceId }),
                onDone: (outcome) => {
                  if (outcome.kind === 'document') signed(signing.doc, outcome.result);
                },
                onFileRoute: () => setSigning({ doc: signing.doc, kind: 'p12' }),
              }
        }
      />
    </section>
  );
}
