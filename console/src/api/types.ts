import type { paths } from './schema';

// Type-level view of the generated OpenAPI types: for a path and method, the JSON body it takes,
// its path and query parameters, and the JSON of its success answer (200, 201 or 202).
export type Method = 'get' | 'post';
export type ApiPath<M extends Method> = {
  [P in keyof paths]: paths[P][M] extends { responses: unknown } ? P : never;
}[keyof paths];
type Op<P extends keyof paths, M extends Method> = paths[P][M];
type Json<R> = R extends { content: { 'application/json': infer J } } ? J : undefined;
type Success<O> = O extends { responses: infer R }
  ? R extends { 200: infer A }
    ? Json<A>
    : R extends { 201: infer A }
      ? Json<A>
      : R extends { 202: infer A }
        ? Json<A>
        : undefined
  : never;

export type Result<P extends keyof paths, M extends Method> = Success<Op<P, M>>;
export type Body<P extends keyof paths, M extends Method> =
  Op<P, M> extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
export type Params<P extends keyof paths, M extends Method> =
  Op<P, M> extends { parameters: { path: infer X } } ? (X extends object ? X : never) : never;
export type Query<P extends keyof paths, M extends Method> =
  Op<P, M> extends { parameters: { query?: infer Q } } ? (Q extends object ? Q : never) : never;

// The console's main records, named once.
export type Me = Result<'/api/staff/me', 'get'>;
export type DecisionSummary = Result<'/api/staff/risk/decisions', 'get'>['items'][number];
export type Decision = Result<'/api/staff/risk/decisions/{id}', 'get'>;
export type DecisionContext = Result<'/api/staff/decisions/{id}/context', 'get'>;
export type Channel = Result<'/api/staff/risk/channels', 'get'>['items'][number];
export type Bucket = Result<'/api/staff/risk/channels/{channel}/series', 'get'>['items'][number];
export type Alert = Result<'/api/staff/risk/alerts', 'get'>['items'][number];
export type StaffReview = Result<'/api/staff/reviews', 'get'>['items'][number];
export type Hold = Result<'/api/staff/risk/holds', 'get'>['items'][number];
export type RuleSetOverview = Result<'/api/staff/rules', 'get'>['items'][number];
export type Backtest = Result<'/api/staff/rules/backtests/{id}', 'get'>;
export type SimulationRun = Result<'/api/staff/simulations', 'get'>['items'][number];
export type AuditEntry = Result<'/api/staff/audit', 'get'>['items'][number];

/** One row of the live stream (GET /api/staff/stream/decisions): a decision summary and its kind. */
export interface StreamRow {
  decisionId: string;
  at: string;
  kind: 'application' | 'money';
  action: string;
  channel: string;
  outcome: string;
  score: number;
  reasons: string[];
  category: string | null;
  forcedBy?: string;
  ruleSet: { id: string; version: number };
}
