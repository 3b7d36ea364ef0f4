import { redactUrl, requestIdFrom } from '../../src/middlewares/request-log';

describe('the request log line', () => {
  test('leaves out the token of a withdrawal link and of an export download, keeping the rest', () => {
    expect(redactUrl('/widerruf?token=eyJhbGciOi.abc-_123')).toBe('/widerruf?token=[redacted]');
    expect(redactUrl('/reports/exports/7/download?lang=de&token=s3cr3t#x')).toBe('/reports/exports/7/download?lang=de&token=[redacted]#x');
    expect(redactUrl('/api/v1/stories?region=goettingen&apiKey=zm_live_abc')).toBe('/api/v1/stories?region=goettingen&apiKey=[redacted]');
  });

  test('keeps URLs without credentials as they are', () => {
    expect(redactUrl('/api/v1/stories?region=goettingen&tokenized=1')).toBe('/api/v1/stories?region=goettingen&tokenized=1');
  });

  test('keeps a well-formed X-Request-Id and replaces one that could break a log line', () => {
    expect(requestIdFrom('caddy-4f1c2a/7')).toBe('caddy-4f1c2a/7');
    for (const bad of ['two words', 'line\nbreak', '"quoted"', 'x'.repeat(129), ''])
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(requestIdFrom(undefined)).not.toBe(requestIdFrom(undefined));
  });
});
