// Which card reader software (PKCS#11 module) to use: chosen from what the main process offers
// (pkcs11.modules: the platform's known modules, the one picked before, or the host's configured
// one). In the desktop app "Välj modul…" opens a native dialog in the main process; the path is
// never typed or sent from here.
import { useEffect, useState } from 'react';
import type { Pkcs11ModuleInfo } from '../../../core/api/contracts/justering';
import { api } from '../../api/transport';
import { errorMessage } from '../../api/errors';
import { SelectField } from '../../components/fields';
import { ErrorText, Loading } from '../../components/Status';
import { justeringStrings as s } from './strings';

export function ModulePicker({ value, onChange, error }: { value: string; onChange: (id: string) => void; error?: string | undefined }) {
  const [modules, setModules] = useState<Pkcs11ModuleInfo[] | null>(null);
  const [canChoose, setCanChoose] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api
      .call('pkcs11.modules', {})
      .then((r) => {
        if (!live) return;
        setModules(r.modules);
        setCanChoose(r.canChoose);
        if (value === '' && r.modules[0] !== undefined) onChange(r.modules[0].id);
      })
      .catch((e: unknown) => live && setProblem(errorMessage(e)));
    return () => {
      live = false;
    };
    // Loaded once per dialog; onChange/value only pick the first module then.
  }, []);

  async function choose() {
    setProblem(null);
    try {
      const r = await api.call('pkcs11.chooseModule', {});
      if (r.module === null) return;
      const picked = r.module;
      setModules((m) => [picked, ...(m ?? []).filter((x) => x.id !== picked.id)]);
      onChange(picked.id);
    } catch (e) {
      setProblem(errorMessage(e));
    }
  }

  if (modules === null && problem === null) return <Loading />;
  return (
    <div className="field">
      {modules !== null && modules.length === 0 ? (
        <p role="note">{canChoose ? s.sign.noModulesDesktop : s.sign.noModulesWeb}</p>
      ) : (
        <SelectField label={s.sign.module} help={s.sign.moduleHelp} error={error} value={value} onChange={(e) => onChange(e.target.value)}>
          {(modules ?? []).map((m) => (
            <option key={m.id} value={m.id}>
              {m.source === 'known' ? `${m.label} (${m.path})` : m.label}
            </option>
          ))}
        </SelectField>
      )}
      {canChoose && (
        <div>
          <button type="button" className="secondary" onClick={() => void choose()}>
            {s.sign.chooseModule}
          </button>
        </div>
      )}
      {problem !== null && <ErrorText message={problem} />}
    </div>
  );
}
