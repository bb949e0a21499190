// `npm run dev` preloads this into `next dev` (node --import): the request ids of server.mjs
// (lib/http/request-context.mjs) for the development server, which has no server.mjs of its own.
// Every HTTP server of the process runs its request handler inside the request's context.
import http from 'node:http';
import { runWithRequestId } from '../lib/http/request-context.mjs';

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithRequestId(event, ...args) {
  if (event !== 'request') return emit.call(this, event, ...args);
  const [request, response] = args;
  // Development is local: an id Next passes between its own servers is kept.
  return runWithRequestId(request, response, { trustForwardedId: true }, () => emit.call(this, event, ...args));
};
