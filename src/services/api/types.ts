import type { paths } from './schema';

// Type-level helpers over the generated OpenAPI types: for a path and method, the JSON body the
// route takes, the path parameters, the query, and the JSON of its success answer.
export type Method = 'get' | 'post';
export type ApiPath<M extends Method> = {
  [P in keyof paths]: paths[P][M] extends { responses: unknown } ? P : never;
}[keyof paths];
export type Operation<P extends keyof paths, M extends Method> = paths[P][M];

type Json<R> = R extends { content: { 'application/json': infer J } } ? J : undefined;
export type SuccessBody<O> = O extends { responses: infer R }
  ? R extends { 200: infer A }
    ? Json<A>
    : R extends { 201: infer A }
      ? Json<A>
      : undefined
  : never;
export type RequestBody<O> = O extends { requestBody: { content: { 'application/json': infer B } } }
  ? B
  : O extends { requestBody?: { content: { 'application/json': infer B } } }
    ? B
    : never;
export type PathParams<O> = O extends { parameters: { path: infer P } } ? (P extends object ? P : never) : never;
export type QueryParams<O> = O extends { parameters: { query?: infer Q } } ? (Q extends object ? Q : never) : never;

/** The answer of `GET path` / `POST path`, e.g. `ApiResult<'/api/loans', 'get'>`. */
export type ApiResult<P extends keyof paths, M extends Method> = SuccessBody<Operation<P, M>>;
export type ApiBody<P extends keyof paths, M extends Method> = RequestBody<Operation<P, M>>;
