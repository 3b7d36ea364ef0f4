/** The story type, beside whose edit view plugins show panels. */
export const STORY_UID = 'api::story.story';

/** A story's edit view in the content manager. */
export const storyEditPath = (documentId: string) => `/content-manager/collection-types/${STORY_UID}/${documentId}`;
