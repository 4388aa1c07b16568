// A real OpenID Connect provider (node's oidc-provider) for the single sign-on tests, on loopback.
//
//   node tests/oidc/provider.mjs '<config JSON>'
//
// config: {"client_id", "client_secret", "redirect_uris": [...], "accounts": {login: claims}}.
// It listens on a free port of 127.0.0.1 and prints one line of JSON, {"issuer": ...}, once it
// answers. Sign-in uses oidc-provider's own development interactions (a login form, then a
// consent form): the login is the account's key in "accounts"; an unknown login is refused.
import http from 'node:http';

import Provider from 'oidc-provider';

const config = JSON.parse(process.argv[2] || '{}');
const accounts = config.accounts || {};

const server = http.createServer();
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: config.client_id,
        client_secret: config.client_secret,
        redirect_uris: config.redirect_uris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name'],
    },
    // the ID token carries the claims itself (the relying party reads them from it)
    conformIdTokenClaims: false,
    cookies: { keys: ['ep-tracker-test-provider-only'] },
    async findAccount(ctx, id) {
      const claims = accounts[id];
      if (!claims) return undefined;
      return { accountId: id, async claims() { return { sub: id, ...claims }; } };
    },
    // development interactions (a plain login and consent form) are what a test needs
    features: { devInteractions: { enabled: true } },
  });
  // plain http on loopback: the provider would otherwise insist on https for its cookies
  provider.proxy = true;
  server.on('request', provider.callback());
  process.stdout.write(`${JSON.stringify({ issuer })}\n`);
});

process.on('SIGTERM', () => server.close(() => process.exit(0)));
