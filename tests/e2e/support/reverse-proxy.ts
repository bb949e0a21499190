import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFreePort } from '../../support/free-port';
import { readLogTail, spawnInOwnGroup, waitForHttp } from '../../support/server-process';

// A real reverse proxy in front of production servers: Debian's nginx (.ci/run installs it),
// configured as a load balancer usually is (Host kept, X-Forwarded-For/-Host/-Proto
// and X-Request-Id set). It connects to the upstreams from 127.0.0.2, so the servers can tell the
// proxy (TRUSTED_PROXIES=127.0.0.2/32) from the browser at 127.0.0.1 on the same machine.

const NGINX = process.env.E2E_NGINX_PATH ?? '/usr/sbin/nginx';
export const PROXY_SOURCE_ADDRESS = '127.0.0.2';

export type ReverseProxy = {
  /** One address per upstream (to reach a chosen instance through the proxy), and one that balances over all of them. */
  urls: string[];
  balancedUrl: string;
  logPath: string;
  stop: () => Promise<void>;
};

function proxyLocation(upstream: string): string {
  return `
      location / {
        proxy_pass http://${upstream};
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_set_header Host $http_host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Host $http_host;
        proxy_set_header X-Forwarded-Proto $scheme;
        proxy_set_header X-Request-Id $request_id;
        proxy_bind ${PROXY_SOURCE_ADDRESS};
      }`;
}

/** nginx with a port per upstream (host:port of each production server) and a round-robin port over all. */
export async function startReverseProxy(options: { upstreams: string[]; logFile: string; resultsDir: string }): Promise<ReverseProxy> {
  if (!existsSync(NGINX)) throw new Error(`${NGINX} is missing: install Debian's nginx (.ci/run does)`);
  const dir = mkdtempSync(path.join(tmpdir(), 'msp-nginx-'));
  for (const sub of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(dir, sub));
  const ports = await Promise.all([...options.upstreams, 'balanced'].map(() => findFreePort()));
  const balancedPort = ports.at(-1)!;
  const servers = options.upstreams.map(
    (upstream, index) => `
    upstream instance_${index} { server ${upstream}; keepalive 4; }
    server {
      listen 127.0.0.1:${ports[index]};
      ${proxyLocation(`instance_${index}`)}
    }`,
  );
  const config = `
daemon off;
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 2m;
  ${servers.join('\n')}
  upstream balanced { ${options.upstreams.map((upstream) => `server ${upstream};`).join(' ')} keepalive 4; }
  server {
    listen 127.0.0.1:${balancedPort};
    ${proxyLocation('balanced')}
  }
}
`;
  writeFileSync(path.join(dir, 'nginx.conf'), config);
  const logPath = path.join(options.resultsDir, options.logFile);
  const { child, stop: stopProcess } = spawnInOwnGroup(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')], {
    cwd: dir,
    env: process.env,
    logPath,
  });
  const stop = async () => {
    await stopProcess();
    rmSync(dir, { recursive: true, force: true });
  };
  const urls = ports.slice(0, -1).map((port) => `http://127.0.0.1:${port}`);
  const balancedUrl = `http://127.0.0.1:${balancedPort}`;
  try {
    for (const url of [...urls, balancedUrl]) await waitForHttp(`${url}/api/health`, child, 20_000);
  } catch (error) {
    const errors = existsSync(path.join(dir, 'error.log')) ? readLogTail(path.join(dir, 'error.log')) : '';
    await stop();
    throw new Error(`nginx did not come up: ${error instanceof Error ? error.message : String(error)}\n${readLogTail(logPath)}\n${errors}`);
  }
  return { urls, balancedUrl, logPath, stop };
}
