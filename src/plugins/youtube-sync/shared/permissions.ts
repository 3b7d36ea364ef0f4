/**
 * The plugin's admin permission ids: the server registers them and checks one on every admin route
 * (server/src/permissions.ts), the admin panel asks for the same ids before it shows a page or a button.
 */
export const ACTIONS = {
  read: 'plugin::youtube-sync.read',
  sync: 'plugin::youtube-sync.sync',
  settings: 'plugin::youtube-sync.settings',
  reports: 'plugin::youtube-sync.reports',
  review: 'plugin::youtube-sync.review',
} as const;
