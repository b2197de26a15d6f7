// The card readers of a PKCS#11 module (justering.pkcs11Slots), to choose the card to sign with.
import { useState } from 'react';
import { api } from '../../api/transport';
import { ErrorText } from '../../components/Status';
import { errorMessage } from '../../api/errors';
import { justeringStrings as s } from './strings';

interface Slot {
  slotIndex: number;
  tokenLabel: string;
  tokenSerial: string;
  manufacturer: string;
  hasToken: boolean;
}

export function SlotPicker({ moduleId, value, onChange }: { moduleId: string; value: string; onChange: (serial: string) => void }) {
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function load() {
    setBusy(true);
    setError(null);
    try {
      const r = await api.call('justering.pkcs11Slots', { moduleId });
      setSlots(r.slots);
      const first = r.slots.find((x) => x.hasToken);
      onChange(first?.tokenSerial ?? '');
    } catch (e) {
      setSlots(null);
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const withToken = slots?.filter((x) => x.hasToken) ?? [];
  return (
    <div className="field">
      <div>
        <button type="button" className="secondary" disabled={busy || moduleId === ''} onClick={() => void load()}>
          {s.sign.showSlots}
        </button>
      </div>
      {error !== null && <ErrorText message={error} />}
      {slots !== null && (
        <fieldset>
          <legend>{s.sign.slotsLegend}</legend>
          {withToken.length === 0 && <p role="status">{s.sign.noSlots}</p>}
          {withToken.map((slot) => (
            <label key={slot.slotIndex} className="inline-check">
              <input type="radio" name="pkcs11-slot" value={slot.tokenSerial} checked={value === slot.tokenSerial} onChange={() => onChange(slot.tokenSerial)} />
              {s.sign.slotLabel(slot.tokenLabel, slot.tokenSerial, slot.manufacturer)}
            </label>
          ))}
          {slots
            .filter((x) => !x.hasToken)
            .map((slot) => (
              <p key={slot.slotIndex} className="muted">
                {s.sign.slotEmpty(slot.slotIndex)}
              </p>
            ))}
        </fieldset>
      )}
    </div>
  );
}
