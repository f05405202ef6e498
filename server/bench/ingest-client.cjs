// autocannon's per-connection setup for server/bench/ingest.bench.ts, in the load generator's own
// thread (autocannon `workers`): connection n sends device n's pre-sealed telemetry tokens in order
// (sequence numbers must rise). The token lists come from the JSON file the bench names in
// LJ_BENCH_TOKENS_FILE.
const fs = require('node:fs');

const lists = JSON.parse(fs.readFileSync(process.env.LJ_BENCH_TOKENS_FILE, 'utf8'));
let next = 0;

module.exports = function setupClient(client) {
  const list = lists[next++ % lists.length];
  let i = 0;
  client.setBody(JSON.stringify({ token: list[i++] }));
  client.on('response', () => {
    if (i < list.length) client.setBody(JSON.stringify({ token: list[i++] }));
  });
};
