"""A real OpenID Connect provider for the single sign-on tests (tests/oidc/provider.mjs)."""
