// Open-loop load at a fixed rate for server/bench/ingest.bench.ts, in a worker thread.
//
// Why not autocannon's `overallRate`: autocannon sends each second's quota back to back and then
// waits for the next second, so "1,000 req/s" arrives as a burst of 1,000 at the top of every
// second and its p99 is the p99 of that burst. Here request i is due at start + i / rate (evenly
// spaced, as a fleet of phones averages out) and its latency runs from when it was due, not from
// when it was sent: a request that waits behind a slow one counts its wait (no coordinated
// omission, as in wrk2). Devices take turns; one device's tokens go in order, one at a time (as the
// SDK sends them), each device on its own keep-alive connection.
//
// Warm-up: the first `warmupSeconds` run at the same rate but are not measured — the devices' first
// connections and both threads' code warming up, as load tools (wrk2's calibration) leave out.
//
// workerData: { url, rate, seconds, warmupSeconds, tokensFile } — tokensFile: JSON array, one token
// list per device.
// Posts 'ready' once the tokens are loaded, starts on the parent's 'start' (so neither the worker's
// start-up nor its JSON parsing, which share the bank's process, lands inside the measured run).
// Posts back, for the measured requests only: { latenciesMs: number[], dueMs: number[] (when each was
// due, from the end of the warm-up), non2xx, errors, sent, elapsedMs }.
const http = require('node:http');
const fs = require('node:fs');
const { workerData, parentPort } = require('node:worker_threads');

const { url, rate, seconds, warmupSeconds = 0, tokensFile } = workerData;
const lists = JSON.parse(fs.readFileSync(tokensFile, 'utf8'));
const target = new URL(url);
const warmup = Math.floor(rate * warmupSeconds);
const total = warmup + Math.floor(rate * seconds);

const devices = lists.map((tokens) => ({
  tokens,
  next: 0,
  busy: false,
  waiting: [], // indexes of requests queued behind this device's request in flight
  agent: new http.Agent({ keepAlive: true, maxSockets: 1 }),
}));

const latenciesMs = [];
const dueMs = [];
let non2xx = 0;
let errors = 0;
let sent = 0;
let done = 0;
/** performance.now() at the parent's 'start'. */
let start = 0;

/** When request `i` is due (ms, performance.now()); requests from `warmup` on are measured. */
const dueOf = (i) => start + (i * 1000) / rate;
const measureFrom = () => dueOf(warmup);

function send(device, i) {
  const due = dueOf(i);
  if (device.next >= device.tokens.length) {
    errors++;
    return finish();
  }
  device.busy = true;
  if (i >= warmup) sent++;
  const body = JSON.stringify({ token: device.tokens[device.next++] });
  const req = http.request(
    {
      host: target.hostname,
      port: target.port,
      path: target.pathname,
      method: 'POST',
      agent: device.agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    },
    (res) => {
      res.resume();
      res.on('end', () => {
        // Failures count in the warm-up too; latencies only after it.
        if (res.statusCode < 200 || res.statusCode > 299) non2xx++;
        if (i >= warmup) {
          latenciesMs.push(performance.now() - due);
          dueMs.push(due - measureFrom());
        }
        release(device);
      });
    },
  );
  req.on('error', () => {
    errors++;
    release(device);
  });
  req.end(body);
}

function release(device) {
  device.busy = false;
  finish();
  const next = device.waiting.shift();
  if (next !== undefined) send(device, next);
}

let reported = false;
function report() {
  if (reported) return;
  reported = true;
  for (const d of devices) d.agent.destroy();
  // Requests never answered (the bench gave up on them) count as errors.
  const unanswered = total - done;
  parentPort.postMessage({
    latenciesMs,
    dueMs,
    non2xx,
    errors: errors + unanswered,
    sent,
    elapsedMs: performance.now() - measureFrom(),
  });
}

function finish() {
  if (++done >= total) report();
}
let issued = 0;
function tick() {
  const now = performance.now();
  while (issued < total && dueOf(issued) <= now) {
    const device = devices[issued % devices.length];
    if (device.busy) device.waiting.push(issued);
    else send(device, issued);
    issued++;
  }
  if (issued < total) setTimeout(tick, Math.max(0, dueOf(issued) - performance.now()));
}

parentPort.once('message', () => {
  start = performance.now();
  // A bank that stops answering must not hang the bench: report what came back 30 s after the end.
  setTimeout(report, (warmupSeconds + seconds + 30) * 1000).unref();
  tick();
});
parentPort.postMessage('ready');
