import { PrismaClient } from "@prisma/client";

const prisma = new PrismaClient();

// A search over data that stops at the first hit still queries once per
// candidate until then.
export async function firstKnown(emails: string[]) {
  for (const email of emails) {
    const user = await prisma.user.findUnique({ where: { email } }); // want "query-in-loop: prisma.user.findUnique runs once per iteration of the loop on line 8"
    if (user) return user;
  }
  return null;
}

// Configured, but every entry is queried: no early exit on success.
export async function touchAll(config: { regions: string[] }) {
  for (const region of config.regions) {
    const shop = await prisma.shop.findFirst({ where: { region } }); // want "query-in-loop: prisma.shop.findFirst runs once per iteration of the loop on line 17"
    if (!shop) continue;
    console.log(shop.id);
  }
}

// Options carry the caller's data: the first known ID is still a search.
export async function firstOwned(options: { ids: string[] }) {
  for (const id of options.ids) {
    const doc = await prisma.doc.findUnique({ where: { id } }); // want "query-in-loop: prisma.doc.findUnique runs once per iteration of the loop on line 26"
    if (doc) return doc;
  }
  return null;
}
