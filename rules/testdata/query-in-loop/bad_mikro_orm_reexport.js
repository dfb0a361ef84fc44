"use strict";
// Compiled TypeScript; MikroORM comes through a framework re-export and the
// EntityManager through a base-repository helper.
Object.defineProperty(exports, "__esModule", { value: true });
const core_1 = require("@acme/framework/mikro-orm/core");
const models_1 = require("../models");
class TagRepository extends core_1.BaseRepository {
    async restore(ids, context = {}) {
        const manager = super.getActiveManager(context);
        const tags = await Promise.all(ids.map(async (id) => {
            const tag = await manager.findOneOrFail(models_1.Tag.name, { id }); // want "manager.findOneOrFail runs once per element of ids.map on line 10 \\(N\\+1 queries\\)"
            manager.assign(tag, { deleted_at: null });
            return tag;
        }));
        manager.persist(tags);
        return tags;
    }
}
exports.TagRepository = TagRepository;
