const bcrypt = require("bcryptjs");
const { findUser } = require("./users");

exports.checkPassword = async function checkPassword(email, password) {
  const user = await findUser(email);
  return user && bcrypt.compareSync(password, user.passwordHash); // want "sync-api-in-async: `bcrypt.compareSync`.*await bcrypt.compare"
};

exports.hashPassword = async (password) => {
  const salt = bcrypt.genSaltSync(10); // want "sync-api-in-async: `bcrypt.genSaltSync`"
  return bcrypt.hash(password, salt);
};
