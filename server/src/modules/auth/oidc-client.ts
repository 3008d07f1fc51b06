import type { AppAuthenticator } from './authenticator.ts';
import { Strategy as OpenIDConnectStrategy } from 'passport-openidconnect';
import type { SessionUser } from '../../context/actor.ts';
import type { AuthService } from './auth.service.ts';

export interface OidcClientOptions {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  callbackUrl: string;
}

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  userinfo_endpoint?: string;
  end_session_endpoint?: string;
}

export const STRATEGY = 'openidconnect';

function decodeJwtPayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part) return {};
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/**
 * Registers the passport-openidconnect strategy after reading the provider's discovery
 * document. Discovery is lazy (first login), so the built-in provider can be discovered
 * once the server listens, through the same code path as an external one.
 */
export class OidcClient {
  private discovery?: Promise<Discovery>;

  constructor(
    private readonly options: OidcClientOptions,
    private readonly auth: AuthService,
    private readonly authenticator: AppAuthenticator,
  ) {}

  async ensureStrategy(): Promise<Discovery> {
    this.discovery ??= this.discover().catch((err: unknown) => {
      this.discovery = undefined;
      throw err;
    });
    return this.discovery;
  }

  async endSessionUrl(
    idToken: string | undefined,
    postLogoutRedirect: string,
  ): Promise<string | null> {
    const discovery = await this.ensureStrategy().catch(() => null);
    if (!discovery?.end_session_endpoint) return null;
    const url = new URL(discovery.end_session_endpoint);
    if (idToken) url.searchParams.set('id_token_hint', idToken);
    url.searchParams.set('client_id', this.options.clientId);
    url.searchParams.set('post_logout_redirect_uri', postLogoutRedirect);
    return url.toString();
  }

  private async discover(): Promise<Discovery> {
    const issuer = this.options.issuer.replace(/\/$/, '');
    const response = await fetch(`${issuer}/.well-known/openid-configuration`, {
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`OIDC discovery failed with HTTP ${response.status}`);
    const discovery = (await response.json()) as Discovery;
    const auth = this.auth;
    this.authenticator.use(
      STRATEGY,
      new OpenIDConnectStrategy(
        {
          issuer: discovery.issuer,
          authorizationURL: discovery.authorization_endpoint,
          tokenURL: discovery.token_endpoint,
          userInfoURL: discovery.userinfo_endpoint ?? '',
          clientID: this.options.clientId,
          clientSecret: this.options.clientSecret,
          callbackURL: this.options.callbackUrl,
          scope: this.options.scope.split(/\s+/).filter((s) => s !== 'openid'),
          nonce: 'true',
        } as ConstructorParameters<typeof OpenIDConnectStrategy>[0],
        // Nine parameters: the library then also loads userinfo and passes the ID token.
        function verify(
          _issuer: string,
          uiProfile: { _json?: Record<string, unknown> } | undefined,
          _idProfile: unknown,
          _context: unknown,
          idToken: string,
          _accessToken: string,
          _refreshToken: string,
          _params: unknown,
          done: (err: unknown, user?: SessionUser | false, info?: unknown) => void,
        ) {
          const claims = { ...decodeJwtPayload(idToken), ...(uiProfile?._json ?? {}) };
          auth.login(claims).then(
            (result) =>
              result.ok
                ? done(null, result.user, { idToken })
                : done(null, false, { reason: result.reason }),
            (err: unknown) => done(err),
          );
        } as never,
      ),
    );
    return discovery;
  }
}
