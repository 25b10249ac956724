import { Component, onWillStart, useState } from "@odoo/owl";
import { DateTimeInput } from "@web/core/datetime/datetime_input";
import { serializeDate } from "@web/core/l10n/dates";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { user } from "@web/core/user";
import { useService } from "@web/core/utils/hooks";
import { Layout } from "@web/search/layout";
import { formatMonetary } from "@web/views/fields/formatters";
import { standardActionServiceProps } from "@web/webclient/actions/action_service";

/**
 * Funnel by stage and weighted forecast by expected closing month. The figures come
 * from crm.lead.crm_funnel / crm_forecast (server-side _read_group); every figure
 * carries the domain of its records, opened on click.
 */
export class CrmFunnelDashboard extends Component {
    static template = "crm_core.FunnelDashboard";
    static components = { DateTimeInput, Layout };
    static props = { ...standardActionServiceProps };

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.state = useState({
            scope: "all",
            dateFrom: false, // luxon DateTimes, from Odoo's date pickers
            dateTo: false,
            funnel: { stages: [], total: {} },
            forecast: { months: [], total: {} },
        });
        this.scopes = [
            { key: "mine", label: _t("My Pipeline") },
            { key: "team", label: _t("My Teams") },
            { key: "all", label: _t("All") },
        ];
        onWillStart(() => this.load());
    }

    get domain() {
        const domain = [];
        if (this.state.scope === "mine") {
            domain.push(["user_id", "=", user.userId]);
        } else if (this.state.scope === "team") {
            domain.push(
                "|",
                ["team_id.user_id", "=", user.userId],
                ["team_id.member_ids", "in", [user.userId]]
            );
        }
        if (this.state.dateFrom) {
            domain.push(["date_deadline", ">=", serializeDate(this.state.dateFrom)]);
        }
        if (this.state.dateTo) {
            domain.push(["date_deadline", "<=", serializeDate(this.state.dateTo)]);
        }
        return domain;
    }

    get forecastMonths() {
        if (this.state.dateFrom && this.state.dateTo) {
            const from = this.state.dateFrom.startOf("month");
            const to = this.state.dateTo.startOf("month");
            const months = Math.round(to.diff(from, "months").months) + 1;
            return Math.min(Math.max(months, 1), 60);
        }
        return 6;
    }

    async load() {
        const domain = this.domain;
        const [funnel, forecast] = await Promise.all([
            this.orm.call("crm.lead", "crm_funnel", [domain]),
            this.orm.call("crm.lead", "crm_forecast", [domain], {
                months: this.forecastMonths,
                date_from: this.state.dateFrom ? serializeDate(this.state.dateFrom) : false,
            }),
        ]);
        this.state.funnel = funnel;
        this.state.forecast = forecast;
    }

    get funnelTitle() {
        return _t("Opportunities in the Funnel");
    }

    get maxAmount() {
        return Math.max(1, ...this.state.funnel.stages.map((stage) => stage.amount));
    }

    barWidth(stage) {
        return `${Math.max(2, Math.round((100 * stage.amount) / this.maxAmount))}%`;
    }

    money(value) {
        return formatMonetary(value || 0, { currencyId: this.state.funnel.currency_id });
    }

    async setScope(scope) {
        this.state.scope = scope;
        await this.load();
    }

    async onDateChange(field, date) {
        this.state[field] = date || false;
        await this.load();
    }

    openRecords(figure, title) {
        this.action.doAction({
            type: "ir.actions.act_window",
            name: title,
            res_model: "crm.lead",
            views: [
                [false, "list"],
                [false, "form"],
            ],
            domain: figure.domain,
            context: { create: false },
        });
    }
}

registry.category("actions").add("crm_core.funnel_dashboard", CrmFunnelDashboard);
