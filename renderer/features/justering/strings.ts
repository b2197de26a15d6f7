// The justering screens' texts live in the typed catalogue (renderer/i18n/justering.ts).
export { justeringStrings } from '../../i18n/justering';
