/** The same action ids the server registers (server/src/permissions.ts) and checks on every admin route. */
export const ACTIONS = {
  read: 'plugin::youtube-sync.read',
  sync: 'plugin::youtube-sync.sync',
  settings: 'plugin::youtube-sync.settings',
  reports: 'plugin::youtube-sync.reports',
  review: 'plugin::youtube-sync.review',
} as const;

export const permission = (action: string) => ({ action, subject: null });
