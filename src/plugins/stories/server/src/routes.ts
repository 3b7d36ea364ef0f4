/**
 * The stable v1 contract for partner websites, at /api/v1 (an empty prefix instead of the plugin's name). Open to
 * everyone: rate limits and partner keys are applied by the front layer (public-api/front-layer.ts). The literal
 * paths come before /stories/:slug so that "removed" and the feeds are not taken for slugs.
 */
const route = (path: string, handler: string) => ({ method: 'GET', path: `/v1${path}`, handler: `public-api.${handler}`, config: { auth: false } });

export default {
  'content-api': {
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
    ],
  },
};
