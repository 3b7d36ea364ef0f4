import { MediaFileMissingError } from './media';
import type { YouTubeError } from '../youtube/errors';
import { FAILURE_REASONS, type FailureReason } from '../../../../../shared/admin-views';

/**
 * Sorts a failed job into a reason an editor can act on, decided when the job fails (from the error's class and
 * Google's own reason code) and stored with the job; the admin panel words each reason in German and English and
 * shows the technical message only on request.
 */
export type { FailureReason };

const METADATA_REASONS = new Set([
  'invalidTitle',
  'invalidDescription',
  'invalidTags',
  'invalidCategoryId',
  'invalidVideoMetadata',
  'invalidDefaultBroadcastPrivacySetting',
]);

export function failureReasonOf(raw: unknown, error: YouTubeError): FailureReason {
  if (raw instanceof MediaFileMissingError) return 'video_file_missing';
  if (error.kind === 'quota') return 'quota';
  if (error.kind === 'auth') return 'reconnect';
  if (error.reason === 'videoNotFound' || error.status === 404) return 'video_gone';
  if (error.status === 403) return 'forbidden';
  if ((error.reason && METADATA_REASONS.has(error.reason)) || error.status === 400) return 'metadata_rejected';
  if (error.kind === 'retryable') return 'unreachable';
  return 'unknown';
}

/** The stored reason of a job row; rows written before reasons were stored read as 'unknown'. */
export function storedFailureReason(value: string | null | undefined): FailureReason {
  return FAILURE_REASONS.includes(value as FailureReason) ? (value as FailureReason) : 'unknown';
}
