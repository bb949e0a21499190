// Production server: `npm start` (node server.mjs [-p PORT] [-H HOST]).
//
// Why not plain `next start`: Next.js keeps an X-Forwarded-For header that the client sent
// itself and only fills it in when it is missing, so a directly exposed instance cannot tell a
// forged client address from a real one (per-address throttling and audit depend on it).
// Here the TCP peer decides: only a peer listed in TRUSTED_PROXIES may pass an
// X-Forwarded-For chain on (the peer is appended to it); anyone else's header is replaced by
// the peer address. lib/http/client-address.ts then reads the chain from the right.
import { createServer } from 'node:http';
import next from 'next';

function readOption(flag, fallback) {
  const index = process.argv.indexOf(flag);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

const port = Number(readOption('-p', process.env.PORT ?? '3000'));
const hostname = readOption('-H', process.env.HOSTNAME ?? '0.0.0.0');
const trustedProxies = new Set(
  (process.env.TRUSTED_PROXIES ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean),
);

const normalise = (address) => (address?.startsWith('::ffff:') ? address.slice(7) : (address ?? 'unknown'));

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

createServer((request, response) => {
  const peer = normalise(request.socket.remoteAddress);
  const forwarded = request.headers['x-forwarded-for'];
  request.headers['x-forwarded-for'] =
    trustedProxies.has(peer) && typeof forwarded === 'string' && forwarded.length > 0 ? `${forwarded}, ${peer}` : peer;
  handle(request, response);
}).listen(port, hostname, () => {
  console.log(`Mobile Security Portal listening on http://${hostname}:${port}`);
});
