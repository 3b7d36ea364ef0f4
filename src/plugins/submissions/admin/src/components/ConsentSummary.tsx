import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { useTimeFormat } from '../../../../../shared/admin';
import { useT } from '../translate';
import { SCOPE_KEY } from './labels';
import type { ConsentView, WithdrawalScope } from '../api';

const WITHDRAWALS: [WithdrawalScope, keyof ConsentView][] = [
  ['all', 'withdrawnAt'],
  ['website', 'websiteWithdrawnAt'],
  ['youtube', 'youtubeWithdrawnAt'],
  ['social', 'socialWithdrawnAt'],
];

/** The consent record as an editor checks it: who, when, which text, the statements, each person shown, withdrawals. */
export function ConsentSummary({ consent }: { consent: ConsentView | null }) {
  const t = useT();
  const format = useTimeFormat();
  if (!consent) return <Typography textColor="danger600">{t('review.detail.noConsent')}</Typography>;
  const answer = (value: boolean | null | undefined) => t(value ? 'review.yes' : 'review.no');
  const people = consent.people ?? [];
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="review-consent">
      <Typography>
        {t('review.consent.by', { name: consent.consentedBy || '–', date: consent.consentedAt ? format.dateTime(consent.consentedAt) : '–' })}
      </Typography>
      <Typography>{t('review.consent.version', { version: consent.textVersion || '–' })}</Typography>
      <Typography variant="pi" textColor="neutral700">
        {t('review.consent.statements', {
          people: answer(consent.peopleAgreed),
          rights: answer(consent.rightsConfirmed),
          terms: answer(consent.termsAccepted),
          privacy: answer(consent.privacyAccepted),
        })}
      </Typography>
      {consent.signedForm && (
        <Link href={consent.signedForm.url} isExternal>
          {t('review.consent.form')}: {consent.signedForm.name}
        </Link>
      )}
      {WITHDRAWALS.filter(([, field]) => consent[field]).map(([scope, field]) => (
        <Typography key={scope} textColor="danger600" fontWeight="bold">
          {t('review.consent.withdrawn', { scope: t(SCOPE_KEY[scope]), date: format.dateTime(String(consent[field])) })}
        </Typography>
      ))}
      <Box>
        <Typography variant="sigma" textColor="neutral600" tag="h3">
          {t('review.detail.people')}
        </Typography>
        {people.length === 0 ? (
          <Typography textColor="neutral600">{t('review.detail.noPeople')}</Typography>
        ) : (
          <Flex tag="ul" direction="column" alignItems="stretch" gap={2} paddingTop={1}>
            {people.map((person, index) => (
              <li key={`${person.nameOrRole}-${index}`}>
                <Typography fontWeight="bold">{person.nameOrRole}</Typography>{' '}
                <Typography variant="pi">
                  {person.minor ? `${t('review.person.minor')}${person.aged14OrOver ? `, ${t('review.person.aged14')}` : ''}` : t('review.person.adult')}
                </Typography>
                {person.minor && (
                  <Typography tag="p" variant="pi">
                    {t('review.person.guardians', { names: person.guardians || '–' })} · {t('review.person.guardianConsent', { answer: answer(person.guardianConsent) })}
                    {person.aged14OrOver && ` · ${t('review.person.ownConsent', { answer: answer(person.ownConsent) })}`}
                  </Typography>
                )}
                <Typography tag="p" variant="pi" textColor="neutral600">
                  {t('review.person.channels', { website: answer(person.channelWebsite), youtube: answer(person.channelYoutube), social: answer(person.channelSocial) })}
                </Typography>
              </li>
            ))}
          </Flex>
        )}
      </Box>
    </Flex>
  );
}
