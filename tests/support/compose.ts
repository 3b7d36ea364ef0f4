import fs from 'fs';
import path from 'path';
import YAML from 'yaml';
import { DockerfileParser } from 'dockerfile-ast';

/**
 * Reads the deployment files as Docker would: compose.yaml with its `${…}` interpolation and YAML merge keys, and
 * the ENV lines of the Dockerfile, so that a test can boot the app with the environment a container gets.
 */

const root = path.resolve(__dirname, '..', '..');
export const composeFile = path.join(root, 'compose.yaml');
export const dockerfile = path.join(root, 'Dockerfile');

export const readCompose = (): Record<string, unknown> => YAML.parse(fs.readFileSync(composeFile, 'utf8'), { merge: true });

/**
 * Compose's interpolation: `$${…}` and `$$` stand for a literal `$`; `${NAME}`, `${NAME:-default}` (default when
 * unset or empty), `${NAME-default}` (when unset), `${NAME:?error}` and `${NAME?error}` (an error when missing).
 */
export function interpolate(value: string, vars: Record<string, string | undefined>): string {
  return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (match, name, colon, kind, arg, bare) => {
    if (match === '$$') return '$';
    const variable = (name ?? bare) as string;
    const current = vars[variable];
    const missing = colon ? !current : current === undefined;
    if (kind === '-') return missing ? arg : (current as string);
    if (kind === '?' && missing) throw new Error(`compose.yaml: ${variable} is required: ${arg}`);
    return current ?? '';
  });
}

/** The environment compose.yaml gives a service, after interpolation with `vars` (what .env would hold). */
export function serviceEnvironment(service: string, vars: Record<string, string | undefined>): Record<string, string> {
  const services = readCompose().services as Record<string, { environment?: Record<string, string | number | boolean | null> }>;
  const environment = services[service]?.environment;
  if (!environment || Array.isArray(environment)) throw new Error(`compose.yaml: service ${service} has no environment mapping`);
  return Object.fromEntries(Object.entries(environment).map(([key, value]) => [key, interpolate(String(value ?? ''), vars)]));
}

/** The ENV of the image (every stage's ENV lines: only the base and the runtime stage have any). */
export function imageEnvironment(): Record<string, string> {
  const parsed = DockerfileParser.parse(fs.readFileSync(dockerfile, 'utf8'));
  return Object.fromEntries(parsed.getENVs().flatMap((env) => env.getProperties().map((p) => [p.getName(), p.getValue() ?? ''])));
}

/** Every variable the app documents in .env.example: the ones a test must clear to boot with a container's environment. */
export function documentedVariables(): string[] {
  const text = fs.readFileSync(path.join(root, '.env.example'), 'utf8');
  return [...new Set([...text.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]))];
}
