import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Express, Request } from 'express';

// GraphiQL and React come from npm and are served by us: the page works with no network.
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

// Packages' `exports` maps hide their UMD files from require.resolve; their package.json is
// exported, and the files sit beside it.
const assetPath = (a: { pkg: string; file: string }) => path.join(path.dirname(require.resolve(`${a.pkg}/package.json`)), a.file);

const DEFAULT_QUERY = `# Welcome to LimiQuantix.
# Log in above (the bootstrap user is "admin"), then run:
query Fleet {
  me { username role }
  hosts(first: 10) {
    totalCount
    edges {
      node {
        hostname
        phase
        allocatable { vcpus memoryMib }
        allocated { vcpus memoryMib }
        usage { cpuPercent memoryPercent }
      }
    }
  }
  virtualMachines(first: 10) {
    edges { node { name state host { hostname } } }
  }
}

# Live updates: open a new tab and run
# subscription { virtualMachineChanged { kind virtualMachine { name state } } }
`;

function page(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<title>LimiQuantix GraphiQL</title>
<link rel="stylesheet" href="/graphiql/assets/graphiql.css" />
<style>
  body { margin: 0; height: 100vh; display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
  #auth { display: flex; gap: 8px; align-items: center; padding: 6px 12px; background: #0b2545; color: #fff; font-size: 14px; }
  #auth input { padding: 3px 6px; }
  #auth .who { margin-left: auto; opacity: 0.85; }
  #graphiql { flex: 1; min-height: 0; }
</style>
</head>
<body>
<form id="auth">
  <strong>LimiQuantix</strong>
  <input name="username" placeholder="username" autocomplete="username" value="admin" />
  <input name="password" type="password" placeholder="password" autocomplete="current-password" />
  <button type="submit">Log in</button>
  <button type="button" id="logout">Log out</button>
  <span class="who" id="who"></span>
</form>
<div id="graphiql"></div>
<script src="/graphiql/assets/react.js"></script>
<script src="/graphiql/assets/react-dom.js"></script>
<script src="/graphiql/assets/graphiql.js"></script>
<script>
(function () {
  var KEY = 'limiquantix.accessToken';
  var url = location.origin + '/graphql';
  var wsUrl = url.replace(/^http/, 'ws');
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  function render() {
    var token = localStorage.getItem(KEY);
    var headers = token ? { authorization: 'Bearer ' + token } : {};
    document.getElementById('who').textContent = token ? 'token set (subscriptions and queries use it)' : 'not logged in';
    var fetcher = GraphiQL.createFetcher({ url: url, subscriptionUrl: wsUrl, headers: headers, wsConnectionParams: headers });
    root.render(React.createElement(GraphiQL, { fetcher: fetcher, defaultQuery: ${JSON.stringify(DEFAULT_QUERY)}, key: token || 'anon' }));
  }
  document.getElementById('auth').addEventListener('submit', function (e) {
    e.preventDefault();
    var f = e.target;
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($i: LoginInput!) { login(input: $i) { accessToken userErrors { message } } }',
        variables: { i: { username: f.username.value, password: f.password.value } },
      }),
    }).then(function (r) { return r.json(); }).then(function (body) {
      var p = body.data && body.data.login;
      if (p && p.accessToken) { localStorage.setItem(KEY, p.accessToken); f.password.value = ''; render(); }
      else alert((p && p.userErrors[0] && p.userErrors[0].message) || 'login failed');
    });
  });
  document.getElementById('logout').addEventListener('click', function () { localStorage.removeItem(KEY); render(); });
  render();
})();
</script>
</body>
</html>`;
}

/** True for a browser navigating to /graphql (as opposed to a GraphQL GET request). */
export function wantsGraphiQL(req: Request): boolean {
  return req.method === 'GET' && !req.query.query && (req.headers.accept ?? '').includes('text/html');
}

/** Mounts the GraphiQL page (served by the caller for wantsGraphiQL requests) and its assets. */
export function mountGraphiQL(app: Express): { html: string } {
  const cache = new Map<string, Buffer>();
  app.get('/graphiql/assets/:name', (req, res) => {
    const asset = ASSETS[req.params.name];
    if (!asset) {
      res.status(404).end();
      return;
    }
    let body = cache.get(req.params.name);
    if (!body) {
      body = readFileSync(assetPath(asset));
      cache.set(req.params.name, body);
    }
    res.type(asset.type).set('cache-control', 'public, max-age=3600').send(body);
  });
  return { html: page() };
}
