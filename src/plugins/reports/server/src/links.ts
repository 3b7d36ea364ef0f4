/** The two addresses a report gives for a story: its page on the website and its video on YouTube. */
export const storyUrl = (publicUrl: string, slug: string) => `${publicUrl.replace(/\/$/, '')}/geschichten/${slug}`;

export const youtubeUrl = (videoId: string | null) => (videoId ? `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}` : null);
