import { ACTIONS } from '../permissions';

/**
 * The admin API, mounted by Strapi at /youtube-sync/… (a plugin's admin router is not under /admin). Every route
 * needs an admin token and one of the plugin's permissions — except the OAuth callback, which Google's redirect
 * reaches without one and which trusts only the state it was started with.
 */
const route = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, handler: string, action: string) => ({
  method,
  path,
  handler: `admin-api.${handler}`,
  config: { policies: [{ name: 'admin::hasPermissions', config: { actions: [action] } }] },
});

export default {
  type: 'admin',
  routes: [
    route('GET', '/status', 'status', ACTIONS.read),
    route('GET', '/queue', 'queue', ACTIONS.read),
    route('GET', '/playlists', 'playlists', ACTIONS.read),
    route('GET', '/stories', 'storyBadges', ACTIONS.read),
    route('GET', '/stories/:documentId', 'storyStatus', ACTIONS.read),
    route('POST', '/stories/:documentId/sync', 'syncStory', ACTIONS.sync),
    route('POST', '/stories/:documentId/retry', 'retryStory', ACTIONS.sync),
    route('POST', '/retry-failed', 'retryAllFailed', ACTIONS.sync),
    route('POST', '/resync', 'startResync', ACTIONS.sync),

    route('GET', '/connection', 'connection', ACTIONS.settings),
    route('PUT', '/connection/client', 'saveClient', ACTIONS.settings),
    route('POST', '/connection/test', 'testConnection', ACTIONS.settings),
    route('DELETE', '/connection', 'disconnect', ACTIONS.settings),
    route('GET', '/oauth/start', 'startConnecting', ACTIONS.settings),
    // The one admin route without a permission (tests/integration/route-guards.test.ts lists it): Google's redirect
    // brings no admin token; finishConnecting (oauth.ts) accepts only a state that /oauth/start stored for an admin.
    { method: 'GET', path: '/oauth/callback', handler: 'admin-api.finishConnecting', config: { auth: false } },

    route('GET', '/settings', 'settings', ACTIONS.settings),
    route('PUT', '/settings', 'saveSettings', ACTIONS.settings),
    route('DELETE', '/settings', 'resetSettings', ACTIONS.settings),
    route('POST', '/settings/preview', 'preview', ACTIONS.settings),
    route('GET', '/settings/preview-stories', 'previewStories', ACTIONS.settings),
  ],
};
