import type { ConsentRecord, ReviewSubject } from './consent-completeness';

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

