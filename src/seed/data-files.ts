import fs from 'fs';
import path from 'path';

/** database/seed lives beside dist/ in the source tree; resolve it from the app root, not from the compiled file. */
export function readSeedFile<T>(name: string): T {
  const file = path.resolve(process.cwd(), 'database', 'seed', name);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}
