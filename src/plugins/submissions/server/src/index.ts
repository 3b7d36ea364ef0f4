import type { Core } from '@strapi/strapi';
import contentTypes from './content-types';
import routes from './routes';
import intakeActions from './intake/api-actions';
import reviewActions from './review/api-actions';
import { registerPermissions } from './permissions';
import { startSubmissions, stopSubmissions } from './intake/lifecycle';
import { startRetention, stopRetention } from './review/retention';
import { registerReviewMiddleware } from './review/status-middleware';
import { reviewPagesRouter } from './review/routes';
import { pagesRouter } from './public-pages/routes';
import { stopOutbox } from './outbox/runtime';
import { background, publicApi, publicRoutes } from './dependencies';
import { writeAccessFor } from './intake/cors';
import { registerWithOperations } from './operations';

type Params = { strapi: Core.Strapi };

/** "Erzählen Sie Ihre Geschichte": the form and uploads, consent, the editorial review, withdrawal and retention. */
export default {
  contentTypes,
  routes,
  controllers: { submissions: intakeActions, review: reviewActions },
  register({ strapi }: Params) {
    registerReviewMiddleware(strapi);
    publicRoutes(strapi).mount([pagesRouter, reviewPagesRouter]);
    publicApi(strapi).allowWrites(writeAccessFor);
    registerWithOperations(strapi);
  },
  async bootstrap({ strapi }: Params) {
    await strapi.plugin('operations').service('database').ensureUniqueIndexes([
      ['plugin::submissions.personal-link', 'storyDocumentId'],
      ['plugin::submissions.upload-reservation', 'uploadId'],
      ['plugin::submissions.upload-lock', 'uploadId'],
    ]);
    await registerPermissions(strapi);
    await startSubmissions(strapi);
    // Erasure is a legal duty, not a YouTube task: every instance takes part, the database lets one run it.
    startRetention(strapi);
    // The outbox's stop() stops claiming at once and then waits for the mail under way; it works only once.
    let outboxStopped: Promise<void> | undefined;
    const stopMails = () => (outboxStopped ??= stopOutbox(strapi));
    background(strapi).register({ name: 'mail outbox', stopClaiming: () => void stopMails(), stop: stopMails });
  },
  async destroy({ strapi }: Params) {
    await stopSubmissions(strapi);
    await stopRetention(strapi);
  },
};
