// `npm run youtube:emulator` — runs the emulator for the local demo and benchmarks.
//   YOUTUBE_EMULATOR_PORT (8095), YOUTUBE_EMULATOR_HOST (127.0.0.1),
//   YOUTUBE_EMULATOR_QUOTA_MODEL (current|legacy), YOUTUBE_EMULATOR_STATE_FILE (optional JSON),
//   YOUTUBE_EMULATOR_FORCE_PRIVATE (true: behave like an unaudited API project),
//   YOUTUBE_EMULATOR_PUBLIC_URL (when reached through another host name).
import { DEFAULT_CLIENT, DEFAULT_REFRESH_TOKEN, startEmulator, type EmulatorOptions } from './index';

async function main(): Promise<void> {
  const env = process.env;
  const model = env.YOUTUBE_EMULATOR_QUOTA_MODEL ?? 'current';
  if (model !== 'current' && model !== 'legacy') {
    throw new Error(`YOUTUBE_EMULATOR_QUOTA_MODEL must be "current" or "legacy", not "${model}"`);
  }
  const port = Number(env.YOUTUBE_EMULATOR_PORT ?? 8095);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid YOUTUBE_EMULATOR_PORT: ${env.YOUTUBE_EMULATOR_PORT ?? ''}`);
  const options: EmulatorOptions = {
    port,
    host: env.YOUTUBE_EMULATOR_HOST ?? '127.0.0.1',
    quotaModel: model,
    forcePrivateUploads: env.YOUTUBE_EMULATOR_FORCE_PRIVATE === 'true',
  };
  if (env.YOUTUBE_EMULATOR_STATE_FILE) options.stateFile = env.YOUTUBE_EMULATOR_STATE_FILE;
  if (env.YOUTUBE_EMULATOR_PUBLIC_URL) options.publicUrl = env.YOUTUBE_EMULATOR_PUBLIC_URL;

  const emu = await startEmulator(options);
  const lines = [
    'YouTube-Emulator läuft (YouTube Data API v3 + Google OAuth2, lokal).',
    `  API root (googleapis rootUrl): ${emu.url}/`,
    `  Token URL:                     ${emu.tokenUrl}`,
    `  Auth URL (Zustimmungsseite):   ${emu.authUrl}`,
    `  Revoke URL:                    ${emu.revokeUrl}`,
    `  Kanalseite:                    ${emu.url}/`,
    `  Steuerung:                     ${emu.url}/__emulator/state`,
    `  Client: ${DEFAULT_CLIENT.clientId} / ${DEFAULT_CLIENT.clientSecret}, Refresh-Token: ${DEFAULT_REFRESH_TOKEN}`,
    `  Kontingentmodell: ${model}${options.stateFile ? `, Zustand in ${options.stateFile}` : ''}`,
  ];
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal} empfangen, Emulator wird beendet.`);
    emu.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error('[youtube-emulator]', e instanceof Error ? e.message : e);
  process.exit(1);
});
