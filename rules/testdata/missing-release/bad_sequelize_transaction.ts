import { Sequelize, Transaction } from "sequelize";
import { User } from "./models";

const sequelize = new Sequelize(process.env.DATABASE_URL!);

export async function deactivate(id: number): Promise<boolean> {
  const t: Transaction = await sequelize.transaction(); // want "missing-release: t from sequelize.transaction\\(\\) is not committed or rolled back on the return at line 10"
  const user = await User.findByPk(id, { transaction: t, lock: true }).catch(() => null);
  if (!user) {
    return false;
  }
  try {
    await user.update({ active: false }, { transaction: t });
    await t.commit();
  } catch (err) {
    await t.rollback();
    throw err;
  }
  return true;
}
