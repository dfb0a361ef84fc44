'use strict';

const request = require('supertest');
const app = require('../src/app');
const { pool } = require('../src/db/pool');

describe('admin accounts', () => {
  const ids = [];

  beforeAll(async () => {
    for (const plan of ['free', 'team', 'enterprise', 'team']) {
      const [r] = await pool.execute("INSERT INTO accounts (name, plan, status) VALUES (:name, :plan, 'active')", {
        name: `acct-${plan}-${ids.length}`,
        plan,
      });
      ids.push(r.insertId);
    }
  });

  afterAll(async () => {
    for (const id of ids) {
      await pool.execute('DELETE FROM accounts WHERE id = :id', { id });
    }
    await pool.end();
  });

  it('returns an account', async () => {
    const res = await request(app).get(`/admin/accounts/${ids[0]}`);
    expect(res.status).toBe(200);
    expect(res.body.plan).toBe('free');
  });

  it('suspends an active account once', async () => {
    await request(app).post(`/admin/accounts/${ids[1]}/suspend`).expect(204);
    await request(app).post(`/admin/accounts/${ids[1]}/suspend`).expect(409);
  });
});
