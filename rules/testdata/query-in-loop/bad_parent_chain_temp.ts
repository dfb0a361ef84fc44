import { PrismaClient } from "@prisma/client";

const prisma = new PrismaClient();
const MAX_HOPS = 20;

// Walking up a tree through a temporary: the row loaded for this level
// becomes the node of the next one. One query per level.
export async function orgPath(unitId: string) {
  const path: string[] = [];
  let unit = await prisma.orgUnit.findUniqueOrThrow({ where: { id: unitId } });
  while (unit.parentUnitId && path.length < MAX_HOPS) {
    const up = await prisma.orgUnit.findUnique({ where: { id: unit.parentUnitId } }); // want "query-in-loop: prisma.orgUnit.findUnique runs once per iteration of the loop on line 11 \\(N\\+1 queries\\)"
    if (!up) break;
    path.unshift(up.name);
    unit = up;
  }
  return path;
}
