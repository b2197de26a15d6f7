// Members and substitutes of a board: the roster with terms, substitutes' order and personal
// substitutes; add, correct, and retire (entlediga) without losing who sat when.
import { useRef, useState, type Ref } from 'react';
import { api } from '../../api/transport';
import { SelectField, TextField } from '../../components/fields';
import { Dialog } from '../../components/Dialog';
import { dateError, dateProps } from '../../components/datetime';
import { formatDate, t, type MessageKey } from '../../i18n';
import { memberRoles, type MemberRole } from '../../../core/format/meeting';
import type { BoardDetails, MemberView } from '../../../core/app/workspace/types';
import { errorMessage } from '../../api/errors';
import { emailProblem } from '../../../core/format/email';

const roleOrder: Record<MemberRole, number> = { ordforande: 0, vice_ordforande: 1, andre_vice_ordforande: 2, ledamot: 3, ersattare: 4 };

export function roleLabel(role: MemberRole): string {
  return t(`role.${role}` as MessageKey);
}

interface MemberForm {
  name: string;
  email: string;
  role: MemberRole;
  party: string;
  represents: string;
  termStart: string;
  termEnd: string;
  substituteOrder: string;
  substituteForPersonId: string;
}

const emptyForm = (termStart = '', termEnd = ''): MemberForm => ({
  name: '',
  email: '',
  role: 'ledamot',
  party: '',
  represents: '',
  termStart,
  termEnd,
  substituteOrder: '',
  substituteForPersonId: '',
});

function toInput(f: MemberForm) {
  return {
    role: f.role,
    party: f.party,
    represents: f.represents,
    termStart: f.termStart,
    termEnd: f.termEnd,
    substituteOrder: f.role === 'ersattare' && f.substituteOrder.trim() !== '' ? Number(f.substituteOrder) : null,
    substituteForPersonId: f.role === 'ersattare' && f.substituteForPersonId !== '' ? f.substituteForPersonId : null,
  };
}

function formError(f: MemberForm): string | null {
  if (f.email.trim() !== '' && emailProblem(f.email.trim()) !== null) return `${t('member.email')}: ${t('member.email.invalid')}`;
  const dates = dateError(f.termStart) ?? dateError(f.termEnd);
  if (dates !== null) return `${t('member.term')}: ${dates}`;
  if (f.substituteOrder.trim() !== '' && !/^\d{1,3}$/.test(f.substituteOrder.trim())) return t('member.order.invalid');
  return null;
}

export function MembersSection({ details, onChanged }: { details: BoardDetails; onChanged: () => void }) {
  const [form, setForm] = useState<MemberForm>(emptyForm());
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [editing, setEditing] = useState<MemberView | null>(null);
  const [retiring, setRetiring] = useState<MemberView | null>(null);
  const [showRetired, setShowRetired] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const members = [...details.members].sort((a, b) => roleOrder[a.role] - roleOrder[b.role] || (a.substituteOrder ?? 999) - (b.substituteOrder ?? 999));
  const active = members.filter((m) => m.retiredOn === null);
  const shown = showRetired ? members : active;
  const regular = details.members.filter((m) => m.role !== 'ersattare' && m.retiredOn === null);

  return (
    <section className="card" aria-labelledby="members-heading">
      <h2 id="members-heading">{t('members.heading')}</h2>
      {shown.length === 0 ? (
        <p className="muted">{t('members.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data">
            <caption className="visually-hidden">{t('members.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('member.name')}</th>
                <th scope="col">{t('member.role')}</th>
                <th scope="col">{t('member.party')}</th>
                <th scope="col">{t('member.represents')}</th>
                <th scope="col">{t('member.term')}</th>
                <th scope="col">{t('member.substitute')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((m) => (
                <tr key={m.assignmentId} className={m.retiredOn ? 'retired' : undefined}>
                  <th scope="row">{m.name}</th>
                  <td>{roleLabel(m.role)}</td>
                  <td>{m.party ?? ''}</td>
                  <td>{m.represents ?? ''}</td>
                  <td>
                    {m.termStart} – {m.termEnd}
                    {m.retiredOn && <span className="badge warn">{t('member.retiredOn', { date: formatDate(m.retiredOn) })}</span>}
                  </td>
                  <td>
                    {m.substituteOrder !== null && t('member.orderShort', { n: m.substituteOrder })}
                    {m.substituteForName && ` ${t('member.personalFor', { name: m.substituteForName })}`}
                  </td>
                  <td className="row-actions">
                    <button type="button" className="secondary small" onClick={() => setEditing(m)} aria-label={t('member.edit.for', { name: m.name })}>
                      {t('common.edit')}
                    </button>
                    {m.retiredOn === null ? (
                      <button type="button" className="secondary small" onClick={() => setRetiring(m)} aria-label={t('member.retire.for', { name: m.name })}>
                        {t('member.retire')}
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="secondary small"
                        aria-label={t('member.reinstate.for', { name: m.name })}
                        onClick={async () => {
                          await api.call('workspace.members.retire', { assignmentId: m.assignmentId, retiredOn: null });
                          onChanged();
                        }}
                      >
                        {t('member.reinstate')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {members.length !== active.length && (
        <label className="inline-check">
          <input type="checkbox" checked={showRetired} onChange={(e) => setShowRetired(e.target.checked)} /> {t('members.showRetired', { n: members.length - active.length })}
        </label>
      )}

      <form
        noValidate
        aria-labelledby="add-member-heading"
        className="subform"
        onSubmit={async (e) => {
          e.preventDefault();
          setError(null);
          setStatus(null);
          const problem = formError(form);
          if (problem !== null) return setError(problem);
          try {
            // One call: the member and the address are saved together or, if either is refused, not at all.
            await api.call('workspace.members.add', { boardId: details.board.id, name: form.name, ...toInput(form), ...(form.email.trim() === '' ? {} : { email: form.email }) });
            setStatus(t('member.added', { name: form.name }));
            setForm(emptyForm(form.termStart, form.termEnd));
            onChanged();
            nameRef.current?.focus();
          } catch (err) {
            setError(errorMessage(err));
          }
        }}
      >
        <h3 id="add-member-heading">{t('member.add.heading')}</h3>
        <MemberFields form={form} setForm={setForm} regular={regular} nameRef={nameRef} />
        <button type="submit">{t('member.add.submit')}</button>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <p role="status" className="ok">
          {status ?? ''}
        </p>
      </form>

      <EditMemberDialog
        member={editing}
        regular={regular}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          onChanged();
        }}
      />
      <RetireDialog
        member={retiring}
        onClose={() => setRetiring(null)}
        onSaved={() => {
          setRetiring(null);
          onChanged();
        }}
      />
    </section>
  );
}

function MemberFields({
  form,
  setForm,
  regular,
  nameRef,
  withName = true,
}: {
  form: MemberForm;
  setForm: (f: MemberForm) => void;
  regular: MemberView[];
  nameRef?: Ref<HTMLInputElement>;
  withName?: boolean;
}) {
  const set = (patch: Partial<MemberForm>) => setForm({ ...form, ...patch });
  return (
    <div className="grid-4">
      {withName && <TextField label={t('member.name')} value={form.name} onChange={(e) => set({ name: e.target.value })} ref={nameRef} required autoComplete="name" />}
      <TextField label={t('member.email')} help={t('member.email.help')} type="email" autoComplete="off" value={form.email} onChange={(e) => set({ email: e.target.value })} />
      <SelectField label={t('member.role')} value={form.role} onChange={(e) => set({ role: e.target.value as MemberRole })}>
        {memberRoles.map((r) => (
          <option key={r} value={r}>
            {roleLabel(r)}
          </option>
        ))}
      </SelectField>
      <TextField label={t('member.party')} help={t('member.party.help')} value={form.party} onChange={(e) => set({ party: e.target.value })} />
      <TextField label={t('member.represents')} help={t('member.represents.help')} value={form.represents} onChange={(e) => set({ represents: e.target.value })} />
      <TextField label={t('member.termStart')} help={t('date.help')} {...dateProps} value={form.termStart} onChange={(e) => set({ termStart: e.target.value })} required />
      <TextField label={t('member.termEnd')} help={t('date.help')} {...dateProps} value={form.termEnd} onChange={(e) => set({ termEnd: e.target.value })} required />
      {form.role === 'ersattare' && (
        <>
          <TextField label={t('member.order')} help={t('member.order.help')} value={form.substituteOrder} onChange={(e) => set({ substituteOrder: e.target.value })} inputMode="numeric" />
          <SelectField label={t('member.personalFor.label')} value={form.substituteForPersonId} onChange={(e) => set({ substituteForPersonId: e.target.value })}>
            <option value="">{t('member.personalFor.none')}</option>
            {regular.map((m) => (
              <option key={m.personId} value={m.personId}>
                {m.name}
              </option>
            ))}
          </SelectField>
        </>
      )}
    </div>
  );
}

function EditMemberDialog({ member, regular, onClose, onSaved }: { member: MemberView | null; regular: MemberView[]; onClose: () => void; onSaved: () => void }) {
  const [form, setForm] = useState<MemberForm>(emptyForm());
  const [error, setError] = useState<string | null>(null);
  const [for_, setFor] = useState<string | null>(null);
  if (member !== null && for_ !== member.assignmentId) {
    setFor(member.assignmentId);
    setError(null);
    setForm({
      name: member.name,
      email: member.email ?? '',
      role: member.role,
      party: member.party ?? '',
      represents: member.represents ?? '',
      termStart: member.termStart,
      termEnd: member.termEnd,
      substituteOrder: member.substituteOrder === null ? '' : String(member.substituteOrder),
      substituteForPersonId: member.substituteForPersonId ?? '',
    });
  }
  if (member === null && for_ !== null) setFor(null);
  return (
    <Dialog open={member !== null} title={t('member.edit.title', { name: member?.name ?? '' })} onClose={onClose}>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          if (member === null) return;
          const problem = formError(form);
          if (problem !== null) return setError(problem);
          try {
            // One call: the member and the address are saved together or, if either is refused, not at all.
            await api.call('workspace.members.update', {
              assignmentId: member.assignmentId,
              name: form.name,
              ...toInput(form),
              ...(form.email.trim() === (member.email ?? '') ? {} : { email: form.email }),
            });
            onSaved();
          } catch (err) {
            setError(errorMessage(err));
          }
        }}
      >
        <p className="help">{t('member.edit.help')}</p>
        <MemberFields form={form} setForm={setForm} regular={regular.filter((m) => m.personId !== member?.personId)} />
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="submit">{t('common.save')}</button>
          <button type="button" className="secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function RetireDialog({ member, onClose, onSaved }: { member: MemberView | null; onClose: () => void; onSaved: () => void }) {
  const [date, setDate] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog open={member !== null} title={t('member.retire.title', { name: member?.name ?? '' })} onClose={onClose}>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          if (member === null) return;
          const problem = dateError(date);
          if (problem !== null) return setError(problem);
          try {
            await api.call('workspace.members.retire', { assignmentId: member.assignmentId, retiredOn: date });
            setDate('');
            setError(null);
            onSaved();
          } catch (err) {
            setError(errorMessage(err));
          }
        }}
      >
        <p className="help">{t('member.retire.help')}</p>
        <TextField label={t('member.retire.date')} help={t('date.help')} {...dateProps} value={date} onChange={(e) => setDate(e.target.value)} error={error} />
        <div className="actions">
          <button type="submit">{t('member.retire')}</button>
          <button type="button" className="secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
