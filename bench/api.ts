/**
 * The HTTP API under load: 200 concurrent keep-alive clients on loopback for N seconds against a server
 * over a memory store filled from examples/ (briefs written before the clock starts). Prints one JSON line:
 * requests/s, p50/p99/max latency, errors by kind, and the server's CPU per request.
 *
 *   node --import tsx bench/api.ts [--seconds 60] [--clients 200] [--examples examples]
 *
 * The server runs in a child process so clients and server do not share one event loop (the machine has
 * 2 cores); the child reports its own CPU time, so `requestsPerServerCpuSecond` is the per-core figure
 * that does not depend on what else the machine runs. Each client sends its next request as soon as the
 * previous answer is read (closed loop), over one kept-alive socket. Requests follow a fixed mix of what
 * a reader and an API client do (below), ids drawn round-robin from the stored stories and articles.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { childScript } from './child.ts';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const CHILD_FLAG = '--serve-child';

function arg(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

interface ChildReady {
  type: 'ready';
  url: string;
  stories: string[];
  articles: string[];
}
interface ChildUsage {
  type: 'usage';
  cpuMicros: number;
  rssMb: number;
}

/** The server side: fill a store, serve on port 0, report the address and ids, then CPU on request. */
async function child(): Promise<void> {
  const { exampleStore } = await import('../src/server/testing.ts');
  const { serve } = await import('../src/server/index.ts');
  const store = await exampleStore(arg('--examples', 'examples'));
  const server = await serve({ store, port: 0, logError: (m, c) => console.error(m, c) });
  const stories = (await store.latestStories({ limit: 1000 })).map((s) => s.id);
  const articles: string[] = [];
  for await (const r of store.results()) articles.push(r.result.id);
  let cpuStart = process.cpuUsage();
  // The parent gone (killed, crashed) means nobody will ask us to stop: do not outlive it.
  process.on('disconnect', () => process.exit(0));
  process.on('message', async (msg: { type: string }) => {
    if (msg.type === 'start') cpuStart = process.cpuUsage();
    if (msg.type === 'usage') {
      const u = process.cpuUsage(cpuStart);
      process.send!({ type: 'usage', cpuMicros: u.user + u.system, rssMb: Math.round(process.memoryUsage().rss / 2 ** 20) } satisfies ChildUsage);
    }
    if (msg.type === 'stop') {
      await server.close();
      await store.close();
      process.exit(0);
    }
  });
  process.send!({ type: 'ready', url: server.url, stories, articles } satisfies ChildReady);
}

/** The request mix: weights out of 100, tuned to nothing but a plausible reader/API-client blend. */
const MIX: readonly { weight: number; path: (i: number, ids: ChildReady) => string }[] = [
  { weight: 20, path: (i) => (i % 2 === 0 ? '/api/stories' : '/api/stories?sort=biggest&limit=10') },
  { weight: 30, path: (i, ids) => `/api/stories/${ids.stories[i % ids.stories.length]}` },
  { weight: 30, path: (i, ids) => `/api/articles/${ids.articles[i % ids.articles.length]}` },
  { weight: 15, path: (i) => `/api/stories?q=${encodeURIComponent(['dam', 'strike', 'court', 'Riverton', 'union pay'][i % 5]!)}` },
  { weight: 5, path: () => '/api/sources' },
];

function pickPath(i: number, ids: ChildReady): string {
  let r = (i * 37) % 100;
  for (const m of MIX) {
    if (r < m.weight) return m.path(i, ids);
    r -= m.weight;
  }
  return MIX[0]!.path(i, ids);
}

function get(agent: Agent, base: URL, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: base.hostname, port: base.port, path, agent, method: 'GET', timeout: 30_000 }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout after 30 s')));
    req.on('error', reject);
    req.end();
  });
}

function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function main(): Promise<void> {
  const seconds = Number(arg('--seconds', '60'));
  const clients = Number(arg('--clients', '200'));
  if (!(seconds > 0) || !(clients > 0)) throw new Error('--seconds and --clients take positive numbers');
  const server: ChildProcess = fork(fileURLToPath(import.meta.url), [CHILD_FLAG, ...process.argv.slice(2)], { execArgv: childScript(import.meta.url, 'api.ts').execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const message = <T>(type: string) =>
    new Promise<T>((resolve, reject) => {
      const onMsg = (m: { type: string }) => {
        if (m.type === type) {
          server.off('message', onMsg);
          resolve(m as T);
        }
      };
      server.on('message', onMsg);
      server.once('exit', (code) => reject(new Error(`the server exited (${code}) before sending ${type}`)));
    });
  const ready = await message<ChildReady>('ready');
  const base = new URL(ready.url);
  const agent = new Agent({ keepAlive: true, maxSockets: clients });

  // Warm-up: every route once, so the first timed requests do not pay for briefs computed on demand or caches.
  for (let i = 0; i < 100; i++) await get(agent, base, pickPath(i, ready));

  server.send({ type: 'start' });
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  const deadline = performance.now() + seconds * 1000;
  let counter = 0;
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const path = pickPath(counter++, ready);
        const t0 = performance.now();
        try {
          const status = await get(agent, base, path);
          if (status !== 200) errors[`status ${status}`] = (errors[`status ${status}`] ?? 0) + 1;
        } catch (err) {
          const key = err instanceof Error ? err.message.slice(0, 60) : String(err);
          errors[key] = (errors[key] ?? 0) + 1;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const wall = (performance.now() - started) / 1000;
  const clientCpu = process.cpuUsage(cpuStart);
  server.send({ type: 'usage' });
  const usage = await message<ChildUsage>('usage');
  server.send({ type: 'stop' });
  agent.destroy();

  const sorted = Float64Array.from(latencies).sort();
  const errorCount = Object.values(errors).reduce((a, b) => a + b, 0);
  const serverCpuSeconds = usage.cpuMicros / 1e6;
  console.log(
    JSON.stringify({
      bench: 'api',
      clients,
      seconds: Number(wall.toFixed(1)),
      requests: latencies.length,
      requestsPerSecond: Math.round(latencies.length / wall),
      p50Ms: Number(quantile(sorted, 0.5).toFixed(1)),
      p99Ms: Number(quantile(sorted, 0.99).toFixed(1)),
      maxMs: Number((sorted.at(-1) ?? 0).toFixed(1)),
      errors: errorCount,
      errorKinds: errors,
      serverCpuSeconds: Number(serverCpuSeconds.toFixed(1)),
      requestsPerServerCpuSecond: Math.round(latencies.length / serverCpuSeconds),
      clientCpuSeconds: Number(((clientCpu.user + clientCpu.system) / 1e6).toFixed(1)),
      serverRssMb: usage.rssMb,
      stories: ready.stories.length,
      articles: ready.articles.length,
    }),
  );
  if (errorCount > 0) process.exitCode = 1;
}

if (process.argv.includes(CHILD_FLAG)) await child();
else await main();
