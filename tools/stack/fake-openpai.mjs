// A fake of the two OpenPAI rest-server endpoints the marketplace calls to identify a caller,
// for the load tools (bench, soak). The Jest suites use apps/restserver/test/fake-openpai.ts,
// which also fakes groups and jobs and can inject failures.
import { createServer } from 'node:http';

/**
 * Starts the fake on a free port of 127.0.0.1. `users` are `{ username, admin, groups, token }`;
 * `GET /api/v2/tokens/check` and `GET /api/v2/users/{username}` respond in OpenPAI's shapes to a
 * known bearer token and with 401 otherwise. Returns `{ url, close }`.
 */
export async function startFakeOpenPai(users) {
  const usersByToken = new Map(users.map((user) => [`Bearer ${user.token}`, user]));
  const server = createServer((request, response) => {
    const caller = usersByToken.get(request.headers.authorization ?? '');
    if (!caller) {
      sendJson(response, 401, { code: 'UnauthorizedUserError', message: 'Guest is not allowed to do this operation.' });
      return;
    }

    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    if (path === '/api/v2/tokens/check') {
      sendJson(response, 200, { username: caller.username, admin: caller.admin, application: false });
      return;
    }
    const user = users.find((candidate) => path === `/api/v2/users/${encodeURIComponent(candidate.username)}`);
    if (user) {
      sendJson(response, 200, { username: user.username, admin: user.admin, grouplist: user.groups, email: `${user.username}@example.test`, virtualCluster: ['default'] });
      return;
    }
    sendJson(response, 404, { code: 'NotFoundError', message: `${path} not found` });
  });

  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}

function sendJson(response, status, body) {
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}
