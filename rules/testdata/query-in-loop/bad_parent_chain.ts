import { PrismaClient } from "@prisma/client";
import { Sequelize } from "sequelize";
import { Folder } from "../models/folder";

const prisma = new PrismaClient();
export const sequelize = new Sequelize(process.env.DATABASE_URL!);

// Walking up a hierarchy one row at a time: one query per level (a
// recursive CTE or a cached tree loads the whole path at once).
export async function folderPath(folderId: number) {
  const names: string[] = [];
  let folder = await Folder.findByPk(folderId);
  let hops = 0;
  while (folder && hops < 32) {
    names.unshift(folder.name);
    folder = folder.parentId ? await Folder.findByPk(folder.parentId) : null; // want "query-in-loop: Folder.findByPk runs once per iteration of the loop on line 14 \\(N\\+1 queries\\)"
    hops++;
  }
  return names.join("/");
}

export async function managementChain(employeeId: string) {
  const chain: string[] = [];
  let emp = await prisma.employee.findUnique({ where: { id: employeeId } });
  do {
    chain.push(emp!.name);
    emp = emp!.managerId ? await prisma.employee.findUnique({ where: { id: emp!.managerId } }) : null; // want "prisma.employee.findUnique runs once per iteration of the loop on line 25"
  } while (emp);
  return chain;
}

async function loadComment(id: string) {
  return prisma.comment.findUnique({ where: { id } });
}

export async function ancestors(commentId: string) {
  const out = [];
  for (let c = await loadComment(commentId); c; c = c.replyToId ? await loadComment(c.replyToId) : null) {
    out.push(c);
    await prisma.commentView.create({ data: { commentId: c.id } }); // want "prisma.commentView.create runs once per iteration of the loop on line 38"
  }
  return out;
}
