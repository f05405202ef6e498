/** A non-2xx answer or a network failure, with the HTTP status when there was one (0 = network). */
export class RequestError extends Error {
  override readonly name = 'RequestError';
  constructor(
    readonly status: number,
    readonly body?: unknown,
  ) {
    super(status === 0 ? 'network error' : `HTTP ${status}`);
  }
}
