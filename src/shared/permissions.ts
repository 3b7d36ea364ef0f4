/**
 * The admin permission ids of the plugins: each plugin registers its own (server/src/permissions.ts) and checks one
 * on every admin route; the admin panel asks for the same ids before it shows a page or a button.
 */
export const ACTIONS = {
  read: 'plugin::youtube-sync.read',
  sync: 'plugin::youtube-sync.sync',
  settings: 'plugin::youtube-sync.settings',
  reports: 'plugin::reports.read',
  review: 'plugin::submissions.review',
} as const;
