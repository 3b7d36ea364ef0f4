import crypto from 'crypto';

/**
 * The number a submitter quotes on the phone or in a mail: "ZM-2026-4F7K2Q". Six characters from an alphabet
 * without look-alikes (no O, I, L, S, B, 0, 1, 8) leave about 480 million numbers a year; the year helps the office.
 */
export const REFERENCE_ALPHABET = '2345679ACDEFGHJKMNPQRTUVWXYZ';
const LENGTH = 6;

export const REFERENCE_PATTERN = new RegExp(`^ZM-\\d{4}-[${REFERENCE_ALPHABET}]{${LENGTH}}$`);

export function newReferenceNumber(now: Date, randomBytes: (n: number) => Buffer = crypto.randomBytes): string {
  // Rejection sampling keeps every character equally likely (256 is not a multiple of the alphabet's size).
  const limit = 256 - (256 % REFERENCE_ALPHABET.length);
  let code = '';
  while (code.length < LENGTH) {
    for (const byte of randomBytes(LENGTH * 2)) {
      if (byte < limit && code.length < LENGTH) code += REFERENCE_ALPHABET[byte % REFERENCE_ALPHABET.length];
    }
  }
  return `ZM-${now.getUTCFullYear()}-${code}`;
}
