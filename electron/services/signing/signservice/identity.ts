// Whether an identity value from the signing service (a SAML attribute or the certificate
// subject's serialNumber) is the expected person's personnummer. Kept in one place so that it
// switches to the trust store's identity model (issue 13) when that lands.

/** Twelve digits, from "197001012391", "19700101-2391", "SE197001012391" or "PNOSE-197001012391". */
export function personnummerOf(value: string): string | undefined {
  const v = value
    .trim()
    .toUpperCase()
    .replace(/^PNOSE-/, '')
    .replace(/^SE/, '')
    .replace(/-/g, '');
  return /^\d{12}$/.test(v) ? v : undefined;
}

export function identityMatches(expectedPersonnummer: string, presented: string): boolean {
  const a = personnummerOf(expectedPersonnummer);
  const b = personnummerOf(presented);
  return a !== undefined && a === b;
}
