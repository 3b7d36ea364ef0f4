import { updatedParts } from '../youtube/video-parts';
import type { SyncContext } from './context';

/**
 * A video we uploaded that no longer stands for the story: deleted or made private as configured, and without the
 * story's marker tag, so that a later search for the story's upload cannot mistake it for the current one.
 */
export async function retireOwnVideo(ctx: SyncContext, videoId: string, marker: string): Promise<void> {
  const [video] = await ctx.client.videos([videoId]);
  if (video && ctx.config.takedown === 'delete') await ctx.client.deleteVideo(videoId);
  else if (video?.snippet) {
    const update = updatedParts(video, videoId, { snippet: { tags: (video.snippet.tags ?? []).filter((t) => t !== marker) }, status: { privacyStatus: 'private' } });
    await ctx.client.updateVideo(update.video, update.parts);
  }
}
