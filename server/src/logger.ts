import pino from 'pino';

export function createLogger(level: string) {
  return pino({
    level,
    base: { service: 'herorientatie' },
    // Personal data never belongs in logs; these fields are cut if they slip in.
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        '*.bsn',
        '*.password',
      ],
      censor: '[weggelaten]',
    },
  });
}
