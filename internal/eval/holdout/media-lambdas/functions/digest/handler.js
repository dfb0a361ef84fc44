'use strict';

const { SESv2Client, SendEmailCommand } = require('@aws-sdk/client-sesv2');
const { pool } = require('../../lib/mysql');

const ses = new SESv2Client({});
const FROM = process.env.DIGEST_FROM || 'digest@media.example.com';

function renderDigest(user, uploads) {
  const lines = uploads.map((u) => `• ${u.title} (${u.views} views)`).join('\n');
  return `Hi ${user.first_name},\n\nYour most viewed uploads this week:\n${lines}\n\n— The Media team`;
}

/** EventBridge schedule: every Monday 07:00 UTC. */
exports.handler = async () => {
  const conn = await pool.getConnection(); // expect: missing-release
  const [users] = await conn.query(
    'SELECT id, email, first_name FROM users WHERE digest_opt_in = 1 AND last_active_at > NOW() - INTERVAL 30 DAY',
  );
  conn.release();

  let sent = 0;
  for (const user of users) {
    const [uploads] = await pool.query( // expect: query-in-loop
      'SELECT title, views FROM uploads WHERE user_id = ? AND created_at > NOW() - INTERVAL 7 DAY ORDER BY views DESC LIMIT 5',
      [user.id],
    );
    if (uploads.length === 0) continue;
    await ses.send(
      new SendEmailCommand({
        FromEmailAddress: FROM,
        Destination: { ToAddresses: [user.email] },
        Content: { Simple: { Subject: { Data: 'Your week on Media' }, Body: { Text: { Data: renderDigest(user, uploads) } } } },
      }),
    );
    sent++;
  }
  return { candidates: users.length, sent };
};
