/**
 * Remembers in this browser tab that someone was logged in, so that the login page can
 * say the session ended, instead of greeting the user as if they had never been here.
 */
const KEY = 'herorientatie:logged-in';

export function markLoggedIn(): void {
  sessionStorage.setItem(KEY, '1');
}

export function markLoggedOut(): void {
  sessionStorage.removeItem(KEY);
}

export function wasLoggedIn(): boolean {
  return sessionStorage.getItem(KEY) === '1';
}
