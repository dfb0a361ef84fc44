import pino from 'pino';

export const logger = pino({ name: 'catalog', level: process.env.LOG_LEVEL ?? 'info' });
