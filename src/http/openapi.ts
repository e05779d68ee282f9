// An OpenAPI 3.1 document from route descriptions whose inputs and answers are zod schemas: the same schema
// objects the routes validate with, turned into JSON Schema draft 2020-12 (the dialect of OpenAPI 3.1) by zod's
// own z.toJSONSchema. Inputs are described as the client sends them (io: 'input': before transforms and
// defaults), answers as the server sends them (io: 'output'). Generic: nothing here knows a domain.
import { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type JsonSchema = Record<string, unknown>;

export interface ResponseDoc {
  description: string;
  /** A zod schema of the body, or the name of one of `DocumentInfo.schemas` (a $ref). */
  schema?: z.ZodType | string;
  /** Default application/json; a file type (text/csv …) has no schema. */
  mediaType?: string;
  headers?: Readonly<Record<string, { description: string; schema?: JsonSchema }>>;
}

export interface RouteDoc {
  method: HttpMethod;
  /** Fastify's form, relative to the server URL: /applications/:id/letters/:seq.docx */
  url: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: readonly string[];
  /** Names of DocumentInfo.securitySchemes required (all of them); none: a public route. */
  security?: readonly string[];
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  responses: Readonly<Record<number, ResponseDoc>>;
}

export interface DocumentInfo {
  title: string;
  version: string;
  description?: string;
  servers?: readonly { url: string; description?: string }[];
  tags?: readonly { name: string; description?: string }[];
  securitySchemes?: Readonly<Record<string, JsonSchema>>;
  /** Named answer schemas, referenced from ResponseDoc.schema by name. */
  schemas?: Readonly<Record<string, z.ZodType>>;
}

type Io = 'input' | 'output';

/** JSON Schema draft 2020-12 of a zod schema, without the `$schema` line (the document's dialect applies). */
export function jsonSchemaOf(schema: z.ZodType, io: Io): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** /applications/:id/letters/:seq.docx → /applications/{id}/letters/{seq}.docx */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
}

/** The path and query parameters of an object schema, each with its own schema, description and requiredness. */
function parametersOf(schema: z.ZodObject, where: 'path' | 'query'): JsonSchema[] {
  const object = jsonSchemaOf(schema, 'input');
  const properties = (object.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((object.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

function schemaRef(schema: z.ZodType | string, io: Io): JsonSchema {
  return typeof schema === 'string' ? { $ref: `#/components/schemas/${schema}` } : jsonSchemaOf(schema, io);
}

function responseOf(r: ResponseDoc): JsonSchema {
  const mediaType = r.mediaType ?? 'application/json';
  return {
    description: r.description,
    ...(r.headers ? { headers: r.headers } : {}),
    content: { [mediaType]: r.schema === undefined ? {} : { schema: schemaRef(r.schema, 'output') } },
  };
}

function operationOf(route: RouteDoc): JsonSchema {
  const parameters = [
    ...(route.params ? parametersOf(route.params, 'path') : []),
    ...(route.query ? parametersOf(route.query, 'query') : []),
  ];
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: [...route.tags],
    security: route.security && route.security.length > 0 ? [Object.fromEntries(route.security.map((s) => [s, []]))] : [],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchemaOf(route.body, 'input') } } } }
      : {}),
    responses: Object.fromEntries(Object.entries(route.responses).map(([status, r]) => [status, responseOf(r)])),
  };
}

/** The OpenAPI 3.1 document of `routes`. */
export function openApiDocument(info: DocumentInfo, routes: readonly RouteDoc[]): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const path = openApiPath(route.url);
    const method = route.method.toLowerCase();
    const item = (paths[path] ??= {});
    if (item[method]) throw new Error(`OpenAPI: ${route.method} ${path} is described twice`);
    item[method] = operationOf(route);
  }
  return {
    openapi: '3.1.0',
    info: { title: info.title, version: info.version, ...(info.description ? { description: info.description } : {}) },
    ...(info.servers ? { servers: info.servers } : {}),
    ...(info.tags ? { tags: info.tags } : {}),
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(info.schemas ?? {}).map(([name, s]) => [name, jsonSchemaOf(s, 'output')])),
      securitySchemes: info.securitySchemes ?? {},
    },
  };
}
