/**
 * The stable v1 contract for partner websites, at /api/v1 (an empty prefix instead of the plugin's name). Open to
 * everyone: rate limits and partner keys are applied by the front layer (public-api/front-layer.ts). The literal
 * paths come before /stories/:slug so that "removed" and the feeds are not taken for slugs.
 */
const route = (path: string, handler: string) => ({ method: 'GET', path: `/v1${path}`, handler: `public-api.${handler}`, config: { auth: false } });

/**
 * Story submissions and resumable video uploads (submissions/controller.ts): open to everyone as well, with their
 * own per-IP limit. HEAD on an upload (its offset) reaches the GET route in Koa's router; a plain GET is refused;
 * DELETE cancels an upload (tus termination) and gives its bytes back to the upload budget.
 */
const submission = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, handler: string) => ({
  method,
  path: `/v1${path}`,
  handler: `submissions.${handler}`,
  config: { auth: false },
});

/** The personal link's data and withdrawal, and "Inhalt melden" (review/api-controller.ts): open, never cached. */
const review = (method: 'GET' | 'POST', path: string, handler: string) => ({ method, path: `/v1${path}`, handler: `review.${handler}`, config: { auth: false } });

export default {
  type: 'content-api',
  prefix: '',
  routes: [
    route('/stories', 'stories'),
    route('/stories.rss', 'storiesRss'),
    route('/stories.atom', 'storiesAtom'),
    route('/stories/removed', 'removedStories'),
    route('/stories/:slug', 'story'),
    route('/regions', 'regions'),
    route('/themes', 'themes'),
    route('/projects', 'projects'),
    route('/playlists', 'playlists'),
    route('/oembed', 'oembed'),
    route('/openapi.json', 'openapi'),
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
    review('POST', '/stories/:slug/reports', 'report'),
  ],
};
