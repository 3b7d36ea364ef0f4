import crypto from 'crypto';
import sharp from 'sharp';
import request from 'supertest';

/**
 * Files and requests for the submission API tests: small files whose bytes are what their names say (or, for the
 * spoofing tests, are not), and a valid submission to vary one field at a time.
 */

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

/** An ISO-BMFF file as phones write them: an `ftyp` box (brand isom = MP4, qt = QuickTime) and media data. */
export function videoBytes(size = 96 * 1024, brand: 'isom' | 'qt  ' = 'isom'): Buffer {
  const ftyp = Buffer.concat([u32(24), Buffer.from('ftyp'), Buffer.from(brand), u32(0x200), Buffer.from(brand), Buffer.from('mp42')]);
  const payload = size - ftyp.length - 8;
  return Buffer.concat([ftyp, u32(payload + 8), Buffer.from('mdat'), crypto.randomBytes(payload)]);
}

export const pdfBytes = () => Buffer.concat([Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'), crypto.randomBytes(2048)]);

export async function jpegBytes(width = 640, height = 360, colour = '#003a70'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .jpeg()
    .toBuffer();
}

export async function pngBytes(width = 320, height = 200): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#ffd200' } })
    .png()
    .toBuffer();
}

/** The start of an iPhone photo: an ISO-BMFF `ftyp` box with the brand heic. */
export const heicBytes = () => Buffer.concat([u32(24), Buffer.from('ftypheic'), u32(0), Buffer.from('mif1heic'), crypto.randomBytes(4096)]);

export const vttBytes = (text = 'Ich heiße Amal.') => Buffer.from(`WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n${text}\n`, 'utf8');
export const srtBytes = (text = 'Ich heiße Amal.') => Buffer.from(`1\n00:00:01,000 --> 00:00:04,000\n${text}\n`, 'utf8');

export interface PersonFields {
  nameOrRole: string;
  minor?: boolean;
  aged14OrOver?: boolean;
  guardians?: string;
  guardianConsent?: boolean;
  ownConsent?: boolean;
  channelWebsite?: boolean;
  channelYoutube?: boolean;
  channelSocial?: boolean;
}

export const adult = (nameOrRole: string): PersonFields => ({ nameOrRole, channelWebsite: true, channelYoutube: true });

/** Every required field, valid, for a written story (no video); tests add or change what they are about. */
export function writtenStory(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Amal lernt Pflege in Göttingen',
    story:
      'Vor drei Jahren kam ich nach Göttingen. Heute mache ich eine Ausbildung zur Pflegefachfrau.\n\nMeine Kolleginnen haben mir viel geholfen.',
    name: 'Amal Haddad',
    email: 'amal.haddad@example.org',
    phone: '+49 551 123456',
    region: 'goettingen',
    themes: ['ausbildung', 'arbeit'],
    credit: 'full',
    consentPeople: true,
    consentPrivacy: true,
    acceptTerms: true,
    ...overrides,
  };
}

type Value = string | number | boolean | unknown[] | Record<string, unknown> | undefined;

/** The same submission as multipart form fields: booleans as "on", lists as repeated fields, people as JSON. */
export function asFormFields(test: request.Test, fields: Record<string, Value>): request.Test {
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (name === 'people') test.field(name, JSON.stringify(value));
    else if (Array.isArray(value)) for (const item of value) test.field(name, String(item));
    else if (value === true) test.field(name, 'on');
    else test.field(name, String(value));
  }
  return test;
}
