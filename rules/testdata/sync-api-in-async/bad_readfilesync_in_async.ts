import fs from "node:fs";
import path from "node:path";

export async function loadInvoiceTemplate(tenant: string): Promise<string> {
  const file = path.join("/srv/templates", tenant, "invoice.html");
  const html = fs.readFileSync(file, "utf8"); // want "sync-api-in-async: `fs.readFileSync` does file I/O on the event loop inside async function `loadInvoiceTemplate`.*fs.promises.readFile"
  return html.replace("{{tenant}}", tenant);
}

export async function saveReport(id: string, body: string): Promise<void> {
  if (!fs.existsSync("/srv/reports")) { // want "sync-api-in-async: `fs.existsSync`.*fs.promises.access"
    fs.mkdirSync("/srv/reports", { recursive: true }); // want "sync-api-in-async: `fs.mkdirSync`"
  }
  fs.writeFileSync(`/srv/reports/${id}.txt`, body); // want "sync-api-in-async: `fs.writeFileSync`"
}
