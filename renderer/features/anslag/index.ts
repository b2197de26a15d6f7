// The clerk's feature (anslag, anslagstavla, uppföljning): what the app's router and menu need.
export { AnslagPage } from './AnslagPage';
export { anslagStrings } from './strings';

/** The hash route the page lives under: "#/anslag". */
export const ANSLAG_PATH = '/anslag';
