/**
 * What the admin pages of several plugins (youtube-sync, submissions, reports) have in common: the look of a card, a
 * table head, a notice and a confirming button, date and number formatting, the server's error message, the story's
 * edit-view address, permissions and the translation helper. It lives here, beside the shared types, so that no plugin
 * imports from another plugin's folder and the pages still look and behave alike. Only what more than one plugin uses
 * belongs here.
 */
export { Card } from './components/Card';
export { ConfirmButton } from './components/ConfirmButton';
export { Notice } from './components/Notice';
export { TableHead } from './components/TableHead';
export { errorMessage } from './fetch';
export { useTimeFormat } from './format';
export { ACTIONS, permission } from './permissions';
export { STORY_UID, storyEditPath } from './story';
export { createTranslations } from './translate';
