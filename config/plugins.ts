import { environment } from '../src/environment';

export default () => ({
  'users-permissions': {
    config: { jwtSecret: environment().JWT_SECRET },
  },
  'youtube-sync': {
    enabled: true,
    resolve: './src/plugins/youtube-sync',
  },
});
