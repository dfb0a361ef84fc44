import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Account, JournalEntry, Posting } from '../ledger/entities';

export const dataSource = new DataSource({
  type: 'postgres',
  url: process.env.LEDGER_DATABASE_URL,
  entities: [Account, JournalEntry, Posting],
  replication: process.env.LEDGER_REPLICA_URL
    ? { master: { url: process.env.LEDGER_DATABASE_URL }, slaves: [{ url: process.env.LEDGER_REPLICA_URL }] }
    : undefined,
  extra: { max: 20 },
});
