import type { Core } from '@strapi/strapi';

/** The running outbox worker of each app, so queueing a mail can start its delivery without importing the worker. */
const wakers = new WeakMap<Core.Strapi, () => void>();

export const registerWaker = (strapi: Core.Strapi, wake: () => void) => wakers.set(strapi, wake);
export const unregisterWaker = (strapi: Core.Strapi) => wakers.delete(strapi);

/** Starts a delivery pass on this instance now; without a running worker the next poll of any instance delivers. */
export const wakeOutbox = (strapi: Core.Strapi) => wakers.get(strapi)?.();
