// The done() parameter releases the client only on the paths that call it.
const { Pool } = require("pg");

const pool = new Pool();

function touch(id, cb) {
  pool.connect((err, client, done) => { // want "missing-release: client from pool.connect\\(\\) is not released on the return at line 10"
    if (err) return cb(err);
    if (!id) {
      return cb(new Error("no id"));
    }
    done();
    cb(null);
  });
}

module.exports = { touch };
