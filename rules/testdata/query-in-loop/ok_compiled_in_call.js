"use strict";
// Compiled TypeScript calls imported functions as (0, module_1.fn)(…):
// (0, typeorm_1.In)(ids) is still In(ids), a batched lookup.
Object.defineProperty(exports, "__esModule", { value: true });
const typeorm_1 = require("typeorm");
const line_entity_1 = require("./line.entity");
class LineReader {
    constructor(dataSource) {
        this.dataSource = dataSource;
    }
    async byGroups(groups) {
        for (const g of groups) {
            const rows = await this.dataSource.getRepository(line_entity_1.Line).find({ where: { id: (0, typeorm_1.In)(g.ids) } });
            g.lines = rows;
        }
    }
}
exports.LineReader = LineReader;
