import request from 'supertest';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/**
 * Checks answers of the v1 API against the OpenAPI document the server itself serves: the operation (path and
 * method) must list the status, and a JSON body must match its schema.
 */

type Responses = Record<string, { content?: Record<string, { schema: object }> }>;

export interface Contract {
  expect(path: string, method: 'get' | 'post', res: request.Response): void;
}

export async function loadContract(server: Parameters<typeof request>[0]): Promise<Contract> {
  const document = JSON.parse((await request(server).get('/api/v1/openapi.json')).text);
  const rewritten = JSON.parse(JSON.stringify(document).replace(/"#\/components\/schemas\//g, '"https://contract.test/schemas#/$defs/'));
  const ajv = new Ajv2020({ strict: false, allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'https://contract.test/schemas', $defs: rewritten.components.schemas });
  const validators = new Map<object, ValidateFunction>();
  return {
    expect(path, method, res) {
      const responses = rewritten.paths[path]?.[method]?.responses as Responses | undefined;
      if (!responses) throw new Error(`the OpenAPI document has no ${method.toUpperCase()} ${path}`);
      const declared = responses[String(res.status)];
      if (!declared) throw new Error(`${method.toUpperCase()} ${path} answered ${res.status}, which its operation does not list: ${res.text}`);
      const schema = declared.content?.['application/json']?.schema;
      if (!schema) return;
      let validate = validators.get(schema);
      if (!validate) {
        validate = ajv.compile(schema);
        validators.set(schema, validate);
      }
      const body = typeof res.body === 'string' ? JSON.parse(res.body) : res.body;
      const valid = validate(body);
      if (!valid) throw new Error(`${method.toUpperCase()} ${path} ${res.status} breaks the contract: ${JSON.stringify(validate.errors)}`);
    },
  };
}
