import http from 'http';
import type { AddressInfo } from 'net';

export interface RawAnswer {
  target: string;
  status: number;
  contentType: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Listens on a free loopback port unless the server listens already; returns its origin. */
export async function originOf(server: http.Server): Promise<string> {
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * A GET with the request target sent exactly as given — absolute-form, dot segments and doubled slashes included —
 * which supertest and fetch would normalise away.
 */
export async function rawGet(server: http.Server, target: string, headers: http.OutgoingHttpHeaders = {}): Promise<RawAnswer> {
  const { port } = new URL(await originOf(server));
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'GET', path: target, headers: { Accept: '*/*', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          target,
          status: res.statusCode ?? 0,
          contentType: String(res.headers['content-type'] ?? ''),
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        })
      );
    });
    req.on('error', reject);
    req.end();
  });
}
