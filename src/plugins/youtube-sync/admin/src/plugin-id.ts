export const PLUGIN_ID = 'youtube-sync';
