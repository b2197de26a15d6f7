// The English catalogue: the second language, complete for every Swedish key (a missing key is
// a type error). Swedish legal terms are glossed where English would blur them.
export { enTexts as en } from './en-texts';
