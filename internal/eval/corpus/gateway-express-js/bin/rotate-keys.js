#!/usr/bin/env node
'use strict';

// Re-hashes API keys stored with the legacy SHA-256 scheme.
// Usage: bin/rotate-keys.js keys.csv > rotated.csv
const fs = require('fs');
const crypto = require('crypto');
const bcrypt = require('bcryptjs');

const [, , input] = process.argv;
if (!input) {
  process.stderr.write('usage: rotate-keys <keys.csv>\n');
  process.exit(2);
}

const pepper = fs.readFileSync('/etc/gateway/pepper', 'utf8').trim();
const lines = fs.readFileSync(input, 'utf8').split('\n').filter(Boolean);
for (const line of lines) {
  const [prefix, secret] = line.split(',');
  const salt = crypto.randomBytes(16);
  const scrypted = crypto.scryptSync(secret + pepper, salt, 32).toString('hex');
  const bcrypted = bcrypt.hashSync(secret + pepper, 10);
  process.stdout.write(`${prefix},${salt.toString('hex')}$${scrypted},${bcrypted}\n`);
}
