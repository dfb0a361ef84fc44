"use strict";
// Compiled TypeScript over a framework re-export of MikroORM.
Object.defineProperty(exports, "__esModule", { value: true });
const core_1 = require("@acme/framework/mikro-orm/core");
const models_1 = require("../models");
class ProductRepository extends core_1.BaseRepository {
    // One query per relation name over all products, not per product.
    async loadRelations(products, relations, context = {}) {
        const manager = super.getActiveManager(context);
        for (const relation of relations) {
            await manager.populate(products, [relation]);
        }
        return products;
    }
    // create() builds an entity in memory; persist() queues it; one flush.
    async createAll(rows, context = {}) {
        const manager = super.getActiveManager(context);
        const created = [];
        for (const row of rows) {
            const p = await manager.create(models_1.Product.name, row);
            manager.persist(p);
            created.push(p);
        }
        await manager.flush();
        return created;
    }
    // An array value is MikroORM's implicit $in: one query per group.
    async byGroups(groups, context = {}) {
        const manager = super.getActiveManager(context);
        const out = [];
        for (const g of groups) {
            out.push(await manager.find(models_1.Product.name, { id: g.productIds }));
            out.push(await manager.find(models_1.Product.name, { id: g.items.map((i) => i.product_id) }));
        }
        return out;
    }
}
exports.ProductRepository = ProductRepository;
