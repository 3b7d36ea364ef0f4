import type { Core } from '@strapi/strapi';
import type { BackgroundWork } from '../shutdown';

/** The background loops each plugin runs on this instance; the shutdown stops and waits for them (shutdown.ts). */
const registered = new WeakMap<Core.Strapi, BackgroundWork[]>();

export function registerBackgroundWork(strapi: Core.Strapi, work: BackgroundWork) {
  registered.set(strapi, [...(registered.get(strapi) ?? []), work]);
}

export const backgroundWork = (strapi: Core.Strapi): BackgroundWork[] => registered.get(strapi) ?? [];
