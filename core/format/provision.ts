// Secrecy provisions of Offentlighets- och sekretesslagen (2009:400), written "N kap. N §".
import { z } from 'zod';
import { OSL_PROVISION_PATTERN } from './provision-pattern';

export { OSL_PROVISION_PATTERN };

export const oslProvisionSchema = z.string().regex(OSL_PROVISION_PATTERN, 'Ange sekretessbestämmelsen i formen "N kap. N §", till exempel "21 kap. 7 §" eller "26 kap. 1 § första stycket".');

/** Provisions a secretary most often needs; the picker offers these and free text. */
export const commonOslProvisions: readonly { provision: string; label: string }[] = [
  { provision: '21 kap. 1 §', label: 'Uppgift om hälsa eller sexualliv' },
  { provision: '21 kap. 3 §', label: 'Skyddad identitet och adress' },
  { provision: '21 kap. 7 §', label: 'Personuppgift vars utlämnande strider mot dataskyddslagstiftningen' },
  { provision: '19 kap. 1 §', label: 'Myndighetens affärsverksamhet' },
  { provision: '19 kap. 3 §', label: 'Upphandling' },
  { provision: '31 kap. 16 §', label: 'Enskilds affärs- eller driftförhållanden vid upphandling' },
  { provision: '26 kap. 1 §', label: 'Socialtjänst' },
  { provision: '23 kap. 1 §', label: 'Förskola och skola' },
  { provision: '25 kap. 1 §', label: 'Hälso- och sjukvård' },
  { provision: '39 kap. 3 §', label: 'Personalutredning' },
  { provision: '18 kap. 8 §', label: 'Säkerhets- och bevakningsåtgärder' },
];

/** How a provision is shown in documents and in masked text. */
export function oslLabel(provision: string): string {
  return `${provision} OSL`;
}
