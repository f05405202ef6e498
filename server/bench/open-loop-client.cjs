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
// workerData: { url, rate, seconds, tokensFile } — tokensFile: JSON array, one token list per device.
// Posts back: { latenciesMs: number[], non2xx, errors, sent, elapsedMs }.
const http = require('node:http');
const fs = require('node:fs');
const { workerData, parentPort } = require('node:worker_threads');

const { url, rate, seconds, tokensFile } = workerData;
const lists = JSON.parse(fs.readFileSync(tokensFile, 'utf8'));
const target = new URL(url);
const total = Math.floor(rate * seconds);

const devices = lists.map((tokens) => ({
  tokens,
  next: 0,
  busy: false,
  waiting: [], // due times of requests queued behind this device's request in flight
  agent: new http.Agent({ keepAlive: true, maxSockets: 1 }),
}));

const latenciesMs = [];
let non2xx = 0;
let errors = 0;
let sent = 0;
let done = 0;
const start = performance.now();

function send(device, due) {
  if (device.next >= device.tokens.length) {
    errors++;
    return finish();
  }
  device.busy = true;
  sent++;
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
        if (res.statusCode < 200 || res.statusCode > 299) non2xx++;
        latenciesMs.push(performance.now() - due);
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
  const due = device.waiting.shift();
  if (due !== undefined) send(device, due);
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
    non2xx,
    errors: errors + unanswered,
    sent,
    elapsedMs: performance.now() - start,
  });
}

function finish() {
  if (++done >= total) report();
}
// A bank that stops answering must not hang the bench: report what came back 30 s after the end.
setTimeout(report, (seconds + 30) * 1000).unref();

let issued = 0;
function tick() {
  const now = performance.now();
  while (issued < total && start + (issued * 1000) / rate <= now) {
    const due = start + (issued * 1000) / rate;
    const device = devices[issued % devices.length];
    issued++;
    if (device.busy) device.waiting.push(due);
    else send(device, due);
  }
  if (issued < total) setTimeout(tick, Math.max(0, start + (issued * 1000) / rate - performance.now()));
}
tick();
