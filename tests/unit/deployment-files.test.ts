import fs from 'fs';
import path from 'path';
import Ajv from 'ajv';
import draft7 from 'ajv/dist/refs/json-schema-draft-07.json';
import { validate, ValidationSeverity } from 'dockerfile-utils';
import { DockerfileParser } from 'dockerfile-ast';
import { dockerfile, interpolate, readCompose, serviceEnvironment } from '../support/compose';

/**
 * What can be checked of the deployment files without a Docker engine: compose.yaml against the Compose
 * Specification's JSON schema, vendored unchanged in tests/support/schemas/compose-spec.json from
 * https://github.com/compose-spec/compose-spec/blob/170098ba07d9f53c383a41bfd4c5166b0a4529a6/schema/compose-spec.json
 * (the schema `docker compose config` validates with); the Dockerfile with dockerfile-utils, the linter of the
 * Docker language server, every rule raised to an error; and the promises the README makes about both.
 */

const root = path.resolve(__dirname, '..', '..');
const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'support', 'schemas', 'compose-spec.json'), 'utf8'));
const strapiEngines = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', '@strapi', 'strapi', 'package.json'), 'utf8')).engines.node as string;
const ownPackage = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

const strictLint = Object.fromEntries(
  [
    'deprecatedMaintainer',
    'directiveCasing',
    'emptyContinuationLine',
    'instructionCasing',
    'instructionCmdMultiple',
    'instructionEntrypointMultiple',
    'instructionHealthcheckMultiple',
    'instructionJSONInSingleQuotes',
    'instructionWorkdirRelative',
  ].map((rule) => [rule, ValidationSeverity.ERROR])
);

const lint = (text: string) => validate(text, strictLint).map((d) => `line ${d.range.start.line + 1}: ${d.message}`);

describe('compose.yaml', () => {
  // The schema names its meta-schema by the https address; Ajv knows draft-07 by the http one.
  const ajv = new Ajv({ allErrors: true, strict: false }).addMetaSchema({ ...draft7, $id: schema.$schema });
  const validateCompose = ajv.compile(schema);

  test('is valid against the Compose Specification schema', () => {
    const valid = validateCompose(readCompose());
    expect(validateCompose.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  test('the schema check catches a malformed file', () => {
    expect(validateCompose({ services: { app: { ports: [{ target: 'not a port' }], restart_policy: 'always' } } })).toBe(false);
  });

  test('runs PostgreSQL, Redis, MinIO with its bucket set-up, two app instances with the sync worker and Caddy', () => {
    const services = readCompose().services as Record<string, Record<string, unknown>>;
    expect(Object.keys(services).sort()).toEqual(['app-a', 'app-b', 'caddy', 'minio', 'minio-init', 'postgres', 'redis']);
    for (const instance of ['app-a', 'app-b']) {
      expect(services[instance].environment).toMatchObject({ YOUTUBE_SYNC_WORKER: 'true', DATABASE_CLIENT: 'postgres' });
      expect(services[instance].build).toBe('.');
    }
    expect(String(services['minio-init'].command)).toContain('mc mb --ignore-existing');
    expect(services.caddy.volumes).toContain('./deploy/Caddyfile:/etc/caddy/Caddyfile:ro');
    expect(fs.readFileSync(path.join(root, 'deploy', 'Caddyfile'), 'utf8')).toMatch(/encode zstd gzip/);
  });

  test('stops with a message when a required secret is missing from .env', () => {
    expect(() => serviceEnvironment('app-a', {})).toThrow(/PUBLIC_URL is required/);
    expect(interpolate('${A:-x} ${B-y} $${C} $$', { A: '', B: '' })).toBe('x  ${C} $');
  });
});

describe('Dockerfile', () => {
  const text = fs.readFileSync(dockerfile, 'utf8');
  const parsed = DockerfileParser.parse(text);
  const stages = parsed.getFROMs();
  const finalStage = stages[stages.length - 1];
  const finalInstructions = parsed.getInstructions().filter((i) => i.getRange().start.line > finalStage.getRange().start.line);

  test('passes the linter with every rule as an error', () => {
    expect(lint(text)).toEqual([]);
  });

  test('the linter finds the faults it is there for', () => {
    expect(lint('FROM node:26\nCMD ["a"]\nCMD ["b"]\nWORKDIR app\n').length).toBeGreaterThanOrEqual(2);
  });

  test('builds the admin in the build stage and installs only runtime dependencies for the image', () => {
    expect(stages.map((s) => s.getBuildStage())).toEqual(['base', 'toolchain', 'build', 'prod-deps', 'runtime']);
    expect(text).toMatch(/FROM toolchain AS build[\s\S]*RUN npm ci\n[\s\S]*npm run build/);
    expect(text).toMatch(/FROM toolchain AS prod-deps[\s\S]*RUN npm ci --omit=dev/);
    expect(finalInstructions.filter((i) => i.getKeyword() === 'COPY').map((i) => i.getTextContent())).toContainEqual(
      expect.stringContaining('--from=prod-deps --chown=node:node /app/node_modules ./node_modules')
    );
  });

  test('runs as the unprivileged node user, with node itself receiving the stop signal', () => {
    const users = finalInstructions.filter((i) => i.getKeyword() === 'USER').map((i) => i.getArgumentsContent());
    expect(users).toEqual(['node']);
    const cmd = finalInstructions.find((i) => i.getKeyword() === 'CMD')?.getArgumentsContent();
    expect(JSON.parse(cmd ?? '[]')).toEqual(['node', 'node_modules/@strapi/strapi/bin/strapi.js', 'start']);
    expect(finalInstructions.some((i) => i.getKeyword() === 'HEALTHCHECK')).toBe(true);
  });

  test('uses the newest Node line within the range Strapi supports, which package.json engines repeats exactly', () => {
    expect(ownPackage.engines.node).toBe(strapiEngines);
    const newestMajor = Number(/<=\s*(\d+)/.exec(strapiEngines)?.[1]);
    const image = /^ARG NODE_IMAGE=node:(\d+)-/m.exec(text);
    expect(Number(image?.[1])).toBe(newestMajor);
  });
});
