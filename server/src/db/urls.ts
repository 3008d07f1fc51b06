import { DB_ROLES } from './roles.ts';

/** The application's connection: same server and database as the admin URL, as the app role. */
export function appUrlFrom(adminUrl: string, appPassword: string): string {
  const url = new URL(adminUrl);
  url.username = DB_ROLES.app;
  url.password = appPassword;
  return url.toString();
}

export function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}
