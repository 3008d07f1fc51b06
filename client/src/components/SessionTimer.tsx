import type { Me } from '@herorientatie/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { lastContactWithServer, onServerContact } from '../api/client.ts';
import { Alert, Button } from './ui.tsx';

const WARN_BEFORE_MS = 5 * 60_000;

/** Minutes left before the session's idle limit, from the last contact with the server. */
export function minutesLeft(idleMs: number, lastContact: number, now: number): number {
  return Math.max(0, Math.ceil((lastContact + idleMs - now) / 60_000));
}

/** "over 1 minuut", "over 4 minuten", "nu" when no whole minute is left. */
export function logoutIn(minutes: number): string {
  if (minutes <= 0) return 'nu';
  return minutes === 1 ? 'over 1 minuut' : `over ${minutes} minuten`;
}

/**
 * Warns five minutes before the idle limit and offers
 * to stay logged in. When the limit has passed, the app asks who is logged in (and so
 * shows the login page).
 */
export function SessionTimer({ me }: { me: Me }) {
  const client = useQueryClient();
  // The idle limit as the server reported it when /me was answered.
  const [idleMs] = useState(() => Math.max(60_000, Date.parse(me.sessionExpiresAt) - Date.now()));
  const [now, setNow] = useState(() => Date.now());
  const [lastContact, setLastContact] = useState(lastContactWithServer);

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 15_000);
    const unsubscribe = onServerContact(() => setLastContact(lastContactWithServer()));
    return () => {
      window.clearInterval(timer);
      unsubscribe();
    };
  }, []);

  const left = lastContact + idleMs - now;
  useEffect(() => {
    if (left <= 0) void client.invalidateQueries({ queryKey: ['me'] });
  }, [left, client]);

  if (left > WARN_BEFORE_MS) return null;
  return (
    <div className="app-session-warning">
      <Alert type="warning">
        U wordt {logoutIn(minutesLeft(idleMs, lastContact, now))} automatisch uitgelogd omdat u een
        tijd niets heeft opgeslagen. Wat u aan het invullen bent, blijft in dit tabblad bewaard tot
        u weer inlogt.{' '}
        <Button
          appearance="secondary-action"
          onClick={() => void client.refetchQueries({ queryKey: ['me'] })}
        >
          Ingelogd blijven
        </Button>
      </Alert>
    </div>
  );
}
