// Google's JSON error envelope. Clients (googleapis/gaxios, our own retry code) branch on
// `errors[0].reason` and `code`, so every failure the emulator produces goes through here.

export interface ErrorItem {
  message: string;
  domain: string;
  reason: string;
  location?: string;
  locationType?: string;
}

export interface ErrorEnvelope {
  error: { code: number; message: string; errors: ErrorItem[] };
}

export class ApiError extends Error {
  readonly code: number;
  readonly items: ErrorItem[];

  constructor(code: number, message: string, items: ErrorItem[]) {
    super(message);
    this.code = code;
    this.items = items;
  }

  toEnvelope(): ErrorEnvelope {
    return { error: { code: this.code, message: this.message, errors: this.items } };
  }
}

function single(code: number, domain: string, reason: string, message: string, location?: string, locationType?: string): ApiError {
  const item: ErrorItem = { message, domain, reason };
  if (location !== undefined) item.location = location;
  if (locationType !== undefined) item.locationType = locationType;
  return new ApiError(code, message, [item]);
}

export const errors = {
  authError: (): ApiError =>
    new ApiError(
      401,
      'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
      [{ message: 'Invalid Credentials', domain: 'global', reason: 'authError', location: 'Authorization', locationType: 'header' }],
    ),
  insufficientPermissions: (): ApiError =>
    new ApiError(403, 'Request had insufficient authentication scopes.', [
      { message: 'Insufficient Permission', domain: 'global', reason: 'insufficientPermissions' },
    ]),
  quotaExceeded: (): ApiError =>
    single(
      403,
      'youtube.quota',
      'quotaExceeded',
      'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.',
    ),
  uploadLimitExceeded: (): ApiError =>
    single(400, 'youtube.video', 'uploadLimitExceeded', 'The user has exceeded the number of videos they may upload.'),
  backendError: (code: 500 | 503): ApiError =>
    code === 500
      ? single(500, 'global', 'backendError', 'Backend Error')
      : single(503, 'global', 'backendError', 'The service is currently unavailable.'),
  required: (param: string): ApiError =>
    single(400, 'global', 'required', `Required parameter: ${param}`, param, 'parameter'),
  unknownPart: (part: string): ApiError =>
    single(400, 'youtube.part', 'unknownPart', `'${part}'`, 'part', 'parameter'),
  missingFilter: (expected: string): ApiError =>
    single(400, 'youtube.parameter', 'missingRequiredParameter', `No filter selected. Expected one of: ${expected}`, 'parameters.', 'other'),
  invalidFilters: (message: string): ApiError => single(400, 'youtube.parameter', 'invalidFilters', message, 'id', 'parameter'),
  outOfRange: (param: string, value: string, min: number, max: number): ApiError =>
    single(400, 'global', 'invalidParameter', `Invalid value '${value}'. Values must be within the range: [${min}, ${max}]`, param, 'parameter'),
  invalidPageToken: (): ApiError =>
    single(400, 'youtube.parameter', 'invalidPageToken', 'The request specifies an invalid page token.', 'pageToken', 'parameter'),
  parseError: (): ApiError => single(400, 'global', 'parseError', 'Parse Error'),
  badRequest: (message: string): ApiError => single(400, 'global', 'badRequest', message),
  badContent: (mime: string, accepted: string[]): ApiError =>
    single(400, 'global', 'badContent', `Media type '${mime}' is not supported. Valid media types: [${accepted.join(', ')}]`),
  mediaBodyRequired: (): ApiError =>
    single(400, 'youtube.video', 'mediaBodyRequired', 'The request does not include the video content.'),
  // Google's upload front end answers oversized media with 413 before YouTube sees it.
  uploadTooLarge: (max: number): ApiError => single(413, 'global', 'uploadTooLarge', `Media larger than: ${max}`),
  // thumbnails.set on a channel that is not verified (docs: "The authenticated user doesn't have permissions for
  // uploading and setting custom video thumbnails").
  thumbnailsNotAllowed: (): ApiError =>
    single(403, 'youtube.thumbnail', 'forbidden', "The authenticated user doesn't have permissions for uploading and setting custom video thumbnails."),
  invalidImage: (): ApiError => single(400, 'youtube.thumbnail', 'invalidImage', 'The provided image content is invalid.'),
  videoNotFound: (action: string): ApiError =>
    single(404, 'youtube.video', 'videoNotFound', `The video that you are trying to ${action} cannot be found. Check the value of the <code>id</code> field in the request body to ensure that it is correct.`, 'body.id', 'other'),
  videoNotFoundParam: (message: string, location: string): ApiError =>
    single(404, 'youtube.video', 'videoNotFound', message, location, 'parameter'),
  playlistNotFound: (location: string): ApiError =>
    single(
      404,
      'youtube.playlist',
      'playlistNotFound',
      'The playlist identified with the request\'s <code>playlistId</code> parameter cannot be found.',
      location,
      'parameter',
    ),
  playlistItemNotFound: (): ApiError =>
    single(404, 'youtube.playlistItem', 'playlistItemNotFound', 'Playlist item not found.', 'id', 'parameter'),
  videoAlreadyInPlaylist: (): ApiError =>
    single(409, 'youtube.playlistItem', 'videoAlreadyInPlaylist', 'The video that you are trying to add to the playlist is already in the playlist.'),
  captionNotFound: (): ApiError =>
    single(404, 'youtube.caption', 'captionNotFound', 'The caption track could not be found.', 'id', 'parameter'),
  captionExists: (): ApiError =>
    single(409, 'youtube.caption', 'captionExists', 'The specified video already has a caption track with the given <code>snippet.language</code> and <code>snippet.name</code>.'),
  uploadSessionNotFound: (): ApiError => single(404, 'global', 'notFound', 'Upload session not found or expired.'),
  notFound: (): ApiError => single(404, 'global', 'notFound', 'Not Found'),
  video: (reason: string, message: string): ApiError => single(400, 'youtube.video', reason, message),
  playlist: (reason: string, message: string): ApiError => single(400, 'youtube.playlist', reason, message),
  playlistItem: (reason: string, message: string): ApiError => single(400, 'youtube.playlistItem', reason, message),
  caption: (reason: string, message: string): ApiError => single(400, 'youtube.caption', reason, message),
  invalidValue: (field: string, value: string): ApiError =>
    single(400, 'global', 'invalid', `Invalid value for ${field}: "${value}"`, field, 'other'),
};
