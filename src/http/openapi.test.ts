// The OpenAPI builder on a made-up route table: paths in OpenAPI form, parameters from object schemas (path ones
// always required, query ones as the schema says), inputs as sent and answers as returned, named schemas by $ref.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { openApiDocument, openApiPath, type RouteDoc } from './openapi.ts';

const error = z.object({ error: z.object({ message: z.string() }) });

const routes: RouteDoc[] = [
  {
    method: 'GET',
    url: '/things/:id/files/:seq.pdf',
    operationId: 'getFile',
    summary: '下载文件',
    tags: ['文件'],
    security: ['session'],
    params: z.object({ id: z.coerce.number().int().describe('编号'), seq: z.coerce.number().int() }),
    query: z.object({ page: z.coerce.number().int().default(1), kind: z.enum(['a', 'b']) }),
    responses: { 200: { description: '文件', mediaType: 'application/pdf' }, 404: { description: '没有', schema: 'Error' } },
  },
  {
    method: 'POST',
    url: '/things',
    operationId: 'createThing',
    summary: '新建',
    tags: ['文件'],
    body: z.object({ name: z.string().transform((s) => s.length) }),
    responses: { 201: { description: '已建', schema: z.object({ size: z.number() }) } },
  },
];

test('paths, parameters, bodies and answers of the document', () => {
  assert.equal(openApiPath('/a/:id/letters/:seq.docx'), '/a/{id}/letters/{seq}.docx');
  const doc = openApiDocument({ title: 'T', version: '1', schemas: { Error: error }, securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 's' } } }, routes) as any;
  assert.equal(doc.openapi, '3.1.0');
  const get = doc.paths['/things/{id}/files/{seq}.pdf'].get;
  assert.deepEqual(
    get.parameters.map((p: any) => [p.name, p.in, p.required, p.description ?? null]),
    [['id', 'path', true, '编号'], ['seq', 'path', true, null], ['page', 'query', false, null], ['kind', 'query', true, null]],
  );
  assert.deepEqual(get.security, [{ session: [] }]);
  assert.deepEqual(get.responses['200'].content, { 'application/pdf': {} });
  assert.deepEqual(get.responses['404'].content['application/json'].schema, { $ref: '#/components/schemas/Error' });
  assert.ok(doc.components.schemas.Error.properties.error);

  const post = doc.paths['/things'].post;
  assert.deepEqual(post.security, [], 'a public route');
  assert.equal(post.requestBody.content['application/json'].schema.properties.name.type, 'string', 'the input as sent');
  assert.equal(post.responses['201'].content['application/json'].schema.properties.size.type, 'number');
  assert.equal(post.requestBody.content['application/json'].schema.$schema, undefined);
});

test('a route described twice is a mistake', () => {
  assert.throws(() => openApiDocument({ title: 'T', version: '1' }, [routes[1]!, routes[1]!]), /described twice/);
});
