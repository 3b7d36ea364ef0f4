import { environment } from '../src/environment';

export default () => {
  const env = environment();
  const proxies = env.TRUSTED_PROXIES;
  return {
    host: env.HOST,
    port: env.PORT,
    url: env.PUBLIC_URL,
    app: { keys: env.APP_KEYS },
    dirs: { public: env.PUBLIC_DIR },
    // Koa can only count hops; with a list of proxy addresses it stays off (it would believe any peer's headers),
    // and the client address comes from utils/client-address.ts, which reads `trustedProxies`, in either case.
    ...(proxies.kind === 'hops' && { proxy: { koa: true, maxIpsCount: proxies.hops } }),
    trustedProxies: proxies,
  };
};
