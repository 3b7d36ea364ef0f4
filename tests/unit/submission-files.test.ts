import fs from 'fs';
import os from 'os';
import path from 'path';
import { captionFormatOf, checkCaptions, checkCover, checkVideo } from '../../src/plugins/submissions/server/src/intake/file-checks';
import { newReferenceNumber, REFERENCE_PATTERN } from '../../src/plugins/submissions/server/src/intake/reference-number';
import { UploadStore } from '../../src/plugins/submissions/server/src/intake/upload-store';
import { heicBytes, jpegBytes, pdfBytes, pngBytes, srtBytes, videoBytes, vttBytes } from '../support/submission';

/** What a file is, read from its bytes; the resumable-upload folder; reference numbers. */

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zm-submission-files-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function onDisk(name: string, bytes: Buffer) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return { path: file, name, size: bytes.length };
}

const MB = 1024 * 1024;

describe('files are what their bytes say', () => {
  test('an MP4 is a video whatever it is called; a PDF called .mp4 is not', async () => {
    expect((await checkVideo('video', onDisk('clip.dat', videoBytes()), MB, ['mp4'])).file).toMatchObject({ mime: 'video/mp4', ext: 'mp4' });
    expect((await checkVideo('video', onDisk('clip.mp4', pdfBytes()), MB, ['mp4'])).error?.path).toEqual(['video']);
  });

  test('a QuickTime video is refused when only MP4 is configured', async () => {
    const check = await checkVideo('video', onDisk('clip.mov', videoBytes(64 * 1024, 'qt  ')), MB, ['mp4']);
    expect(check.error?.message).toContain('(MP4)');
  });

  test('sizes are checked before the bytes: too large is marked for a 413', async () => {
    const check = await checkVideo('videoUpload', onDisk('big.mp4', videoBytes(2 * MB)), MB, ['mp4']);
    expect(check).toMatchObject({ tooLarge: true, error: { path: ['videoUpload'] } });
  });

  test('JPEG and PNG covers pass, HEIC is refused with a hint, a PDF plainly', async () => {
    expect((await checkCover(onDisk('a', await jpegBytes()), MB)).file).toMatchObject({ mime: 'image/jpeg', ext: 'jpg' });
    expect((await checkCover(onDisk('b.jpg', await pngBytes()), MB)).file).toMatchObject({ mime: 'image/png', ext: 'png' });
    expect((await checkCover(onDisk('c.jpg', heicBytes()), MB)).error?.message).toContain('HEIC');
    expect((await checkCover(onDisk('d.jpg', pdfBytes()), MB)).error?.message).toContain('JPEG, PNG oder WebP');
  });

  test('captions are WebVTT or SubRip by their structure, with or without BOM and Windows line breaks', async () => {
    expect(captionFormatOf(vttBytes())).toBe('vtt');
    expect(captionFormatOf(srtBytes())).toBe('srt');
    expect(captionFormatOf(Buffer.from('\uFEFFWEBVTT - Deutsch\r\n\r\n00:01.000 --> 00:04.000\r\nHallo\r\n'))).toBe('vtt');
    expect(captionFormatOf(Buffer.from('\n\n1\r\n00:00:01,000 --> 00:00:04,000\r\nHallo\r\n'))).toBe('srt');
    expect(captionFormatOf(Buffer.from('WEBVTT\n\nkeine Zeiten\n'))).toBeUndefined();
    expect(captionFormatOf(Buffer.from('Hallo, das ist nur Text.'))).toBeUndefined();
    expect(captionFormatOf(Buffer.concat([vttBytes(), Buffer.from([0])]))).toBeUndefined();
    expect((await checkCaptions(onDisk('x.vtt', srtBytes()))).file).toMatchObject({ mime: 'application/x-subrip', ext: 'srt' });
  });
});

describe('the resumable-upload folder', () => {
  const id = (n: number) => n.toString(16).padStart(32, '0');

  function upload(n: number, size: number, written: number, createdAt: Date) {
    fs.writeFileSync(path.join(dir, id(n)), Buffer.alloc(written));
    fs.writeFileSync(
      path.join(dir, `${id(n)}.json`),
      JSON.stringify({ id: id(n), size, creation_date: createdAt.toISOString(), metadata: { filename: 'a.mp4' } })
    );
  }

  test('tells finished from incomplete and unknown uploads, and expiry from life', async () => {
    const store = new UploadStore(dir, 3600 * 1000);
    const now = new Date('2026-11-29T10:00:00Z');
    upload(1, 100, 100, now);
    upload(2, 100, 40, now);
    expect(await store.finished(id(1), now)).toEqual({ path: path.join(dir, id(1)), size: 100, name: 'a.mp4' });
    expect(await store.finished(id(2), now)).toBe('incomplete');
    expect(await store.finished(id(3), now)).toBe('unknown');
    expect(await store.finished('../../etc/passwd', now)).toBe('unknown');
    expect(await store.finished(id(1), new Date(now.getTime() + 2 * 3600 * 1000))).toBe('unknown');
  });

  test('sweeping removes expired uploads and strays, and a second sweeper finds nothing left to do', async () => {
    const store = new UploadStore(dir, 3600 * 1000);
    const now = new Date('2026-11-29T10:00:00Z');
    upload(4, 100, 10, new Date(now.getTime() - 2 * 3600 * 1000));
    upload(5, 100, 10, now);
    fs.writeFileSync(path.join(dir, id(6)), 'stray bytes without a description');
    fs.utimesSync(path.join(dir, id(6)), new Date(now.getTime() - 3 * 3600 * 1000), new Date(now.getTime() - 3 * 3600 * 1000));
    fs.writeFileSync(path.join(dir, 'README.txt'), 'not an upload');
    const [first, second] = await Promise.all([store.removeExpired(now), new UploadStore(dir, 3600 * 1000).removeExpired(now)]);
    expect(new Set([...first, ...second])).toEqual(new Set([id(4), id(6)]));
    expect(await store.removeExpired(now)).toEqual([]);
    const left = fs.readdirSync(dir);
    expect(left).not.toContain(id(4));
    expect(left).not.toContain(`${id(4)}.json`);
    expect(left).not.toContain(id(6));
    expect(left).toEqual(expect.arrayContaining([id(5), `${id(5)}.json`, 'README.txt']));
  });
});

describe('reference numbers', () => {
  test('have the year and six characters without look-alikes', () => {
    const numbers = Array.from({ length: 500 }, () => newReferenceNumber(new Date('2026-03-01T12:00:00Z')));
    for (const n of numbers) expect(n).toMatch(REFERENCE_PATTERN);
    expect(numbers.map((n) => n.slice('ZM-2026-'.length)).join('')).not.toMatch(/[01OILSB8]/);
    expect(new Set(numbers).size).toBe(500);
  });

  test('are made from the randomness given, every character equally likely', () => {
    expect(newReferenceNumber(new Date('2026-01-01T00:00:00Z'), (n) => Buffer.alloc(n, 0))).toBe('ZM-2026-222222');
    // 252 and above would favour the first characters; they are skipped.
    const bytes = [255, 252, 1, 2, 3, 4, 5, 6];
    expect(newReferenceNumber(new Date('2026-01-01T00:00:00Z'), () => Buffer.from(bytes))).toBe('ZM-2026-345679');
  });
});
