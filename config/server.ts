import { environment } from '../src/environment';

export default () => {
  const env = environment();
  return {
    host: env.HOST,
    port: env.PORT,
    url: env.PUBLIC_URL,
    app: { keys: env.APP_KEYS },
    dirs: { public: env.PUBLIC_DIR },
  };
};
