const { Sequelize } = require("sequelize");
const User = require("../models/user");

// Instance methods a model defines for itself, and helpers that only read
// loaded fields: no query.
async function roster() {
  const users = await User.findAll({ include: ["roles"] });
  return users.map((u) => ({
    name: u.getFullName(),
    admin: u.hasPermission("admin"),
    own: u.hasOwnProperty("email"),
    status: u.getStatus(),
    roles: u.roles.map((r) => r.name),
  }));
}

async function resetAll(password) {
  const users = await User.findAll();
  for (const u of users) {
    u.setPassword(password);
    u.getSettings;
  }
  await User.update({ mustReset: true }, { where: {} });
}

module.exports = { roster, resetAll, Sequelize };
