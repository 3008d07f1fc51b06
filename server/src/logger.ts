import pino from 'pino';

/**
 * An error as it may be logged. Database errors carry the statement's parameters and a
 * `detail` such as "Key (bsn)=(123456789) already exists": personal data that never
 * belongs in a log. Only the kind of error and where it happened are kept.
 */
export function safeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: typeof err };
  const e = err as Error & {
    code?: string;
    constraint?: string;
    table?: string;
    column?: string;
    routine?: string;
    driverError?: unknown;
  };
  const database =
    e.name === 'QueryFailedError' || (e.code !== undefined && /^[0-9A-Z]{5}$/.test(e.code));
  return {
    type: e.name,
    // A database message can quote the offending value; keep the part before it.
    message: database ? e.message.split(/[:"(]/)[0]!.trim() : e.message,
    ...(e.code ? { code: e.code } : {}),
    ...(e.constraint ? { constraint: e.constraint } : {}),
    ...(e.table ? { table: e.table } : {}),
    ...(e.column ? { column: e.column } : {}),
    ...(e.routine ? { routine: e.routine } : {}),
    ...(database ? {} : { stack: e.stack }),
  };
}

export function createLogger(level: string, destination?: pino.DestinationStream) {
  return pino(
    {
      level,
      base: { service: 'herorientatie' },
      serializers: { err: safeError, error: safeError },
      // Personal data never belongs in logs; these fields are cut if they slip in.
      redact: {
        paths: [
          'req.headers.cookie',
          'req.headers.authorization',
          'req.headers["x-csrf-token"]',
          '*.bsn',
          '*.password',
          '*.parameters',
        ],
        censor: '[weggelaten]',
      },
    },
    destination,
  );
}
