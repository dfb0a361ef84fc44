'use strict';

const express = require('express');
const fs = require('node:fs');
const path = require('node:path');
const { sequelize } = require('./db/sequelize');
const { connectMongo } = require('./db/mongo');
const rateLimit = require('./middleware/rateLimit');

const openapi = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'openapi.json'), 'utf8'));

const app = express();
app.disable('x-powered-by');
app.use(express.json({ limit: '256kb' }));
app.use(rateLimit({ windowSeconds: 60, max: 120 }));

app.get('/openapi.json', (req, res) => res.json(openapi));
app.use('/events', require('./routes/events'));
app.use('/orders', require('./routes/orders'));
app.use('/venues', require('./routes/venues'));
app.use('/reviews', require('./routes/reviews'));
app.use('/checkin', require('./routes/checkin'));
app.use('/search', require('./routes/search'));

app.use((err, req, res, next) => {
  req.log?.error(err);
  if (res.headersSent) return next(err);
  res.status(err.status || 500).json({ error: err.expose ? err.message : 'internal_error' });
});

async function start() {
  await sequelize.authenticate();
  await connectMongo();
  const port = Number(process.env.PORT || 4000);
  app.listen(port, () => console.log(`tickets listening on ${port}`));
}

if (require.main === module) {
  start().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}

module.exports = app;
