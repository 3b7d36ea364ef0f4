import type { Emulator } from './types';
import { DEFAULT_CLIENT, DEFAULT_REFRESH_TOKEN } from './index';

/**
 * Puts `count` small videos on the emulator's channel through its own upload endpoint, with the default client and
 * refresh token: stand-ins for videos the alliance already has (tests and benchmarks adopt them into stories).
 */
export async function seedChannelVideos(emulator: Pick<Emulator, 'url' | 'tokenUrl'>, count: number): Promise<string[]> {
  const token = await fetch(emulator.tokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: DEFAULT_CLIENT.clientId,
      client_secret: DEFAULT_CLIENT.clientSecret,
      refresh_token: DEFAULT_REFRESH_TOKEN,
    }),
  }).then((r) => r.json() as Promise<{ access_token: string }>);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const boundary = `seed${i}`;
    const metadata = JSON.stringify({ snippet: { title: `Bestehendes Video ${i}`, categoryId: '29' }, status: { privacyStatus: 'unlisted' } });
    const body = `--${boundary}\r\nContent-Type: application/json\r\n\r\n${metadata}\r\n--${boundary}\r\nContent-Type: video/mp4\r\n\r\nvideo-${i}\r\n--${boundary}--\r\n`;
    const res = await fetch(`${emulator.url}/upload/youtube/v3/videos?uploadType=multipart&part=snippet,status`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token.access_token}`, 'Content-Type': `multipart/related; boundary=${boundary}` },
      body,
    });
    if (res.status !== 200) throw new Error(`seeding a channel video failed: ${res.status} ${await res.text()}`);
    ids.push(((await res.json()) as { id: string }).id);
  }
  return ids;
}
