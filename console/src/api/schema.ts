// The bank's OpenAPI types, generated once for the app and the console alike (scripts/gen-api-types.ts):
// one generated file, so the two clients cannot drift from the server or from each other.
export type { paths, components } from '../../../src/services/api/schema';
