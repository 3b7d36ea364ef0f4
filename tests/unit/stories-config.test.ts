import storiesConfig, { storiesConfigFromEnv } from '../../src/plugins/stories/server/src/config';

const check = (env: NodeJS.ProcessEnv) => () => storiesConfig.validator(storiesConfigFromEnv(env));

describe('the stories settings checked when Strapi loads the plugin', () => {
  test('the AVIF effort is 3 unless COVER_AVIF_EFFORT says otherwise', () => {
    expect(storiesConfigFromEnv({})).toMatchObject({ coverVariants: { avifEffort: 3 } });
    expect(storiesConfigFromEnv({ COVER_AVIF_EFFORT: '0' })).toMatchObject({ coverVariants: { avifEffort: 0 } });
    expect(check({ COVER_AVIF_EFFORT: '9' })).not.toThrow();
  });

  test.each(['10', '-1', '2.5', 'fast'])('COVER_AVIF_EFFORT=%s stops the boot with a message naming it', (value) => {
    expect(check({ COVER_AVIF_EFFORT: value })).toThrow(/coverVariants\.avifEffort: COVER_AVIF_EFFORT must be a whole number from 0 to 9/);
  });
});
