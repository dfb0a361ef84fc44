"use strict";
// Compiled TypeScript calls imported functions as (0, module_1.fn)(…):
// (0, typeorm_1.getRepository)(Invoice) is getRepository(Invoice).
Object.defineProperty(exports, "__esModule", { value: true });
const typeorm_1 = require("typeorm");
const invoice_entity_1 = require("./invoice.entity");
async function settle(invoiceIds) {
    for (const invoiceId of invoiceIds) {
        const inv = await (0, typeorm_1.getRepository)(invoice_entity_1.Invoice).findOne({ where: { id: invoiceId } }); // want "typeorm_1.getRepository\\(\\).findOne runs once per iteration of the loop on line 8 \\(N\\+1 queries\\)"
        inv.settled = true;
    }
}
exports.settle = settle;
