/**
 * Dashboard load: starts Oversight (src/server.ts) on loopback with a temporary data directory and the synthetic
 * demo council, creates signed-in users with a mix of roles, then from a SECOND PROCESS (a fork of this file in
 * client mode) runs a bounded load: C concurrent clients × R requests each over the dashboard pages that exist
 * (/performance, /performance/<area>, /performance/measure/<id>) and /caseloads. Prints per-request latency
 * (median, p95, p99, max) and requests per second, overall and by page kind, for the embedded database (PGlite)
 * and, when OVERSIGHT_TEST_PG (a server to create a throwaway database on) or DATABASE_URL (an empty database
 * to use as it is) is set, for PostgreSQL. Prints, never asserts. Targets (issue 4): median ≤ 50 ms, p95 ≤ 150 ms.
 *
 * With --think-ms N each client pauses about N ms (0.5N to 1.5N) between pages, as a person reading them does;
 * without it the clients ask back to back, which measures the server saturated rather than 20 people using it.
 *
 *   node --import tsx bench/dashboard-load.ts [--clients 20] [--requests 50] [--users 20] [--think-ms 0]
 *     [--only pglite|postgres]
 *     [--data-dir DIR]   (keep the embedded data directory and its demo council for the next run)
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const here = fileURLToPath(import.meta.url);

function arg(name: string, fallback: string): string {
  const a = process.argv.slice(2);
  const i = a.indexOf(name);
  return i >= 0 ? (a[i + 1] ?? fallback) : fallback;
}

interface ClientJob {
  base: string;
  cookies: string[];
  urls: string[];
  clients: number;
  requests: number;
  /** mean pause between one user's pages, ms (0: none, the saturation test) */
  thinkMs: number;
}

interface Sample {
  url: string;
  ms: number;
  status: number;
}

interface ClientResult {
  samples: Sample[];
  wallMs: number;
}

/** Client mode: the load, run in its own process; talks to the server over loopback only. */
async function runClients(job: ClientJob): Promise<ClientResult> {
  const samples: Sample[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: job.clients }, async (_, c) => {
      const cookie = job.cookies[c % job.cookies.length]!;
      for (let r = 0; r < job.requests; r++) {
        // each client walks the pages from its own starting point, so all kinds are in flight at once
        const url = job.urls[(c * 7 + r) % job.urls.length]!;
        const t0 = performance.now();
        const response = await fetch(`${job.base}${url}`, { headers: { cookie }, redirect: 'manual' });
        await response.arrayBuffer();
        samples.push({ url, ms: performance.now() - t0, status: response.status });
        // A person reads a page before asking for the next: a pause drawn around the mean (0.5× to 1.5×).
        if (job.thinkMs > 0) await new Promise((r) => setTimeout(r, job.thinkMs * (0.5 + Math.random())));
      }
    }),
  );
  return { samples, wallMs: performance.now() - started };
}

function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[i]!;
}

function stats(ms: readonly number[]) {
  const s = [...ms].sort((a, b) => a - b);
  return {
    n: s.length,
    median: quantile(s, 0.5),
    p95: quantile(s, 0.95),
    p99: quantile(s, 0.99),
    max: s[s.length - 1]!,
  };
}

const f1 = (n: number) => n.toFixed(1).padStart(7);

function kindOf(url: string): string {
  if (url.startsWith('/caseloads')) return 'caseloads';
  if (url.startsWith('/performance/measure/')) return 'measure';
  if (url === '/performance') return 'summary';
  return 'area';
}

async function bench(label: string, databaseUrl: string | null): Promise<void> {
  // as deployed: Express caches view lookups in production
  process.env.NODE_ENV = 'production';
  const { loadConfig } = await import('../src/config.ts');
  const { startServer } = await import('../src/server.ts');
  const { createTeam, createUser } = await import('../src/auth/users.ts');
  const { SYSTEM_ACTOR } = await import('../src/store/change-log.ts');
  const { SESSION_COOKIE } = await import('../src/web/middleware/session.ts');
  const { INDICATORS } = await import('../src/indicators/registry.ts');
  const { AREAS } = await import('../src/indicators/types.ts');

  const clients = Number(arg('--clients', '20'));
  const requests = Number(arg('--requests', '50'));
  const thinkMs = Number(arg('--think-ms', '0'));
  const userCount = Number(arg('--users', '20'));
  // --data-dir DIR keeps the data directory (and its loaded demo council) for the next run
  const keptDir = databaseUrl ? '' : arg('--data-dir', '');
  const dataDir = keptDir
    ? path.resolve(keptDir)
    : fs.mkdtempSync(path.join(os.tmpdir(), 'oversight-bench-load-'));
  const config = loadConfig({
    NODE_ENV: 'production',
    PORT: '1',
    HOST: '127.0.0.1',
    OVERSIGHT_DATA_DIR: dataDir,
    OVERSIGHT_DEMO_DATA: '1',
    SESSION_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const t0 = performance.now();
  const running = await startServer({ ...config, port: 0, baseUrl: 'http://127.0.0.1' }, () => undefined);
  await running.demoReady;
  const port = (running.server.address() as { port: number }).port;
  const base = `http://127.0.0.1:${port}`;
  console.log(
    `\n== ${label}: server and demo council ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  try {
    const [team] = await running.analytics.query<{ team: string }>(
      `SELECT allocated_team AS team FROM annex_a_list_6 WHERE allocated_team IS NOT NULL
       GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    );
    const [worker] = await running.analytics.query<{ worker: string }>(
      `SELECT allocated_worker AS worker FROM annex_a_list_6 WHERE allocated_worker IS NOT NULL
       GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    );
    const db = running.database.db;
    const run = randomBytes(3).toString('hex');
    if (team && !(await db.selectFrom('teams').select('id').where('name', '=', team.team).executeTakeFirst()))
      await createTeam(db, SYSTEM_ACTOR, team.team);
    const mix = [
      'analyst',
      'director',
      'service_manager',
      'team_manager',
      'social_worker',
      'member',
    ] as const;
    const cookies: string[] = [];
    for (let i = 0; i < userCount; i++) {
      const role = mix[i % mix.length]!;
      const user = await createUser(db, SYSTEM_ACTOR, {
        email: `load${i}-${run}@example.gov.uk`,
        name: role === 'social_worker' && worker ? worker.worker : `Load User ${i}`,
        roles: [role],
        teams: role === 'team_manager' && team ? [team.team] : [],
        password: null,
        accessExpiresAt: null,
      });
      const { token } = await running.services.sessions.create(user.id);
      cookies.push(`${SESSION_COOKIE}=${token}`);
    }

    // The pages: whatever the dashboard serves now (a 404 page is left out), plus the caseload view.
    const candidates = [
      '/performance',
      ...Object.keys(AREAS).map((a) => `/performance/${a}`),
      ...INDICATORS.map((d) => `/performance/measure/${d.id}`),
      '/caseloads',
    ];
    const urls: string[] = [];
    const warm: number[] = [];
    for (const url of candidates) {
      const w0 = performance.now();
      const r = await fetch(`${base}${url}`, { headers: { cookie: cookies[0]! }, redirect: 'manual' });
      await r.arrayBuffer();
      warm.push(performance.now() - w0);
      if (r.status === 200) urls.push(url);
    }
    const byKind = new Map<string, number>();
    for (const u of urls) byKind.set(kindOf(u), (byKind.get(kindOf(u)) ?? 0) + 1);
    console.log(
      `pages: ${urls.length} of ${candidates.length} answer 200 (${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')}); ` +
        `first (cold) request each: median ${stats(warm).median.toFixed(1)} ms, max ${stats(warm).max.toFixed(1)} ms`,
    );
    if (urls.length === 0) throw new Error('no page answered 200');

    const child = fork(here, ['--client'], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    const result = await new Promise<ClientResult>((resolve, reject) => {
      child.once('message', (m) => resolve(m as ClientResult));
      child.once('error', reject);
      child.once('exit', (code) => (code ? reject(new Error(`load client exited with ${code}`)) : undefined));
      child.send({ base, cookies, urls, clients, requests, thinkMs } satisfies ClientJob);
    });
    const bad = result.samples.filter((s) => s.status !== 200);
    const all = stats(result.samples.map((s) => s.ms));
    console.log(
      `${clients} clients × ${requests} requests${thinkMs > 0 ? ` (pausing about ${thinkMs} ms between pages)` : ' (no pause between pages)'} = ${result.samples.length} requests in ${(result.wallMs / 1000).toFixed(2)} s ` +
        `(${((result.samples.length / result.wallMs) * 1000).toFixed(0)} requests/s), ${bad.length} not 200`,
    );
    console.log('                      n  median     p95     p99     max   (ms)');
    console.log(
      `all           ${String(all.n).padStart(8)} ${f1(all.median)} ${f1(all.p95)} ${f1(all.p99)} ${f1(all.max)}`,
    );
    for (const kind of ['summary', 'area', 'measure', 'caseloads']) {
      const ms = result.samples.filter((s) => kindOf(s.url) === kind).map((s) => s.ms);
      if (!ms.length) continue;
      const k = stats(ms);
      console.log(
        `${kind.padEnd(13)} ${String(k.n).padStart(8)} ${f1(k.median)} ${f1(k.p95)} ${f1(k.p99)} ${f1(k.max)}`,
      );
    }
    const slow = new Map<string, number[]>();
    for (const s of result.samples) slow.set(s.url, [...(slow.get(s.url) ?? []), s.ms]);
    const worst = [...slow]
      .map(([url, ms]) => ({ url, median: stats(ms).median }))
      .sort((a, b) => b.median - a.median)
      .slice(0, 5);
    console.log(
      `slowest pages (median ms): ${worst.map((w) => `${w.url} ${w.median.toFixed(1)}`).join('; ')}`,
    );
    console.log(
      `targets: median ${all.median <= 50 ? 'met' : 'MISSED'} (≤ 50 ms), p95 ${all.p95 <= 150 ? 'met' : 'MISSED'} (≤ 150 ms)`,
    );
    if (bad.length)
      console.log(
        `statuses not 200: ${[...new Set(bad.map((b) => `${b.status} ${b.url}`))].slice(0, 5).join(', ')}`,
      );
  } finally {
    await running.stop();
    if (!keptDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const only = arg('--only', '');
  console.log(
    `Dashboard load on ${os.cpus().length} CPU(s), Node ${process.version}; load from a second process on loopback.`,
  );
  if (only !== 'postgres') await bench('PGlite (embedded)', null);
  if (only === 'pglite') return;
  const server = process.env.OVERSIGHT_TEST_PG;
  if (server) {
    const name = `oversight_bench_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    try {
      await bench('PostgreSQL (throwaway database)', url.href);
    } finally {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    }
  } else if (process.env.DATABASE_URL) {
    await bench('PostgreSQL (DATABASE_URL)', process.env.DATABASE_URL);
  } else {
    console.log('\nPostgreSQL: not run (set OVERSIGHT_TEST_PG or DATABASE_URL).');
  }
}

if (process.argv.includes('--client')) {
  process.once('message', (job: ClientJob) => {
    if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(job.base))
      throw new Error('the load client only talks to loopback');
    runClients(job).then(
      (result) => process.send!(result, () => process.exit(0)),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
} else {
  await main();
}
