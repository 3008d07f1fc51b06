import { Passport } from 'passport';

/**
 * One passport instance per app, so the strategy and sessions of two apps in one process
 * (as in tests) never mix. The session keeps the whole user; it is small.
 */
export function createAuthenticator() {
  const authenticator = new Passport();
  authenticator.serializeUser((user, done) => done(null, user));
  // A session from before a change to what a user carries counts as logged out.
  authenticator.deserializeUser((user: Express.User, done) =>
    done(null, user && typeof user.regionId === 'string' ? user : false),
  );
  return authenticator;
}

export type AppAuthenticator = ReturnType<typeof createAuthenticator>;
