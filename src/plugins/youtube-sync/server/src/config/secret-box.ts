import crypto from 'crypto';

/**
 * AES-256-GCM for the secrets the plugin keeps in the database (OAuth client secret, refresh token, PKCE
 * verifier). The key is derived from YOUTUBE_TOKEN_KEY (or ENCRYPTION_KEY) with HKDF, so a database dump alone
 * reveals nothing. A sealed value names the key it was sealed with, so a changed key is reported as such
 * instead of as corrupt data.
 */
const VERSION = 'v1';

class SecretKeyMismatch extends Error {
  constructor(readonly sealedWith: string) {
    super(`the stored YouTube credentials were encrypted with another key (${sealedWith}); set the old YOUTUBE_TOKEN_KEY again or reconnect the channel`);
    this.name = 'SecretKeyMismatch';
  }
}

const b64 = (buffer: Buffer) => buffer.toString('base64url');

export function createSecretBox(keyMaterial: string) {
  const key = Buffer.from(crypto.hkdfSync('sha256', keyMaterial, 'zusammen-mehr', 'youtube-sync credentials', 32));
  const keyId = crypto.createHash('sha256').update(key).digest('hex').slice(0, 8);

  function seal(plain: string): string {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, keyId, b64(iv), b64(body), b64(cipher.getAuthTag())].join('.');
  }

  function open(sealed: string): string {
    const [version, sealedWith, iv, body, tag] = sealed.split('.');
    if (version !== VERSION || !iv || body === undefined || !tag) throw new Error('a stored YouTube secret is not in the expected format');
    if (sealedWith !== keyId) throw new SecretKeyMismatch(sealedWith);
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new Error('a stored YouTube secret failed its integrity check (altered in the database?)');
    }
  }

  return { seal, open, keyId };
}

export type SecretBox = ReturnType<typeof createSecretBox>;
