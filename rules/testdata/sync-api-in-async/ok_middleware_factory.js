const fs = require("fs");
const jwt = require("jsonwebtoken");

// The key is read once, when the middleware is built at start-up; the
// returned handler itself does no blocking I/O.
function authenticate(options) {
  const publicKey = fs.readFileSync(options.publicKeyPath);
  return (req, res, next) => {
    try {
      req.user = jwt.verify(req.headers.authorization, publicKey);
      next();
    } catch (e) {
      res.sendStatus(401);
    }
  };
}

process.on("SIGTERM", () => {
  fs.writeFileSync("/tmp/shutdown", new Date().toISOString());
  process.exit(0);
});

module.exports = { authenticate };
