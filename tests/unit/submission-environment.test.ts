import { parseEnvironment } from '../../src/environment';
import { testEnvironment } from '../support/test-env';

/** The submission and mail settings, checked at start-up with messages that say what to do. */

const parse = (extra: Record<string, string | undefined>) => parseEnvironment({ ...testEnvironment(), ...extra });

test('defaults suit phone videos and a local set-up without mail server', () => {
  const env = parse({});
  expect(env.SUBMISSION_MAX_VIDEO_MB).toBe(2048);
  expect(env.SUBMISSION_VIDEO_TYPES).toEqual(['mp4', 'mov', 'webm', '3gp', 'm4v', 'mkv']);
  expect(env.SUBMISSION_RATE_LIMIT_PER_HOUR).toBe(20);
  expect(env.UPLOAD_TMP_DIR).toBe('.tmp/uploads');
  expect(env.CONSENT_LINK_VALID_DAYS).toBe(1095);
  expect(env.SMTP_HOST).toBeUndefined();
  expect(env.MAIL_RETRY_HOURS).toBe(72);
});

test('video formats are a comma list of known formats', () => {
  expect(parse({ SUBMISSION_VIDEO_TYPES: ' MP4, .mov ,mp4' }).SUBMISSION_VIDEO_TYPES).toEqual(['mp4', 'mov']);
  expect(() => parse({ SUBMISSION_VIDEO_TYPES: 'mp4,avi' })).toThrow(/SUBMISSION_VIDEO_TYPES: unknown format avi; choose from mp4, mov/);
});

test('an SMTP server needs a sender and the office address; a user needs a password', () => {
  expect(() => parse({ SMTP_HOST: 'smtp.example.org' })).toThrow(/EMAIL_FROM is missing[\s\S]*OFFICE_EMAIL is missing/);
  expect(() =>
    parse({ SMTP_HOST: 'smtp.example.org', EMAIL_FROM: 'Redaktion <mitmachen@example.org>', OFFICE_EMAIL: 'buero@example.org', SMTP_USER: 'me' })
  ).toThrow(/SMTP_PASSWORD is missing/);
  expect(() => parse({ EMAIL_FROM: 'Redaktion' })).toThrow(/EMAIL_FROM must be an e-mail address/);
  expect(
    parse({ SMTP_HOST: 'smtp.example.org', SMTP_PORT: '465', SMTP_SECURE: 'true', EMAIL_FROM: 'a@example.org', OFFICE_EMAIL: 'b@example.org' })
  ).toMatchObject({
    SMTP_PORT: 465,
    SMTP_SECURE: true,
  });
});

test('limits, the partner secret and the link validity are named when wrong', () => {
  expect(() => parse({ SUBMISSION_MAX_VIDEO_MB: 'viel' })).toThrow(/SUBMISSION_MAX_VIDEO_MB must be a whole number of megabytes/);
  expect(() => parse({ SUBMISSION_RATE_LIMIT_PER_HOUR: '-1' })).toThrow(/SUBMISSION_RATE_LIMIT_PER_HOUR must be at least 0/);
  expect(() => parse({ SUBMISSION_PARTNER_SECRET: 'kurz' })).toThrow(/SUBMISSION_PARTNER_SECRET is too short/);
  expect(() => parse({ CONSENT_LINK_VALID_DAYS: '0' })).toThrow(/CONSENT_LINK_VALID_DAYS must be at least 1 days/);
  expect(() => parse({ MAIL_RETRY_HOURS: '0' })).toThrow(/MAIL_RETRY_HOURS must be at least 1 hours/);
  expect(() => parse({ MAIL_RETRY_HOURS: 'lange' })).toThrow(/MAIL_RETRY_HOURS must be a whole number of hours/);
});
