import { Component, onWillStart, onWillUpdateProps, useState } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { deserializeDateTime, formatDateTime } from "@web/core/l10n/dates";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { standardWidgetProps } from "@web/views/widgets/standard_widget_props";

const PAGE_SIZE = 30;

/**
 * The customer's interactions (messages, notes, activities, meetings, leads,
 * opportunities, quotations, orders and whatever other addons add), newest
 * first, loaded page by page from res.partner.get_crm_timeline. Clicking an
 * item opens its record.
 */
export class CrmCustomerTimeline extends Component {
    static template = "crm_core.CustomerTimeline";
    static props = { ...standardWidgetProps };

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.state = useState({ items: [], loading: false, hasMore: false });
        onWillStart(() => this.load(this.props.record.resId));
        onWillUpdateProps((nextProps) => {
            if (nextProps.record.resId !== this.props.record.resId) {
                return this.load(nextProps.record.resId);
            }
        });
    }

    get emptyText() {
        return _t("No interaction with this customer yet.");
    }

    get loadMoreText() {
        return _t("Load more");
    }

    async fetch(resId, before) {
        const items = await this.orm.call("res.partner", "get_crm_timeline", [[resId]], {
            limit: PAGE_SIZE,
            before: before || false,
        });
        return items.map((item) => ({
            ...item,
            key: `${item.kind}-${item.model}-${item.res_id}-${item.date}`,
            displayDate: formatDateTime(deserializeDateTime(item.date)),
        }));
    }

    async load(resId) {
        if (!resId) {
            Object.assign(this.state, { items: [], hasMore: false });
            return;
        }
        const items = await this.fetch(resId);
        Object.assign(this.state, { items, hasMore: items.length === PAGE_SIZE });
    }

    async loadMore() {
        const last = this.state.items.at(-1);
        if (!last || this.state.loading) {
            return;
        }
        this.state.loading = true;
        try {
            const items = await this.fetch(this.props.record.resId, last.date);
            const known = new Set(this.state.items.map((item) => item.key));
            this.state.items.push(...items.filter((item) => !known.has(item.key)));
            this.state.hasMore = items.length === PAGE_SIZE;
        } finally {
            this.state.loading = false;
        }
    }

    openItem(item) {
        if (!item.model || !item.res_id) {
            return;
        }
        this.action.doAction({
            type: "ir.actions.act_window",
            res_model: item.model,
            res_id: item.res_id,
            views: [[false, "form"]],
        });
    }
}

export const crmCustomerTimeline = {
    component: CrmCustomerTimeline,
};

registry.category("view_widgets").add("crm_customer_timeline", crmCustomerTimeline);
