import { HEADERS } from '@tus/server';
import type { CorsAccess } from '../../../../../shared/public-api';

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

/**
 * Registered with the public API (index.ts), which passes a canonical request target; its path is compared as the
 * router compares paths, ignoring case.
 */
export function writeAccessFor(target: string): CorsAccess | undefined {
  const path = target.split('?')[0].toLowerCase();
  if (path === '/api/v1/submissions' || path === '/api/v1/submissions/options') return SUBMISSIONS;
  if (path === '/api/v1/uploads' || path.startsWith('/api/v1/uploads/')) return UPLOADS;
  return undefined;
}
