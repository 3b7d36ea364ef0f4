import fs from 'fs';
import path from 'path';
import { APP_SLOTS } from '../support/worker-environment';

const SRC = path.resolve(__dirname, '..', '..', 'src');

test('the test environment shares every registry the app keeps in a global slot', () => {
  const inApp = (fs.readdirSync(SRC, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.ts'))
    .flatMap((file) => [...fs.readFileSync(path.join(SRC, file), 'utf8').matchAll(/Symbol\.for\('(zusammen-mehr\.[^']+)'\)/g)].map(([, key]) => key));
  expect(inApp.length).toBeGreaterThan(0);
  expect(APP_SLOTS.map((slot) => slot.description).sort()).toEqual([...new Set(inApp)].sort());
});
