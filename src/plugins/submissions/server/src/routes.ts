import { reviewAdminRouter } from './review/routes';

/**
 * Story submissions and resumable video uploads (intake/api-actions.ts), at /api/v1 like the stories' contract:
 * open to everyone, with their own per-IP limit. HEAD on an upload (its offset) reaches the GET route in Koa's
 * router; a plain GET is refused; DELETE cancels an upload (tus termination) and gives its bytes back to the budget.
 */
const submission = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, handler: string) => ({
  method,
  path: `/v1${path}`,
  handler: `submissions.${handler}`,
  config: { auth: false },
});

/** The personal link's data and withdrawal, and "Inhalt melden" (review/api-actions.ts): open, never cached. */
const review = (method: 'GET' | 'POST', path: string, handler: string) => ({ method, path: `/v1${path}`, handler: `review.${handler}`, config: { auth: false } });

export default {
  'content-api': {
    type: 'content-api',
    prefix: '',
    routes: [
      submission('GET', '/submissions/options', 'options'),
      submission('POST', '/submissions', 'create'),
      submission('POST', '/uploads', 'upload'),
      submission('PATCH', '/uploads/:id', 'upload'),
      submission('GET', '/uploads/:id', 'upload'),
      submission('DELETE', '/uploads/:id', 'upload'),
      review('GET', '/consent', 'consent'),
      review('POST', '/consent/withdraw', 'withdraw'),
      review('POST', '/consent/code', 'sendCode'),
      review('POST', '/consent/verify', 'verifyCode'),
      review('POST', '/consent/link', 'newLink'),
      review('POST', '/stories/:slug/reports', 'notice'),
    ],
  },
  review: reviewAdminRouter,
};
