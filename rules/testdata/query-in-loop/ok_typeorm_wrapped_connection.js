"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ShipmentReader = void 0;
const typeorm_1 = require("typeorm");
const parcel_entity_1 = require("../entity/parcel.entity");
class ShipmentReader {
    constructor(connection, gitHost) {
        this.connection = connection;
        this.gitHost = gitHost;
    }
    // One query, then in-memory work per item.
    async labels(ctx, ids) {
        const parcels = await this.connection
            .getRepository(ctx, parcel_entity_1.Parcel)
            .find({ where: { id: (0, typeorm_1.In)(ids) } });
        const byId = new Map(parcels.map(p => [p.id, p]));
        return ids.map(id => { var _a; return (_a = byId.get(id)) === null || _a === void 0 ? void 0 : _a.label; });
    }
    // One batched query per group: compiled In() is still In().
    async byGroup(ctx, groups) {
        const out = [];
        for (const g of groups) {
            out.push(await this.connection.getRepository(ctx, parcel_entity_1.Parcel).findBy({ id: (0, typeorm_1.In)(g.ids) }));
        }
        return out;
    }
    // Fetching the repository object is not a query.
    repos(ctx, entities) {
        const repos = [];
        for (const e of entities) {
            repos.push(this.connection.getRepository(ctx, e));
        }
        return repos;
    }
    // Not TypeORM: a git host's getRepository followed by a non-repository method.
    async mirrors(names) {
        for (const n of names) {
            await this.gitHost.getRepository(n).mirror();
        }
    }
}
exports.ShipmentReader = ShipmentReader;
