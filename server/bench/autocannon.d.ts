// The slice of autocannon's API the benchmark uses (the package ships no types).
declare module 'autocannon' {
  namespace autocannon {
    interface Client {
      setBody(body: string): void;
      on(event: 'response', cb: (status: number, bytes: number, latency: number) => void): void;
    }
    interface Options {
      url: string;
      connections?: number;
      duration?: number;
      amount?: number;
      overallRate?: number;
      method?: string;
      headers?: Record<string, string>;
      body?: string;
      /** A function, or with `workers` the absolute path of a module exporting one. */
      setupClient?: ((client: Client) => void) | string;
      /** Worker threads firing the requests. */
      workers?: number;
      /** ms between samples; a run of `amount` requests ends at the first sample after the last answer. */
      sampleInt?: number;
    }
    interface Histogram {
      average: number;
      total: number;
      p50: number;
      p99: number;
    }
    interface Result {
      requests: Histogram;
      latency: Histogram;
      duration: number;
      non2xx: number;
      errors: number;
    }
  }
  function autocannon(opts: autocannon.Options, cb: (err: Error | null, result: autocannon.Result) => void): unknown;
  export = autocannon;
}
