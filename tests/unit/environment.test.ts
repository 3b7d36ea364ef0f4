import { ConfigurationError, parseEnvironment } from '../../src/environment';
import { testEnvironment } from '../support/test-env';

describe('configuration checked at start-up', () => {
  test('a complete environment is accepted with defaults filled in', () => {
    const env = parseEnvironment(testEnvironment());
    expect(env.PORT).toBe(1337);
    expect(env.DATABASE_CLIENT).toBe('sqlite');
    expect(env.APP_KEYS).toHaveLength(2);
  });

  test.each(['APP_KEYS', 'ADMIN_JWT_SECRET', 'API_TOKEN_SALT', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'])(
    'a missing %s stops start-up with a message naming it',
    (name) => {
      const env = { ...testEnvironment(), [name]: undefined };
      expect(() => parseEnvironment(env)).toThrow(ConfigurationError);
      expect(() => parseEnvironment(env)).toThrow(new RegExp(`${name} is missing`));
    }
  );

  test('a placeholder secret is refused', () => {
    expect(() => parseEnvironment({ ...testEnvironment(), JWT_SECRET: 'toBeModified1234567890' })).toThrow(/JWT_SECRET still holds a placeholder/);
    expect(() => parseEnvironment({ ...testEnvironment(), JWT_SECRET: 'xxxxxxxxxxxxxxxxxxxx' })).toThrow(/JWT_SECRET still holds a placeholder/);
  });

  test('a random secret that merely begins like a placeholder is accepted', () => {
    for (const value of ['XxX9fQ2kLmN0pR7sT4vW8yZ1', 'SecretA1b2C3d4E5f6G7h8I9', 'changemeQ2kLmN0pR7sT4vW8'])
      expect(() => parseEnvironment({ ...testEnvironment(), ADMIN_JWT_SECRET: value })).not.toThrow();
  });

  test('private media may not be kept where public/ serves everything', () => {
    for (const dir of ['public/private', './public', 'public'])
      expect(() => parseEnvironment({ ...testEnvironment(), PRIVATE_MEDIA_DIR: dir })).toThrow(/PRIVATE_MEDIA_DIR must lie outside public\//);
    expect(parseEnvironment({ ...testEnvironment(), PRIVATE_MEDIA_DIR: 'database/private-media' }).PRIVATE_MEDIA_DIR).toBe('database/private-media');
    expect(parseEnvironment(testEnvironment())).toMatchObject({ PRIVATE_MEDIA_DIR: '.tmp/private-media', PRIVATE_MEDIA_LINK_MINUTES: 60, PUBLIC_ORIGINAL_VIDEO: false });
  });

  test('a short secret is refused', () => {
    expect(() => parseEnvironment({ ...testEnvironment(), ADMIN_JWT_SECRET: 'short' })).toThrow(/ADMIN_JWT_SECRET is too short/);
  });

  test('a malformed port and database client are named', () => {
    expect(() => parseEnvironment({ ...testEnvironment(), PORT: 'eighty' })).toThrow(/PORT must be a port number/);
    expect(() => parseEnvironment({ ...testEnvironment(), DATABASE_CLIENT: 'mysql' })).toThrow(/DATABASE_CLIENT must be "sqlite"/);
  });

  test('every problem is listed at once', () => {
    try {
      parseEnvironment({ PORT: '1337' });
      throw new Error('expected a ConfigurationError');
    } catch (error) {
      expect((error as ConfigurationError).problems.length).toBeGreaterThanOrEqual(6);
    }
  });

  test('a weak admin password is refused before Strapi would reject it', () => {
    expect(() => parseEnvironment({ ...testEnvironment(), ADMIN_PASSWORD: 'password' })).toThrow(/ADMIN_PASSWORD needs an upper-case letter/);
  });

  test('object storage needs two different buckets and both access keys or neither', () => {
    const s3 = { ...testEnvironment(), STORAGE_DRIVER: 's3' };
    expect(() => parseEnvironment(s3)).toThrow(/S3_BUCKET is missing: with STORAGE_DRIVER=s3/);
    expect(() => parseEnvironment(s3)).toThrow(/S3_PRIVATE_BUCKET is missing/);
    expect(() => parseEnvironment({ ...s3, S3_BUCKET: 'media', S3_PRIVATE_BUCKET: 'media' })).toThrow(/S3_PRIVATE_BUCKET must differ from S3_BUCKET/);
    expect(() => parseEnvironment({ ...s3, S3_BUCKET: 'Media_Files', S3_PRIVATE_BUCKET: 'private' })).toThrow(/S3_BUCKET must be a bucket name/);
    expect(() => parseEnvironment({ ...s3, S3_BUCKET: 'media', S3_PRIVATE_BUCKET: 'private', S3_ACCESS_KEY_ID: 'key' })).toThrow(/S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together/);
    expect(() => parseEnvironment({ ...testEnvironment(), STORAGE_DRIVER: 'minio' })).toThrow(/STORAGE_DRIVER must be "local"/);
    expect(parseEnvironment({ ...s3, S3_BUCKET: 'media', S3_PRIVATE_BUCKET: 'private' })).toMatchObject({ STORAGE_DRIVER: 's3', S3_REGION: 'us-east-1', S3_FORCE_PATH_STYLE: false });
    expect(parseEnvironment(testEnvironment()).STORAGE_DRIVER).toBe('local');
  });

  test('the shutdown time, the metrics access and the log format are checked with messages naming the variable', () => {
    expect(parseEnvironment(testEnvironment())).toMatchObject({ SHUTDOWN_TIMEOUT_SECONDS: 25, METRICS_ALLOW: ['127.0.0.1', '::1'], LOG_FORMAT: 'text' });
    expect(() => parseEnvironment({ ...testEnvironment(), SHUTDOWN_TIMEOUT_SECONDS: '0' })).toThrow(/SHUTDOWN_TIMEOUT_SECONDS must be at least 1 seconds/);
    expect(() => parseEnvironment({ ...testEnvironment(), SHUTDOWN_TIMEOUT_SECONDS: 'soon' })).toThrow(/SHUTDOWN_TIMEOUT_SECONDS must be a whole number of seconds/);
    expect(() => parseEnvironment({ ...testEnvironment(), METRICS_ALLOW: '10.0.0.0/33' })).toThrow(/METRICS_ALLOW: "10.0.0.0\/33" has a prefix length outside 0–32/);
    expect(() => parseEnvironment({ ...testEnvironment(), METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN is too short/);
    expect(() => parseEnvironment({ ...testEnvironment(), LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT must be "text" \(default\) or "json"/);
    expect(parseEnvironment({ ...testEnvironment(), METRICS_ALLOW: 'none', LOG_FORMAT: 'json' })).toMatchObject({ METRICS_ALLOW: [], LOG_FORMAT: 'json' });
  });
});
