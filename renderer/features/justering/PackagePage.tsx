// "#/underskrift": the justerare's side of a signing package, on any machine running Justera.
// Open the .justera file, read what it holds and the PDF, sign it with a certificate file or a
// card, and save the signed PDF to send back to the secretary. Needs no meeting in the database.
import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../api/transport';
import { CheckField, TextField } from '../../components/fields';
import type { OpenedPackage, SignedPackage } from '../../../core/app/justering/types';
import { downloadPdf } from '../../api/files';
import { ErrorText } from '../../components/Status';
import { useFileSubmit } from './useFileSubmit';
import { SignDialog, type Credential, type CredentialKind } from './SignDialog';
import { EidSettingsHint, useSignServices } from './EidSign';
import { fieldLabel, formatInstant, timestampText, unusableFileName, trustText } from './format';
import { t } from '../../i18n';
import { justeringStrings as s } from './strings';
import { DocumentToRead } from '../preview/DocumentToRead';
import './justering.css';

export function PackagePage() {
  const [opened, setOpened] = useState<{ content: string; pkg: OpenedPackage } | null>(null);
  const [signed, setSigned] = useState<SignedPackage | null>(null);
  const [dialog, setDialog] = useState<CredentialKind | 'eid' | null>(null);
  const [lastKind, setLastKind] = useState<CredentialKind | 'eid'>('p12');
  const services = useSignServices();
  const [confirmed, setConfirmed] = useState(false);
  const factsRef = useRef<HTMLHeadingElement>(null);
  const signedRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${s.pkg.title} – Justera`;
  }, []);
  // Focus follows what just appeared, after the dialog (a child) has closed and given focus back.
  useEffect(() => {
    if (signed !== null) signedRef.current?.focus();
    else if (opened !== null) factsRef.current?.focus();
  }, [opened, signed]);

  const {
    setFile,
    missing,
    error,
    busy,
    submit: open,
  } = useFileSubmit(async (file) => {
    try {
      const content = await file.text();
      const pkg = await api.call('justering.openPackage', { content });
      setOpened({ content, pkg });
      setSigned(null);
      setConfirmed(false);
    } catch (err) {
      setOpened(null);
      throw err;
    }
  });

  async function sign(c: Credential): Promise<void> {
    if (opened === null) return;
    const r = await api.call('justering.signPackage', { content: opened.content, credential: c, ...(opened.pkg.authenticity.verified ? {} : { confirmUnverified: confirmed }) });
    setDialog(null);
    setSigned(r);
  }

  const showDialog = (k: CredentialKind | 'eid') => {
    setLastKind(k);
    setDialog(k);
  };

  const m = opened?.pkg.manifest;
  // The justerare reads the whole PDF here and in the sign dialog, before signing.
  const toRead = useMemo(
    () =>
      opened === null ? undefined : { label: `${opened.pkg.manifest.board} ${opened.pkg.manifest.date} ${opened.pkg.manifest.paragraphsLabel}`, load: () => Promise.resolve(opened.pkg.pdfBase64) },
    [opened],
  );
  return (
    <div className="justering-page">
      <h1>{s.pkg.title}</h1>
      <p>{s.pkg.intro}</p>
      <form className="card" onSubmit={(e) => void open(e)} noValidate>
        <TextField label={s.pkg.file} error={missing ? s.pkg.missingFile : null} type="file" accept=".justera,application/json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <button type="submit" disabled={busy}>
          {s.pkg.open}
        </button>
        {error !== null && <ErrorText message={error} />}
      </form>
      {opened !== null && m !== undefined && (
        <section className="card" aria-labelledby="package-facts">
          <h2 id="package-facts" ref={factsRef} tabIndex={-1}>
            {s.pkg.facts}
          </h2>
          <dl className="facts">
            <dt>{s.pkg.board}</dt>
            <dd>{m.board}</dd>
            <dt>{s.pkg.date}</dt>
            <dd>{m.date}</dd>
            <dt>{s.pkg.paragraphs}</dt>
            <dd>{m.paragraphsLabel}</dd>
            <dt>{s.pkg.version}</dt>
            <dd>{m.versionNo}</dd>
            <dt>{s.pkg.expected}</dt>
            <dd>
              {m.expectedSigner.role} {m.expectedSigner.name}
            </dd>
            <dt>{s.pkg.field}</dt>
            <dd>{fieldLabel(m.field)}</dd>
            <dt>{s.pkg.created}</dt>
            <dd>{formatInstant(m.createdAt)}</dd>
            <dt>{s.pkg.before}</dt>
            <dd>
              {opened.pkg.signedBefore.length === 0 ? (
                s.pkg.nobodyBefore
              ) : (
                <ul className="justering-before">
                  {opened.pkg.signedBefore.map((b, i) => (
                    <li key={`${b.field ?? ''}-${i}`}>
                      {s.pkg.beforeItem(b.certificateSubject ?? (b.field === null ? '?' : fieldLabel(b.field)), b.signedAt === null ? '–' : formatInstant(b.signedAt), b.valid)} – {trustText(b)}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </dl>
          {opened.pkg.authenticity.verified ? (
            <p className="ok">{s.pkg.verified(opened.pkg.authenticity.secretary ?? '')}</p>
          ) : (
            <div className="warning" role="alert">
              <p>
                <strong>
                  {s.pkg.unverified(
                    opened.pkg.authenticity.problems
                      .map((p) =>
                        p.kind === 'noTrust'
                          ? s.pkg.noTrust
                          : p.kind === 'noSecretary'
                            ? s.pkg.noSecretary
                            : p.kind === 'untrusted'
                              ? s.pkg.untrusted(p.fields.map((f) => (f === null ? '?' : fieldLabel(f).toLocaleLowerCase())).join(', '))
                              : p.text,
                      )
                      .join('; '),
                  )}
                </strong>
              </p>
            </div>
          )}
          <div className="actions">
            <button type="button" className="secondary" onClick={() => downloadPdf(`${m.board} ${m.date} ${m.paragraphsLabel}.pdf`, opened.pkg.pdfBase64)}>
              {s.pkg.downloadRead}
            </button>
          </div>
          {signed === null && toRead !== undefined && <DocumentToRead source={toRead} />}
          {signed === null && (
            <>
              <h3>{s.pkg.signHeading}</h3>
              {!opened.pkg.authenticity.verified && <CheckField label={s.pkg.confirmUnverified} checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />}
              <div className="actions">
                <button type="button" disabled={!opened.pkg.authenticity.verified && !confirmed} onClick={() => showDialog('p12')}>
                  {s.version.signP12}
                </button>
                <button type="button" disabled={!opened.pkg.authenticity.verified && !confirmed} onClick={() => showDialog('pkcs11')}>
                  {s.version.signCard}
                </button>
                {services !== null && services.length > 0 && (
                  <button type="button" disabled={!opened.pkg.authenticity.verified && !confirmed} onClick={() => showDialog('eid')}>
                    {s.eid.button}
                  </button>
                )}
              </div>
              {services !== null && services.length === 0 && <EidSettingsHint />}
            </>
          )}
          <SignDialog
            open={dialog !== null}
            kind={lastKind}
            title={
              lastKind === 'p12'
                ? s.sign.p12Title(m.expectedSigner.role, m.expectedSigner.name)
                : lastKind === 'eid'
                  ? s.eid.title(m.expectedSigner.role, m.expectedSigner.name)
                  : s.sign.cardTitle(m.expectedSigner.role, m.expectedSigner.name)
            }
            intro={s.sign.intro(m.expectedSigner.role, m.expectedSigner.name, m.paragraphsLabel)}
            onClose={() => setDialog(null)}
            onSign={sign}
            document={toRead}
            eid={{
              signerName: m.expectedSigner.name,
              services: services ?? [],
              askPersonnummer: true,
              start: ({ serviceId, personnummer }) =>
                api.call('justering.signPackageEid', {
                  content: opened.content,
                  personnummer: personnummer ?? '',
                  serviceId,
                  ...(opened.pkg.authenticity.verified ? {} : { confirmUnverified: confirmed }),
                }),
              onDone: (outcome) => {
                setDialog(null);
                if (outcome.kind === 'package') setSigned(outcome.result);
              },
            }}
          />
        </section>
      )}
      {signed !== null && !signed.signerMatches && (
        // Signed with someone else's certificate: the secretary's import refuses it, so it is not
        // presented as done; the file is named for what it is and signing again is offered first.
        <section className="card warn" aria-labelledby="package-signed">
          <h2 id="package-signed" ref={signedRef} tabIndex={-1}>
            {t('package.unusable.heading')}
          </h2>
          <div role="alert">
            <p>{t('package.unusable.text', { role: m?.expectedSigner.role.toLowerCase() ?? '', name: m?.expectedSigner.name ?? '' })}</p>
            {signed.warning !== null && <p>{signed.warning}</p>}
          </div>
          <div className="actions">
            <button
              type="button"
              onClick={() => {
                setSigned(null);
                showDialog(lastKind);
              }}
            >
              {t('package.unusable.signAgain', { name: m?.expectedSigner.name ?? '' })}
            </button>
            <button type="button" className="secondary" onClick={() => downloadPdf(unusableFileName(signed.fileName), signed.pdfBase64)}>
              {t('package.unusable.download')}
            </button>
          </div>
        </section>
      )}
      {signed !== null && signed.signerMatches && (
        <section className="card" aria-labelledby="package-signed">
          <h2 id="package-signed" ref={signedRef} tabIndex={-1}>
            {s.pkg.signedHeading}
          </h2>
          <div role="status">
            <p>{s.pkg.signedText(m?.expectedSigner.role ?? '')}</p>
            <p>{timestampText(signed.timestamp)}</p>
          </div>
          {signed.warning !== null && (
            <div role="alert" className="warning">
              <p>{signed.warning}</p>
            </div>
          )}
          <div className="actions">
            <button type="button" onClick={() => downloadPdf(signed.fileName, signed.pdfBase64)}>
              {s.pkg.downloadSigned}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
