/**
 * Sorts a job's error into a reason an editor can act on; the admin panel words each reason in German and
 * English, and shows the technical message only on request. The queue stores kind and message, not a reason,
 * so the message is read for the few causes an editor can fix.
 */
export type FailureReason =
  | 'quota'
  | 'reconnect'
  | 'video_file_missing'
  | 'metadata_rejected'
  | 'video_gone'
  | 'forbidden'
  | 'unreachable'
  | 'unknown';

const METADATA = /invalidTitle|invalidDescription|invalidTags|invalidCategoryId|invalidVideoMetadata|invalidDefaultBroadcastPrivacySetting|HTTP 400/;

export function failureReason(errorKind: string | null, message: string | null): FailureReason {
  const text = message ?? '';
  if (errorKind === 'quota') return 'quota';
  if (errorKind === 'auth') return 'reconnect';
  if (/ENOENT|no such file|missing on disk/i.test(text)) return 'video_file_missing';
  if (/videoNotFound|HTTP 404/.test(text)) return 'video_gone';
  if (/forbidden|HTTP 403/.test(text)) return 'forbidden';
  if (METADATA.test(text)) return 'metadata_rejected';
  if (errorKind === 'retryable') return 'unreachable';
  return 'unknown';
}
