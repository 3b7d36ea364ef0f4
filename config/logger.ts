import { formats, winston } from '@strapi/logger';
import { environment } from '../src/environment';

/**
 * Strapi's readable lines by default; with LOG_FORMAT=json one JSON object per line (time, level, message and the
 * fields a line carries, such as the request id of the request log), for log collectors that parse fields.
 */
export default () => {
  const env = environment();
  if (env.LOG_FORMAT === 'text') return { level: env.LOG_LEVEL };
  return {
    level: env.LOG_LEVEL,
    format: winston.format.combine(formats.excludeColors, winston.format.timestamp(), winston.format.errors({ stack: true }), winston.format.json()),
  };
};
