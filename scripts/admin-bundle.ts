import path from 'path';
import { appDir } from './source-hash';

/**
 * The admin panel's bundle, built by Strapi's own bundler from the app already compiled in dist/: what `strapi build`
 * does after its TypeScript step (node/build.js of @strapi/strapi 5.54), without compiling the app a second time —
 * the compile has happened (scripts/app-build.ts, or `tsc` for the demo), and a test run may be loading dist/ while
 * the bundle is built. Strapi exports no API for this step, so its modules are required by path; a Strapi upgrade
 * that moves them fails here by name. Runs as a process of its own: the build context creates a Strapi instance.
 */
const strapiRoot = path.dirname(require.resolve('@strapi/strapi/package.json'));

function strapiModule<T>(file: string): T {
  const full = path.join(strapiRoot, 'dist', file);
  try {
    return require(full) as T;
  } catch (error) {
    throw new Error(`Strapi's ${file} could not be loaded (was @strapi/strapi upgraded?): ${(error as Error).message}`);
  }
}

type BuildContext = { logger: unknown };
const { createLogger } = strapiModule<{ createLogger(options: { timestamp: boolean }): unknown }>('src/cli/utils/logger.js');
const { createBuildContext } = strapiModule<{
  createBuildContext(options: { cwd: string; logger: unknown; tsconfig: { config: { options: { outDir: string } } }; options: Record<string, unknown> }): Promise<BuildContext>;
}>('src/node/create-build-context.js');
const { writeStaticClientFiles } = strapiModule<{ writeStaticClientFiles(ctx: BuildContext): Promise<void> }>('src/node/staticFiles.js');
const { build } = strapiModule<{ build(ctx: BuildContext): Promise<void> }>('src/node/vite/build.js');

async function main() {
  /*
   * The bundle editors get: React's production build. Vite takes NODE_ENV from the environment it runs in, and the
   * tests build under NODE_ENV=test, which gave them React's development build: not what production serves, and
   * slower (opening a story in the content manager: 2.2 → 1.4 s of the browser's script time).
   */
  process.env.NODE_ENV = 'production';
  const ctx = await createBuildContext({
    cwd: appDir,
    logger: createLogger({ timestamp: false }),
    // Only its outDir is read: where the compiled app (config, plugins) is and the bundle goes (dist/build).
    tsconfig: { config: { options: { outDir: path.join(appDir, 'dist') } } },
    // `strapi build`'s defaults.
    options: { bundler: 'vite', minify: true, sourcemap: false, stats: false },
  });
  await writeStaticClientFiles(ctx);
  await build(ctx);
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`Building the admin bundle failed: ${error.stack ?? error.message}`);
    process.exit(1);
  }
);
