import { failureReasonOf, storedFailureReason } from '../../src/plugins/youtube-sync/server/src/sync/failure-reason';
import { MediaFileMissingError } from '../../src/plugins/youtube-sync/server/src/sync/media';
import { classify } from '../../src/plugins/youtube-sync/server/src/youtube/errors';

/** What googleapis (gaxios) throws for an error answer of the Data API. */
const googleError = (status: number, reason: string) => ({
  response: { status, data: { error: { code: status, message: `${reason} happened`, errors: [{ reason, message: `${reason} happened` }] } } },
  message: `${reason} happened`,
});

const reasonOf = (raw: unknown) => failureReasonOf(raw, classify(raw));

describe('the reason an editor reads for a failed sync', () => {
  test.each([
    ['HTTP 403 quotaExceeded', googleError(403, 'quotaExceeded'), 'quota'],
    ['HTTP 400 invalid_grant', googleError(400, 'invalid_grant'), 'reconnect'],
    ['HTTP 401 authError', googleError(401, 'authError'), 'reconnect'],
    ['HTTP 404 videoNotFound', googleError(404, 'videoNotFound'), 'video_gone'],
    ['HTTP 403 forbidden', googleError(403, 'forbidden'), 'forbidden'],
    ['HTTP 400 invalidTitle', googleError(400, 'invalidTitle'), 'metadata_rejected'],
    ['HTTP 400 invalidTags', googleError(400, 'invalidTags'), 'metadata_rejected'],
    ['HTTP 503 backendError', googleError(503, 'backendError'), 'unreachable'],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' }), 'unreachable'],
  ])('%s → %s', (_label, raw, reason) => {
    expect(reasonOf(raw)).toBe(reason);
  });

  test('a video file missing on disk is named as such, whatever its message says', () => {
    expect(reasonOf(new MediaFileMissingError('media file /uploads/a.mp4 is missing on disk'))).toBe('video_file_missing');
    expect(reasonOf(new Error('the text mentions ENOENT but the file was found'))).not.toBe('video_file_missing');
  });

  test('a stored value outside the known reasons reads as unknown', () => {
    expect(storedFailureReason('metadata_rejected')).toBe('metadata_rejected');
    expect(storedFailureReason(null)).toBe('unknown');
    expect(storedFailureReason('something else')).toBe('unknown');
  });
});
