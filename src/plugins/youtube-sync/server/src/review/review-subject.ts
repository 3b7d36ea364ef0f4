import type { Core } from '@strapi/strapi';
import type { ConsentRecord, ReviewSubject } from './consent-completeness';

const STORY = 'api::story.story';

/** What the publish gate and the review views read of a story, as Document Service populate and field lists. */
export const REVIEW_FIELDS = ['editorialStatus', 'submissionSource', 'youtubeVideoId'] as const;
export const REVIEW_POPULATE = {
  consent: { populate: { people: true, signedForm: { fields: ['id', 'name', 'url', 'mime'] } } },
  video: { fields: ['id', 'name', 'url', 'mime'] },
} as const;

export interface ReviewedStory {
  editorialStatus?: string | null;
  submissionSource?: string | null;
  youtubeVideoId?: string | null;
  video?: unknown;
  consent?: ConsentRecord | null;
}

export const reviewSubjectOf = (story: ReviewedStory): ReviewSubject => ({
  editorialStatus: story.editorialStatus ?? null,
  submissionSource: story.submissionSource ?? null,
  hasVideo: Boolean(story.video) || Boolean(story.youtubeVideoId),
  consent: story.consent ?? null,
});

/** The draft of a story as the publish gate sees it; null when there is no such story. */
export async function loadReviewSubject(strapi: Core.Strapi, documentId: string): Promise<ReviewSubject | null> {
  const draft = await strapi.documents(STORY).findOne({ documentId, status: 'draft', fields: [...REVIEW_FIELDS], populate: REVIEW_POPULATE as never });
  return draft ? reviewSubjectOf(draft as unknown as ReviewedStory) : null;
}
