import { fork } from 'node:child_process';
import { connect } from 'node:net';
import { resolve } from 'node:path';

/**
 * What one loopback TCP round trip costs on this machine: 64 bytes to an echo server in another
 * process and back, one at a time (`rounds` of them). The telemetry ingest pays a few of these per
 * request (the client's, PostgreSQL's) where the bare route pays one, so a machine whose round trip
 * is slow — a nested-virtualisation VM pays a context switch dearly — lowers the ingest/bare ratio;
 * the bench prints this beside the ratio so two machines' figures can be compared.
 * `cpuUs` is the client process's CPU per round trip (user + system).
 */
export function loopbackRoundTrip(rounds = 3000): Promise<{ rttUs: number; cpuUs: number }> {
  const child = fork(resolve(__dirname, 'echo-server.cjs'), { stdio: 'ignore' });
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('message', (port) => {
      const socket = connect(Number(port), '127.0.0.1');
      socket.setNoDelay(true);
      const ping = Buffer.alloc(64);
      let n = 0;
      let t0 = 0n;
      let cpu0: NodeJS.CpuUsage;
      socket.once('error', fail);
      socket.on('connect', () => {
        t0 = process.hrtime.bigint();
        cpu0 = process.cpuUsage();
        socket.write(ping);
      });
      socket.on('data', () => {
        if (++n < rounds) return void socket.write(ping);
        const wallUs = Number(process.hrtime.bigint() - t0) / 1e3;
        const cpu = process.cpuUsage(cpu0);
        socket.destroy();
        child.disconnect();
        done({ rttUs: +(wallUs / rounds).toFixed(1), cpuUs: +((cpu.user + cpu.system) / rounds).toFixed(1) });
      });
    });
  });
}
