import captionComponent from '../components/story/caption.json';

/**
 * The submission form's choices and limits: the submissions plugin validates with them, the stories' OpenAPI document
 * publishes them. Constants only.
 */

export const SUBMISSION_LIMITS = {
  titleMin: 3,
  titleMax: 100,
  storyMin: 20,
  storyMax: 10000,
  nameMax: 120,
  emailMax: 254,
  phoneMax: 40,
  organisationMax: 150,
  themesMax: 8,
  peopleMax: 30,
  nameOrRoleMax: 120,
  guardiansMax: 200,
} as const;

export const CREDIT_CHOICES = ['full', 'first-name', 'organisation', 'anonymous'] as const;
export type CreditChoice = (typeof CREDIT_CHOICES)[number];

/** The languages a caption file may have, as the caption component allows them. */
export const CAPTION_LANGUAGES = captionComponent.attributes.language.enum as [string, ...string[]];

/** "Inhalt melden": the longest message and contact a report may carry. */
export const CONTENT_NOTICE_LIMITS = { message: 2000, contact: 200 } as const;
