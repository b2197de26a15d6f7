// The signature fields of Justera's documents by the role they belong to, as users know them:
// "sig-justerare-1" is "justerare 1", never the field's name.
const NAMES: Record<string, string> = {
  'sig-sekreterare': 'sekreterare',
  'sig-ordforande': 'ordförande',
  'sig-anslag': 'bestyrkande av anslaget',
  'sig-anslagsbevis': 'anslagsbevis',
  'sig-utdragsbestyrkande': 'utdragsbestyrkande',
};

/** "sekreterare", "ordförande", "justerare 2", "anslagsbevis" …; "underskrift" for an unknown field. */
export function signatureFieldName(field: string): string {
  const known = NAMES[field];
  if (known !== undefined) return known;
  const m = /^sig-justerare-(\d+)$/.exec(field);
  if (m) return `justerare ${m[1]}`;
  return 'underskrift';
}
