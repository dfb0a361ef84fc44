import winston from 'winston';

export const log = winston.createLogger({
  level: process.env.LOG_LEVEL ?? 'info',
  format: winston.format.combine(winston.format.timestamp(), winston.format.json()),
  defaultMeta: { service: 'ledger' },
  transports: [new winston.transports.Console()],
});
