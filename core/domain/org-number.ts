// Swedish organisation numbers (NNNNNN-NNNN): the last digit is a Luhn check digit over the
// first nine, as Skatteverket assigns them. One check for every entrance (UI, HTTP, CLI, import).

/** True when the ten digits pass the Luhn check (weights 2,1,2,1,… from the left). */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

export const ORG_NUMBER_FORMAT = /^\d{6}-\d{4}$/;

/** "212000-2627" is valid; a wrong check digit or another form is not. */
export function isValidOrgNumber(value: string): boolean {
  return ORG_NUMBER_FORMAT.test(value) && luhnValid(value.replace('-', ''));
}

export const ORG_NUMBER_FORMAT_MESSAGE = 'Organisationsnummer skrivs NNNNNN-NNNN, t.ex. 212000-2627.';
export const ORG_NUMBER_CHECK_MESSAGE = 'Organisationsnumret stämmer inte: kontrollsiffran (den sista) är fel. Kontrollera numret mot registreringsbeviset.';
