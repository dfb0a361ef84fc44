import { Router } from "express";
import fs from "fs";
import path from "path";
import { pool } from "../lib/db";

export const invoices = Router();

// Read once at start-up: blocking here is fine.
const template = fs.readFileSync(path.join(__dirname, "invoice.html"), "utf8");

// GET /invoices/:id.pdf
invoices.get("/:id.pdf", async (req, res) => {
  const { rows } = await pool.query("SELECT * FROM invoices WHERE id = $1", [req.params.id]);
  const logo = fs.readFileSync(path.join(__dirname, "logo.png"));
  res.type("html").send(template.replace("{{logo}}", logo.toString("base64")).replace("{{id}}", rows[0].id));
});

// GET /invoices/:id/raw — the fixed form: the async API.
invoices.get("/:id/raw", async (req, res) => {
  const body = await fs.promises.readFile(path.join(__dirname, "archive", `${req.params.id}.json`), "utf8");
  res.type("json").send(body);
});
