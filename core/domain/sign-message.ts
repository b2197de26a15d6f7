// The sign message a signing service shows the signer before they sign with their e-ID
// (csig SignMessage, MustShow): what is being signed, in the signer's words.

/** "Socialnämndens" – a board's name in the genitive. */
function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}

/** "Jag justerar protokollet från Socialnämndens sammanträde 2027-03-18, §§ 12–16". */
export function justeringSignMessage(boardName: string, meetingDate: string, paragraphs: string): string {
  return `Jag justerar protokollet från ${genitive(boardName)} sammanträde ${meetingDate}, ${paragraphs}`;
}

/** The clerk's and secretary's documents (tillkännagivande, anslagsbevis, protokollsutdrag), by document kind. */
export function documentSignMessage(kind: string, boardName: string, meetingDate: string): string {
  const from = `protokollet från ${genitive(boardName)} sammanträde ${meetingDate}`;
  switch (kind) {
    case 'anslagsbevis':
      return `Jag skriver under anslagsbeviset för ${from}`;
    case 'extract':
      return `Jag bestyrker protokollsutdraget ur ${from}`;
    default:
      return `Jag skriver under tillkännagivandet om justering av ${from}`;
  }
}
