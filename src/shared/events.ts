import type { WithdrawalScope } from './review';

/**
 * Events one plugin publishes for others to act on, with `await strapi.eventHub.emit(name, payload)`: the emit
 * awaits every subscriber, so what a subscriber records happens in the publisher's request (inside its transaction
 * when it has one) — as durable as a direct call, without the publisher knowing who listens.
 */
export const STORY_EVENTS = {
  /** Consent for a story was withdrawn, for everything or one channel (payload: StoryWithdrawn). */
  withdrawn: 'submissions.withdrawn',
} as const;

export interface StoryWithdrawn {
  documentId: string;
  scope: WithdrawalScope;
  /** Whether a version of the story was published before the withdrawal (a full withdrawal has unpublished it since). */
  wasPublished: boolean;
  at: Date;
  /** What a subscriber does about it, in plain German for the person and the editor (it is shown and mailed). */
  report: (done: string) => void;
}
