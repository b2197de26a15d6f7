// The form of an OSL provision, without zod: for code that only tests a string (the editor's paste
// reader) and must not pull the schema library into the first screen's bundle.

/** "21 kap. 7 §", "26 kap. 1 §", "31 kap. 16 § första stycket", "39 kap. 3 a §". */
export const OSL_PROVISION_PATTERN = /^\d{1,2} kap\. \d{1,3}(?: [a-z])? §(?: (?:första|andra|tredje|fjärde|femte|sjätte) stycket)?$/;
