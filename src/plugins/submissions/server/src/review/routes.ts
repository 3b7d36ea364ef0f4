import type { Core } from '@strapi/strapi';
import { ACTIONS } from '../../../../../shared/permissions';
import { reviewAdminController } from './admin-actions';
import { reviewPagesController } from './public-pages/page-actions';
import type { PublicRouteFactory } from '../../../../../shared/operations';

/**
 * The review's routers, as factories called with `strapi`: the admin API of the queue under /submissions/review/…
 * (every route checks the review permission), and the public pages /widerruf (with /widerruf/code, /widerruf/daten,
 * /widerruf/neuer-link) and /melden at the site's root (mounted by operations' public-routes service). Its JSON endpoints under /api/v1
 * are part of the v1 contract (routes/content-api.ts).
 */
const guarded = { policies: [{ name: 'admin::hasPermissions', config: { actions: [ACTIONS.review] } }] };

export const reviewAdminRouter = ({ strapi }: { strapi: Core.Strapi }) => {
  const c = reviewAdminController(strapi);
  return {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/review/submissions', handler: c.queue, config: guarded },
      { method: 'GET', path: '/review/submissions/:documentId', handler: c.detail, config: guarded },
      { method: 'POST', path: '/review/submissions/:documentId/status', handler: c.changeStatus, config: guarded },
      { method: 'POST', path: '/review/submissions/:documentId/withdraw', handler: c.withdraw, config: guarded },
      { method: 'POST', path: '/review/submissions/:documentId/personal-link', handler: c.newPersonalLink, config: guarded },
      { method: 'GET', path: '/review/notices', handler: c.notices, config: guarded },
      { method: 'PUT', path: '/review/notices/:id', handler: c.closeNotice, config: guarded },
    ],
  };
};

export const reviewPagesRouter: PublicRouteFactory = ({ strapi }) => {
  const c = reviewPagesController(strapi);
  return [
    { method: 'GET', path: '/widerruf', handler: c.withdrawalPage },
    { method: 'POST', path: '/widerruf', handler: c.withdraw },
    { method: 'POST', path: '/widerruf/code', handler: c.sendCode },
    { method: 'POST', path: '/widerruf/daten', handler: c.showData },
    { method: 'POST', path: '/widerruf/neuer-link', handler: c.newLink },
    { method: 'GET', path: '/melden', handler: c.noticePage },
    { method: 'POST', path: '/melden', handler: c.notice },
    { method: 'GET', path: '/melden/danke', handler: c.noticeThanks },
  ];
};
