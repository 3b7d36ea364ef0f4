import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import {
  verifyWithdrawalToken,
  withdrawalLink,
  withdrawalToken,
  WithdrawalTokenError,
} from '../../src/plugins/submissions/server/src/intake/withdrawal-token';

/**
 * Just what the token module reads: the encryption key and the validity from the configuration, the public address
 * from the stories' site service.
 */
function fakeStrapi(encryptionKey = 'test-encryption-key-0123456789', validDays = 1095): Core.Strapi {
  const config: Record<string, unknown> = {
    'admin.secrets.encryptionKey': encryptionKey,
    'plugin::submissions': { submissions: { consentLinkValidDays: validDays } },
  };
  const site = { publicUrl: () => 'https://zusammen-mehr.example' };
  const plugin = (name: string) => ({ service: (service: string) => (name === 'stories' && service === 'site' ? site : undefined) });
  return { config: { get: (key: string) => config[key] }, plugin } as unknown as Core.Strapi;
}

const strapi = fakeStrapi();
const story = { documentId: 'abc123documentid4567xyz', referenceNumber: 'ZM-2026-4F7K2Q', version: 2 };
const now = new Date('2026-11-29T10:00:00Z');
const DAY = 24 * 3600 * 1000;

function reason(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WithdrawalTokenError);
    return (error as WithdrawalTokenError).reason;
  }
  throw new Error('expected a WithdrawalTokenError');
}

describe('the personal withdrawal link', () => {
  test('is an address of the public site whose token names the story and its reference number', () => {
    const link = withdrawalLink(strapi, story, now);
    expect(link).toMatch(/^https:\/\/zusammen-mehr\.example\/widerruf\?token=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const token = new URL(link).searchParams.get('token')!;
    expect(verifyWithdrawalToken(strapi, token, now)).toEqual(story);
  });

  test('stays valid for the configured number of days, and then expires', () => {
    const token = withdrawalToken(fakeStrapi(undefined, 30), story, now);
    expect(verifyWithdrawalToken(strapi, token, new Date(now.getTime() + 29 * DAY))).toEqual(story);
    expect(reason(() => verifyWithdrawalToken(strapi, token, new Date(now.getTime() + 30 * DAY)))).toBe('expired');
  });

  test('a changed story, reference, link version or expiry makes the token invalid', () => {
    const [payload, signature] = withdrawalToken(strapi, story, now).split('.');
    const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString());
    for (const change of [{ d: 'someone-elses-document' }, { r: 'ZM-2026-AAAAAA' }, { n: 3 }, { e: decoded.e + 365 * 86400 }]) {
      const forged = Buffer.from(JSON.stringify({ ...decoded, ...change })).toString('base64url');
      expect(reason(() => verifyWithdrawalToken(strapi, `${forged}.${signature}`, now))).toBe('invalid');
    }
  });

  test('a link sent before links had versions counts as version 0', () => {
    const key = Buffer.from(crypto.hkdfSync('sha256', 'test-encryption-key-0123456789', 'zusammen-mehr', 'withdrawal-link v1', 32));
    const legacy = Buffer.from(JSON.stringify({ v: 1, d: story.documentId, r: story.referenceNumber, e: Math.floor(now.getTime() / 1000) + 86400 })).toString('base64url');
    const token = `${legacy}.${crypto.createHmac('sha256', key).update(legacy).digest('base64url')}`;
    expect(verifyWithdrawalToken(strapi, token, now)).toEqual({ ...story, version: 0 });
  });

  test('a token signed with another key, a cut signature or garbage is invalid', () => {
    const token = withdrawalToken(fakeStrapi('another-encryption-key-987654'), story, now);
    expect(reason(() => verifyWithdrawalToken(strapi, token, now))).toBe('invalid');
    const own = withdrawalToken(strapi, story, now);
    for (const bad of [own.slice(0, -2), own.replace('.', ''), `${own}.x`, '', 'not-a-token', '.', 'e30.e30']) {
      expect(reason(() => verifyWithdrawalToken(strapi, bad, now))).toBe('invalid');
    }
  });
});
