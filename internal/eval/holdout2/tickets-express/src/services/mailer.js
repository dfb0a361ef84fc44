'use strict';

const fs = require('node:fs');
const path = require('node:path');
const nodemailer = require('nodemailer');

const TEMPLATES = path.join(__dirname, '..', '..', 'templates', 'mail');

const transport = nodemailer.createTransport({
  host: process.env.SMTP_HOST,
  port: Number(process.env.SMTP_PORT || 587),
  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS },
  pool: true,
  maxConnections: 3,
});

const compiled = new Map(
  ['receipt', 'refund', 'reminder'].map((name) => [name, fs.readFileSync(path.join(TEMPLATES, `${name}.html`), 'utf8')]),
);

function fill(template, vars) {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k) => String(vars[k] ?? ''));
}

async function sendReceipt(order) {
  const html = fill(compiled.get('receipt'), order);
  await transport.sendMail({ to: order.buyerEmail, subject: `Your tickets for ${order.eventTitle}`, html });
}

async function sendCustom(templateName, to, vars) {
  const file = path.join(TEMPLATES, 'custom', `${path.basename(templateName)}.html`);
  const html = fill(fs.readFileSync(file, 'utf8'), vars); // expect: sync-api-in-async
  await transport.sendMail({ to, subject: vars.subject || 'A message from the organiser', html });
}

module.exports = { sendReceipt, sendCustom };
