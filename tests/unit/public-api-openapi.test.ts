import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { openApiDocument } from '../../src/plugins/stories/server/src/public-api/openapi';
import { noParams, oembedParams, removalParams, storyListParams } from '../../src/plugins/stories/server/src/public-api/params';
import storiesRoutes from '../../src/plugins/stories/server/src/routes';
import submissionsRoutes from '../../src/plugins/submissions/server/src/routes';

/**
 * The official OpenAPI 3.1 JSON Schema is not among the installed packages, so the document is checked in two
 * steps with Ajv's 2020-12 dialect: its structure against the parts of the OpenAPI 3.1 object model it uses
 * (written out below, strict about unknown fields), and every embedded schema against the 2020-12 meta-schema.
 */

const document = openApiDocument('https://zusammen-mehr.example');

const ref = { type: 'object', required: ['$ref'], properties: { $ref: { type: 'string', pattern: '^#/components/' } }, additionalProperties: false };
const extensible = (properties: Record<string, unknown>, required: string[] = []) => ({
  type: 'object',
  properties,
  required,
  patternProperties: { '^x-': true },
  additionalProperties: false,
});
const OPENAPI_SUBSET = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $defs: {
    parameter: extensible(
      {
        name: { type: 'string' },
        in: { enum: ['query', 'header', 'path', 'cookie'] },
        description: { type: 'string' },
        required: { type: 'boolean' },
        schema: { type: 'object' },
      },
      ['name', 'in', 'schema']
    ),
    parameterOrRef: { oneOf: [ref, { $ref: '#/$defs/parameter' }] },
    mediaTypes: { type: 'object', minProperties: 1, additionalProperties: extensible({ schema: { type: 'object' } }, ['schema']) },
    response: extensible(
      {
        description: { type: 'string' },
        headers: { type: 'object', additionalProperties: extensible({ schema: { type: 'object' }, description: { type: 'string' } }, ['schema']) },
        content: { $ref: '#/$defs/mediaTypes' },
      },
      ['description']
    ),
    operation: extensible(
      {
        operationId: { type: 'string' },
        summary: { type: 'string' },
        description: { type: 'string' },
        parameters: { type: 'array', items: { $ref: '#/$defs/parameterOrRef' } },
        requestBody: extensible({ description: { type: 'string' }, required: { type: 'boolean' }, content: { $ref: '#/$defs/mediaTypes' } }, ['content']),
        responses: {
          type: 'object',
          minProperties: 1,
          propertyNames: { pattern: '^([1-5][0-9X]{2}|default)$' },
          additionalProperties: { oneOf: [ref, { $ref: '#/$defs/response' }] },
        },
      },
      ['responses']
    ),
  },
  ...extensible(
    {
      openapi: { type: 'string', pattern: '^3\\.1\\.\\d+$' },
      info: extensible({ title: { type: 'string' }, version: { type: 'string' }, summary: { type: 'string' }, description: { type: 'string' } }, [
        'title',
        'version',
      ]),
      servers: { type: 'array', items: extensible({ url: { type: 'string', format: 'uri-reference' }, description: { type: 'string' } }, ['url']) },
      security: { type: 'array', items: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } } },
      paths: {
        type: 'object',
        propertyNames: { pattern: '^/' },
        additionalProperties: extensible(
          Object.fromEntries(['get', 'head', 'post', 'patch', 'delete'].map((method) => [method, { $ref: '#/$defs/operation' }]))
        ),
      },
      components: extensible({
        schemas: { type: 'object', propertyNames: { pattern: '^[a-zA-Z0-9._-]+$' } },
        parameters: { type: 'object', additionalProperties: { $ref: '#/$defs/parameter' } },
        securitySchemes: {
          type: 'object',
          additionalProperties: extensible({ type: { const: 'apiKey' }, in: { enum: ['header', 'query'] }, name: { type: 'string' } }, [
            'type',
            'in',
            'name',
          ]),
        },
      }),
    },
    ['openapi', 'info', 'paths']
  ),
};

function collect(value: unknown, key: string, found: unknown[] = []): unknown[] {
  if (Array.isArray(value)) value.forEach((v) => collect(v, key, found));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === key) found.push(v);
      collect(v, key, found);
    }
  }
  return found;
}

function resolve(pointer: string): unknown {
  return pointer
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], document);
}

describe('the OpenAPI document of the v1 API', () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
  addFormats(ajv);

  test('is an OpenAPI 3.1 document (structure checked with the 2020-12 dialect)', () => {
    const validate = ajv.compile(OPENAPI_SUBSET);
    expect(validate(document) ? [] : validate.errors).toEqual([]);
  });

  test('every schema in it is a valid JSON Schema 2020-12', () => {
    const schemas = [
      ...Object.values(document.components.schemas),
      ...collect(document.paths, 'schema'),
      ...Object.values(document.components.parameters).map((p) => (p as { schema: unknown }).schema),
    ];
    for (const schema of schemas) {
      expect(ajv.validateSchema(schema as object) ? [] : ajv.errors).toEqual([]);
    }
  });

  test('every $ref points at something that exists', () => {
    const refs = collect(document, '$ref') as string[];
    expect(refs.length).toBeGreaterThan(20);
    for (const pointer of refs) expect([pointer, resolve(pointer) !== undefined]).toEqual([pointer, true]);
  });

  test('documents exactly the /api/v1 routes the plugins serve', () => {
    const v1 = [...storiesRoutes['content-api'].routes, ...submissionsRoutes['content-api'].routes];
    const served = [...new Set(v1.map((r) => r.path.replace(/^\/v1/, '').replace(/:(\w+)/g, '{$1}')))].sort();
    expect(Object.keys(document.paths).sort()).toEqual(served);
  });

  test('documents exactly the query parameters each operation accepts', () => {
    const names = (path: keyof typeof document.paths) =>
      ((document.paths[path] as { get: { parameters: unknown[] } }).get.parameters as { name?: string; in?: string; $ref?: string }[])
        .map((p) => (p.$ref ? (resolve(p.$ref) as { name: string; in: string }) : (p as { name: string; in: string })))
        .filter((p) => p.in === 'query')
        .map((p) => p.name)
        .sort();
    const accepted = (schema: { shape: Record<string, unknown> }) => Object.keys(schema.shape).sort();
    expect(names('/stories')).toEqual(accepted(storyListParams));
    expect(names('/stories.rss')).toEqual(accepted(storyListParams));
    expect(names('/stories.atom')).toEqual(accepted(storyListParams));
    expect(names('/stories/removed')).toEqual(accepted(removalParams));
    expect(names('/oembed')).toEqual(accepted(oembedParams));
    for (const path of ['/stories/{slug}', '/regions', '/themes', '/projects', '/playlists', '/openapi.json', '/submissions/options'] as const) {
      expect(names(path)).toEqual(accepted(noParams));
    }
  });
});
