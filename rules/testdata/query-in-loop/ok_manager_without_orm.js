"use strict";
// No MikroORM here: `manager` and `em` are ordinary objects.
class Layout {
    constructor(manager, em) {
        this.manager = manager;
        this.em = em;
    }
    widths(panels) {
        const out = [];
        for (const p of panels) {
            out.push(this.manager.findOne(p.id).width * this.em.count(p.id, { unit: "em" }));
        }
        return out;
    }
}
module.exports = Layout;
