/** This worker no longer holds the job: another one took it over, so nothing more may be written or called. */
export class LeaseLostError extends Error {
  constructor(storyDocumentId: string) {
    super(`the lease on the sync job of story ${storyDocumentId} was lost to another worker; this worker stops`);
    this.name = 'LeaseLostError';
  }
}
