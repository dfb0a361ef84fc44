"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const LINKS = 'rule_segments';
class RuleSegmentStore {
    constructor(db, i18n) {
        this.db = db;
        this.t = i18n;
    }
    // One multi-row insert.
    async replace(ruleId, segmentIds) {
        const rows = segmentIds.map((segmentId) => ({ rule_id: ruleId, segment_id: segmentId }));
        await this.db(LINKS).insert(rows);
    }
    // Chunks of 500 rows: one insert per chunk, not per row.
    async importAll(rows) {
        const size = 500;
        for (let i = 0; i < rows.length; i += size) {
            await this.db(LINKS).insert(rows.slice(i, i + size)).onConflict(['rule_id', 'segment_id']).ignore();
        }
    }
    // One query with whereIn, then in-memory grouping.
    async byRules(ruleIds) {
        const rows = await this.db(LINKS).whereIn('rule_id', ruleIds);
        const out = new Map();
        for (const r of rows) {
            out.set(r.rule_id, [...(out.get(r.rule_id) || []), r.segment_id]);
        }
        return out;
    }
    // Not Knex: a translation function kept on `this`.
    labels(keys) {
        return keys.map((k) => this.t('labels.' + k).toUpperCase());
    }
}
exports.RuleSegmentStore = RuleSegmentStore;
