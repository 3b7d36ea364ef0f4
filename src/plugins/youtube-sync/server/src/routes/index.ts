import admin from '../admin-api/routes';

/** The admin API of the YouTube page and settings, at /youtube-sync/… */
export default { admin };
