// The clerk's screens' texts live in the typed catalogue (renderer/i18n/anslag.ts).
export { anslagStrings } from '../../i18n/anslag';
