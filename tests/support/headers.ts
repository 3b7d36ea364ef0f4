import type request from 'supertest';

/** An answer's Content-Security-Policy as directive → sources, e.g. `{ 'frame-ancestors': "'self'" }`. */
export const cspDirectives = (res: request.Response): Record<string, string> =>
  Object.fromEntries(
    String(res.headers['content-security-policy'])
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values.join(' ')])
  );
