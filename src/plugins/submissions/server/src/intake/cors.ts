import { HEADERS } from '@tus/server';
import type { CorsAccess } from '../../../../stories/server/src/public-api/headers';
import { isPath, isUnder } from '../../../../stories/server/src/public-api/request-target';

/**
 * What a partner site's browser may send to the submission API, for the preflights the public API's front layer
 * answers: the read-only API allows GET and HEAD, submissions need POST, resumable uploads also PATCH and tus' headers.
 */

const SUBMISSIONS: CorsAccess = {
  methods: 'GET, POST, OPTIONS',
  requestHeaders: 'Content-Type, X-Submission-Secret',
};

const UPLOADS: CorsAccess = {
  methods: 'POST, HEAD, PATCH, OPTIONS',
  requestHeaders: [...HEADERS, 'X-Submission-Secret'].join(', '),
};

/** `target` is a canonical request target (public-api/request-target.ts). */
export function writeAccessFor(target: string): CorsAccess | undefined {
  if (isPath(target, '/api/v1/submissions') || isPath(target, '/api/v1/submissions/options')) return SUBMISSIONS;
  if (isUnder(target, '/api/v1/uploads')) return UPLOADS;
  return undefined;
}
