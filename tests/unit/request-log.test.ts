import { redactUrl } from '../../src/middlewares/request-log';

describe('the request log line', () => {
  test('leaves out the token of a withdrawal link and of an export download, keeping the rest', () => {
    expect(redactUrl('/widerruf?token=eyJhbGciOi.abc-_123')).toBe('/widerruf?token=[redacted]');
    expect(redactUrl('/youtube-sync/reports/exports/7/download?lang=de&token=s3cr3t#x')).toBe('/youtube-sync/reports/exports/7/download?lang=de&token=[redacted]#x');
    expect(redactUrl('/api/v1/stories?region=goettingen&apiKey=zm_live_abc')).toBe('/api/v1/stories?region=goettingen&apiKey=[redacted]');
  });

  test('keeps URLs without credentials as they are', () => {
    expect(redactUrl('/api/v1/stories?region=goettingen&tokenized=1')).toBe('/api/v1/stories?region=goettingen&tokenized=1');
  });
});
