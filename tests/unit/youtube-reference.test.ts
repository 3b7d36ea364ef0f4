import { InvalidYouTubeReference, parseYouTubeReference } from '../../src/api/story/youtube-reference';

describe('YouTube links pasted by editors', () => {
  test.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['http://youtube.com/watch?feature=share&v=dQw4w9WgXcQ'],
    ['https://m.youtube.com/watch?v=dQw4w9WgXcQ&list=PL123'],
    ['https://youtu.be/dQw4w9WgXcQ'],
    ['https://www.youtube.com/embed/dQw4w9WgXcQ?start=3'],
    ['https://www.youtube.com/shorts/dQw4w9WgXcQ'],
    ['https://www.youtube.com/live/dQw4w9WgXcQ?si=x'],
    ['https://www.youtube.com/v/dQw4w9WgXcQ'],
    ['  www.youtube.com/watch?v=dQw4w9WgXcQ  '],
    ['dQw4w9WgXcQ'],
  ])('%s gives the id dQw4w9WgXcQ', (input) => {
    expect(parseYouTubeReference(input)).toBe('dQw4w9WgXcQ');
  });

  test.each([
    ['https://vimeo.com/123456'],
    ['https://www.youtube.com/watch?v=short'],
    ['https://www.youtube.com/channel/UC1234567890'],
    ['https://evil.example/watch?v=dQw4w9WgXcQ'],
    ['javascript:alert(1)'],
    ['dQw4w9WgXcQ1'],
    [''],
  ])('%s is refused with a message', (input) => {
    expect(() => parseYouTubeReference(input)).toThrow(InvalidYouTubeReference);
  });
});
