import { errors } from '@strapi/utils';
import { parseParams, removalParams, storyListParams, noParams, oembedParams } from '../../src/plugins/stories/server/src/public-api/params';

function refusal(run: () => unknown): InstanceType<typeof errors.ValidationError> {
  try {
    run();
  } catch (error) {
    if (error instanceof errors.ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('query parameters of the v1 API', () => {
  test('defaults: newest first, page 1, 24 per page', () => {
    expect(parseParams(storyListParams, {})).toEqual({ sort: 'newest', page: 1, pageSize: 24 });
  });

  test('every filter is read and typed', () => {
    const params = parseParams(storyListParams, {
      region: 'goettingen',
      theme: 'sprache',
      project: 'sprachcafe',
      kind: 'personal',
      language: 'ar',
      q: ' Göttingen ',
      since: '2026-05-01',
      sort: 'title',
      page: '2',
      pageSize: '100',
    });
    expect(params).toEqual({
      region: 'goettingen',
      theme: 'sprache',
      project: 'sprachcafe',
      kind: 'personal',
      language: 'ar',
      q: 'Göttingen',
      since: new Date('2026-05-01T00:00:00Z'),
      sort: 'title',
      page: 2,
      pageSize: 100,
    });
  });

  test.each([
    [{ regoin: 'x' }, 'regoin', 'Unknown query parameter "regoin"'],
    [{ pageSize: '101' }, 'pageSize', 'must be at most 100'],
    [{ pageSize: '0' }, 'pageSize', 'must be at least 1'],
    [{ page: 'zwei' }, 'page', 'must be a whole number'],
    [{ sort: 'random' }, 'sort', 'must be one of newest, oldest, title'],
    [{ kind: 'other' }, 'kind', 'must be one of personal, project'],
    [{ since: 'gestern' }, 'since', 'ISO 8601'],
    [{ since: '2026-02-31' }, 'since', 'not a real date'],
    [{ q: '' }, 'q', 'must not be empty'],
    [{ q: null }, 'q', 'must not be empty'],
    [{ region: ['a', 'b'] }, 'region', 'more than once'],
    [{ theme: { $eq: 'x' } }, 'theme', 'plain text'],
  ])('%j is refused naming %s', (query, parameter, message) => {
    const error = refusal(() => parseParams(storyListParams, query));
    expect(error.message).toContain(`"${parameter}"`);
    expect(error.message).toContain(message);
    expect(error.details).toEqual({ errors: [expect.objectContaining({ path: [parameter] })] });
  });

  test('the partner key may be given as a parameter anywhere', () => {
    expect(parseParams(noParams, { apiKey: 'zm_x' })).toEqual({ apiKey: 'zm_x' });
    expect(refusal(() => parseParams(noParams, { page: '1' })).message).toContain('"page"');
  });

  test('removals page up to 1000 at a time', () => {
    expect(parseParams(removalParams, { pageSize: '1000' }).pageSize).toBe(1000);
    expect(refusal(() => parseParams(removalParams, { pageSize: '1001' })).message).toContain('"pageSize"');
  });

  test('oEmbed needs an absolute url', () => {
    expect(refusal(() => parseParams(oembedParams, {})).message).toContain('"url" is required');
    expect(refusal(() => parseParams(oembedParams, { url: 'geschichten/x' })).message).toContain('"url"');
  });
});
