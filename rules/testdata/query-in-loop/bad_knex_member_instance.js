"use strict";
// Compiled TypeScript store: the Knex instance is injected and kept on `this`;
// this file does not import knex.
Object.defineProperty(exports, "__esModule", { value: true });
const LINKS = 'rule_segments';
class RuleSegmentStore {
    constructor(db) {
        this.db = db;
    }
    async replace(ruleId, segmentIds) {
        await this.db(LINKS).where('rule_id', ruleId).del();
        for (const segmentId of segmentIds) {
            await this.db(LINKS).insert({ rule_id: ruleId, segment_id: segmentId }); // want "this.db\\(\\).insert runs once per iteration of the loop on line 12 \\(one write per item\\)"
        }
    }
    async enableIn(ruleId, envs) {
        await Promise.all(envs.map(async (env) => {
            await this.db('rule_environments') // want "runs once per element of envs.map on line 17 \\(one write per item\\)"
                .insert({ rule_id: ruleId, environment: env.name })
                .onConflict(['rule_id', 'environment'])
                .ignore();
        }));
    }
}
exports.RuleSegmentStore = RuleSegmentStore;
