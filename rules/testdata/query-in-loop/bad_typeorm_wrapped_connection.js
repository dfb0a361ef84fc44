"use strict";
// Compiled TypeScript: a service that reaches TypeORM through the project's
// own connection wrapper (no import of "typeorm" in this file).
Object.defineProperty(exports, "__esModule", { value: true });
exports.ShipmentService = void 0;
const app_connection_1 = require("../connection/app-connection");
const parcel_entity_1 = require("../entity/parcel.entity");
const parcel_line_entity_1 = require("../entity/parcel-line.entity");
class ShipmentService {
    constructor(connection) {
        this.connection = connection;
    }
    async addLines(ctx, parcel, lines) {
        for (const { skuId, qty } of lines) {
            await this.connection.getRepository(ctx, parcel_line_entity_1.ParcelLine).save(new parcel_line_entity_1.ParcelLine({ parcel, skuId, qty })); // want "this.connection.getRepository\\(\\).save runs once per iteration of the loop on line 14 \\(one write per item\\)"
        }
    }
    async releaseLocks(parcels) {
        for (const p of parcels) {
            await this.connection.rawConnection // want "getRepository\\(\\).update runs once per iteration of the loop on line 19 \\(one write per item\\)"
                .getRepository(parcel_entity_1.Parcel)
                .update({ id: p.id }, { lockedAt: null });
        }
    }
}
exports.ShipmentService = ShipmentService;
