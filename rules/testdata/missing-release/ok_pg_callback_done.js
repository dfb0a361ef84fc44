// pg's callback form passes a release function as the third parameter;
// calling it directly in the callback body releases the client.
const { Pool } = require("pg");

const pool = new Pool();

function warmUp(options) {
  return new Promise((resolve, reject) => {
    pool.connect((err, connection, release) => {
      if (err) return reject(err);
      if (options.listen) {
        connection.on("notification", (msg) => options.onMessage(msg.payload));
      }
      release();
      resolve(pool);
    });
  });
}

function ping(cb) {
  pool.connect(function (err, client, done) {
    if (err) {
      cb(err);
      return;
    }
    done();
    cb(null);
  });
}

module.exports = { warmUp, ping };
