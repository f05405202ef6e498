// A TCP echo server in its own process, for loopback-rtt.ts: answers every chunk with itself.
const net = require('node:net');
const server = net.createServer((s) => {
  s.setNoDelay(true);
  s.on('data', (d) => s.write(d));
});
server.listen(0, '127.0.0.1', () => process.send(server.address().port));
process.on('disconnect', () => process.exit(0));
