/**
 * Which partner's link brought a person to /mitmachen: the `quelle` of `/mitmachen?quelle=…`, carried by the form in a
 * hidden field and stored on the submission, so the reports can count submissions per partner without a cookie, a
 * stored address or anything kept in the browser.
 */

export const REFERRAL_SOURCE_MAX = 64;
const REFERRAL_SOURCE = new RegExp(`^[a-z0-9_.-]{1,${REFERRAL_SOURCE_MAX}}$`);

/**
 * The source as a short lower-case slug, or undefined. The value comes from a link a partner built, not from the
 * person who fills in the form, so an invalid one is dropped instead of refused: they could not correct it, and
 * their story must not fail over it.
 */
export function referralSourceOf(value: unknown): string | undefined {
  const given = Array.isArray(value) ? value[value.length - 1] : value;
  if (typeof given !== 'string') return undefined;
  const normalised = given.trim().toLowerCase();
  return REFERRAL_SOURCE.test(normalised) ? normalised : undefined;
}
