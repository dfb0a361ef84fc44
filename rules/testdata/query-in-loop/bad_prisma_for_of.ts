import express from "express";
import { PrismaClient } from "@prisma/client";

const prisma = new PrismaClient();
export const router = express.Router();

// GET /orders/:id/items — one product lookup per order line.
router.get("/orders/:id/items", async (req, res) => {
  const order = await prisma.order.findUniqueOrThrow({
    where: { id: req.params.id },
    include: { lines: true },
  });
  const items = [];
  for (const line of order.lines) {
    const product = await prisma.product.findUnique({ where: { id: line.productId } }); // want "query-in-loop: prisma.product.findUnique runs once per iteration of the loop on line 14 \\(N\\+1 queries\\); fetch all rows in one query \\(findMany with where: \\{ id: \\{ in: ids \\} \\}\\)"
    items.push({ ...line, product });
  }
  res.json(items);
});

// Writes are per item too.
router.post("/tags", async (req, res) => {
  const names: string[] = req.body.names;
  for (let i = 0; i < names.length; i++) {
    await prisma.tag.create({ data: { name: names[i] } }); // want "prisma.tag.create runs once per iteration .*one write per item.*createMany"
  }
  res.status(201).end();
});
