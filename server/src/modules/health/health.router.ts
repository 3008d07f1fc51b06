import express from 'express';
import type { DataSource } from 'typeorm';

/** Liveness (process up) and readiness (database reachable as the app role). */
export function healthRouter(dataSource: DataSource) {
  const router = express.Router({ strict: true });
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/ready', async (req, res) => {
    try {
      await dataSource.query('select 1');
      res.json({ status: 'ok', database: 'ok' });
    } catch (err) {
      req.log.warn({ err }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable', database: 'unreachable' });
    }
  });
  return router;
}
