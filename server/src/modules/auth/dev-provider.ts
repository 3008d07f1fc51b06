import { generateKeyPairSync, randomBytes } from 'node:crypto';
import express, { type Express } from 'express';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { Logger } from 'pino';
import {
  DEMO_PASSWORD,
  demoAccounts,
  type DemoAccount,
  type DemoMunicipality,
} from './demo-accounts.ts';
import { escapeHtml, page } from './html.ts';

export const DEV_PROVIDER_PATH = '/oidc';

export interface DevProviderOptions {
  publicUrl: string;
  clientId: string;
  clientSecret: string;
  municipalities: DemoMunicipality[];
  logger: Logger;
}

/**
 * A development OpenID provider (oidc-provider) mounted in the same app under /oidc, with
 * demo accounts for every municipality and role. Never used in production: the app logs
 * in through passport-openidconnect exactly as it does against a real provider.
 */
export function mountDevProvider(app: Express, options: DevProviderOptions): void {
  const accounts = new Map(demoAccounts(options.municipalities).map((a) => [a.username, a]));
  const issuer = `${options.publicUrl}${DEV_PROVIDER_PATH}`;

  const configuration: Configuration = {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        client_name: 'Heroriëntatie',
        redirect_uris: [`${options.publicUrl}/auth/callback`],
        post_logout_redirect_uris: [`${options.publicUrl}/`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        // passport-openidconnect sends the secret in the token request body.
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: {
      openid: ['sub'],
      profile: ['name', 'municipality', 'roles', 'partner'],
      email: ['email', 'email_verified'],
    },
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            name: account.name,
            email: account.email,
            email_verified: true,
            municipality: account.municipality,
            roles: account.roles,
            ...(account.partner ? { partner: account.partner } : {}),
          };
        },
      };
    },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    // A fresh signing key per start: development tokens never outlive the process.
    jwks: {
      keys: [
        {
          ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
            format: 'jwk',
          }),
          kid: `dev-${randomBytes(4).toString('hex')}`,
          use: 'sig',
          alg: 'RS256',
        },
      ],
    },
    ttl: {
      Interaction: 600,
      Session: 12 * 3600,
      Grant: 12 * 3600,
      AccessToken: 600,
      IdToken: 3600,
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) {
          ctx.body = page(
            'Afmelden',
            `<h1>Afmelden bij de ontwikkel-inlogdienst</h1>
             <p>U bent afgemeld bij Heroriëntatie. Meld u ook af bij de inlogdienst, zodat een
             volgende gebruiker opnieuw moet inloggen.</p>
             ${form}
             <button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Afmelden</button>`,
          );
        },
        async postLogoutSuccessSource(ctx) {
          ctx.body = page(
            'Afgemeld',
            `<h1>U bent afgemeld</h1><a class="button" href="/">Opnieuw inloggen</a>`,
          );
        },
      },
    },
    interactions: {
      url: (_ctx, interaction) => `${DEV_PROVIDER_PATH}/interaction/${interaction.uid}`,
    },
    // The application is first-party: consent is implied, no consent screen.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const oidc = ctx.oidc;
      const grantId =
        oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(oidc.client!.clientId);
      if (grantId) return oidc.provider.Grant.find(grantId);
      const grant = new oidc.provider.Grant({
        clientId: oidc.client!.clientId,
        accountId: oidc.session!.accountId!,
      });
      grant.addOIDCScope('openid profile email');
      await grant.save();
      return grant;
    },
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = page(
        'Fout bij inloggen',
        `<h1>Inloggen is niet gelukt</h1><p class="error">${escapeHtml(String(out.error_description ?? out.error))}</p>
         <a class="button" href="/">Terug naar de startpagina</a>`,
      );
    },
  };

  const provider = new Provider(issuer, configuration);
  provider.on('server_error', (_ctx, err) => options.logger.error({ err }, 'oidc provider error'));

  app.get(`${DEV_PROVIDER_PATH}/interaction/:uid`, async (req, res, next) => {
    try {
      const details = await provider.interactionDetails(req, res);
      res.type('html').send(loginPage(details.uid, [...accounts.values()]));
    } catch (err) {
      next(err);
    }
  });

  app.post(
    `${DEV_PROVIDER_PATH}/interaction/:uid/login`,
    express.urlencoded({ extended: false, limit: '2kb' }),
    async (req, res, next) => {
      try {
        const details = await provider.interactionDetails(req, res);
        const username = String(req.body?.username ?? '').trim();
        const account = accounts.get(username);
        if (!account || req.body?.password !== DEMO_PASSWORD) {
          res
            .status(401)
            .type('html')
            .send(
              loginPage(
                details.uid,
                [...accounts.values()],
                'Onbekende gebruikersnaam of verkeerd wachtwoord.',
              ),
            );
          return;
        }
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: account.username } },
          { mergeWithLastSubmission: false },
        );
      } catch (err) {
        next(err);
      }
    },
  );

  app.use(DEV_PROVIDER_PATH, provider.callback());
}

function loginPage(uid: string, accounts: DemoAccount[], error?: string): string {
  const rows = accounts
    .map(
      (a) =>
        `<tr><td><code>${escapeHtml(a.username)}</code></td><td>${escapeHtml(a.municipality)}</td><td>${escapeHtml(a.roles.join(', ') || '—')}</td></tr>`,
    )
    .join('');
  return page(
    'Inloggen',
    `<h1>Inloggen (ontwikkelomgeving)</h1>
     <p>Dit is de ingebouwde inlogdienst voor ontwikkeling en demonstratie. Elk demo-account heeft
     het wachtwoord <code>${DEMO_PASSWORD}</code>.</p>
     ${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
     <form method="post" action="${DEV_PROVIDER_PATH}/interaction/${escapeHtml(uid)}/login" autocomplete="off">
       <label for="username">Gebruikersnaam</label>
       <input id="username" name="username" required autofocus>
       <label for="password">Wachtwoord</label>
       <input id="password" name="password" type="password" required>
       <button type="submit">Inloggen</button>
     </form>
     <h2>Demo-accounts</h2>
     <table><thead><tr><th>Gebruikersnaam</th><th>Gemeente</th><th>Rol</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}
