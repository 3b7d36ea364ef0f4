import { notifySubscribers } from '../../src/plugins/youtube-sync/server/src/sync/notify';
import { chargeFor, costOf } from '../../src/plugins/youtube-sync/server/src/youtube/quota';
import { updatedParts } from '../../src/plugins/youtube-sync/server/src/youtube/video-parts';

describe('what YouTube charges for a call, by how it ended', () => {
  const update = costOf('videos.update', 'current');
  const upload = costOf('videos.insert', 'current');

  test.each([
    ['answered', 'success' as const, { units: 50, uploads: 0 }],
    ['refused for what it asked (403 forbidden)', { status: 403, reason: 'forbidden' }, { units: 1, uploads: 0 }],
    ['not found', { status: 404, reason: 'videoNotFound' }, { units: 1, uploads: 0 }],
    ['quota already exhausted', { status: 403, reason: 'quotaExceeded' }, { units: 0, uploads: 0 }],
    ['unauthenticated', { status: 401, reason: 'authError' }, { units: 0, uploads: 0 }],
    ['refresh token revoked', { status: 400, reason: 'invalid_grant' }, { units: 0, uploads: 0 }],
    ['Google failed (503)', { status: 503, reason: 'backendError' }, { units: 0, uploads: 0 }],
    ['no answer (it may have been done)', {}, { units: 50, uploads: 0 }],
  ])('videos.update %s', (_name, end, charged) => {
    expect(chargeFor(update, end)).toEqual(charged);
  });

  test('an upload takes a slot of its own allowance; refused, it costs one unit like any invalid request', () => {
    expect(upload).toEqual({ units: 0, uploads: 1 });
    expect(chargeFor(upload, { status: 400, reason: 'invalidTitle' })).toEqual({ units: 1, uploads: 0 });
  });
});

describe('a videos.update body', () => {
  const current = {
    id: 'v1',
    snippet: { title: 'Alt', description: 'Alt', tags: ['a'], categoryId: '29', defaultLanguage: 'en', thumbnails: { default: { url: 'x' } } },
    status: { privacyStatus: 'private', license: 'creativeCommon', embeddable: false, publicStatsViewable: false, publishAt: '2030-01-01T00:00:00Z', uploadStatus: 'processed' },
  };

  test('carries the part’s other mutable properties as they are, and no read-only ones', () => {
    const { video, parts } = updatedParts(current, 'v1', { snippet: { title: 'Neu' }, status: { privacyStatus: 'private' } });
    expect(parts).toEqual(['snippet', 'status']);
    expect(video).toEqual({
      id: 'v1',
      snippet: { title: 'Neu', description: 'Alt', tags: ['a'], categoryId: '29', defaultLanguage: 'en' },
      status: { privacyStatus: 'private', license: 'creativeCommon', embeddable: false, publicStatsViewable: false, publishAt: '2030-01-01T00:00:00Z' },
    });
  });

  test('drops a schedule when the video is made public or unlisted (YouTube schedules private videos only)', () => {
    expect(updatedParts(current, 'v1', { status: { privacyStatus: 'public' } }).video.status).not.toHaveProperty('publishAt');
    expect(updatedParts(current, 'v1', { status: { privacyStatus: 'public' } }).parts).toEqual(['status']);
  });
});

describe('notifying subscribers', () => {
  test.each([
    ['first_publish', 'publish', {}, true],
    ['first_publish', 'update', {}, true],
    ['first_publish', 'create', {}, false],
    ['first_publish', 'resync', {}, false],
    ['first_publish', 'reconcile', {}, false],
    ['first_publish', 'publish', { firstUploadAt: '2026-01-01T00:00:00Z' }, false],
    ['first_publish', 'publish', { lastSyncedAt: '2026-01-01T00:00:00Z' }, false],
    ['never', 'publish', {}, false],
  ] as const)('setting %s, job reason %s, history %j → %s', (setting, reason, history, expected) => {
    expect(notifySubscribers(setting, reason, history)).toBe(expected);
  });
});
