import { Component, onWillStart, onWillUpdateProps, useState } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { standardWidgetProps } from "@web/views/widgets/standard_widget_props";

const WIDTH = 760;
const NODE_RADIUS = 22;
const STROKE = {
    strong: { width: 4, dash: "" },
    medium: { width: 2, dash: "" },
    weak: { width: 1, dash: "5 4" },
};

// Edge labels: 12px text on a box of LABEL_HEIGHT, LABEL_GAP away from the edge.
const LABEL_HEIGHT = 18;
const LABEL_GAP = 4;
const LABEL_PADDING = 5;
const WIDE_CHAR = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60]/;

/** A generous estimate of the label's width (CJK characters are twice as wide). */
function labelWidth(text) {
    let width = 0;
    for (const char of text) {
        width += WIDE_CHAR.test(char) ? 13 : 7;
    }
    return width + 2 * LABEL_PADDING;
}

/**
 * Where an edge's label goes: beside the edge's middle, on the side above it (right of
 * a vertical edge), far enough for its box to stay clear of the line.
 */
function labelPlace(source, target, label) {
    const dx = target.x - source.x;
    const dy = target.y - source.y;
    const length = Math.hypot(dx, dy) || 1;
    let nx = -dy / length;
    let ny = dx / length;
    if (ny > 0 || (ny === 0 && nx < 0)) {
        nx = -nx;
        ny = -ny;
    }
    const width = labelWidth(label);
    const reach = (width / 2) * Math.abs(nx) + (LABEL_HEIGHT / 2) * Math.abs(ny) + LABEL_GAP;
    const x = (source.x + target.x) / 2 + reach * nx;
    const y = (source.y + target.y) / 2 + reach * ny;
    return {
        labelX: x,
        labelY: y,
        labelBox: { x: x - width / 2, y: y - LABEL_HEIGHT / 2, width, height: LABEL_HEIGHT },
    };
}

function shorten(text, size = 18) {
    return text.length > size ? `${text.slice(0, size - 1)}…` : text;
}

/**
 * Draws a partner's relationships ("relations" mode) or its company's
 * organization chart ("org" mode) as inline SVG. Clicking a node opens the
 * partner's form.
 */
export class CrmRelationGraph extends Component {
    static template = "crm_core.RelationGraph";
    static props = {
        ...standardWidgetProps,
        mode: { type: String, optional: true },
    };
    static defaultProps = { mode: "relations" };

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.state = useState({ graph: { nodes: [], edges: [] } });
        onWillStart(() => this.load(this.props.record.resId));
        onWillUpdateProps((nextProps) => this.load(nextProps.record.resId));
    }

    get emptyText() {
        return this.props.mode === "org" ? _t("No contact yet.") : _t("No relationship yet.");
    }

    async load(resId) {
        if (!resId) {
            this.state.graph = { nodes: [], edges: [] };
            return;
        }
        this.state.graph = await this.orm.call("res.partner", "get_relation_graph", [[resId]], {
            mode: this.props.mode,
        });
    }

    get layout() {
        const { nodes, edges } = this.state.graph;
        const positions =
            this.props.mode === "org" ? this.layoutTree(nodes, edges) : this.layoutRadial(nodes);
        const height = Math.max(...Object.values(positions).map((p) => p.y), 0) + 70;
        const placedNodes = nodes.map((node) => ({
            ...node,
            ...positions[node.id],
            label: shorten(node.name),
            initial: (node.name || "?").trim().charAt(0).toUpperCase(),
        }));
        const placedEdges = edges.map((edge, index) => {
            const source = positions[edge.source];
            const target = positions[edge.target];
            const stroke = STROKE[edge.strength] || { width: 2, dash: "" };
            return {
                ...edge,
                key: `${edge.source}-${edge.target}-${index}`,
                x1: source.x,
                y1: source.y,
                x2: target.x,
                y2: target.y,
                ...labelPlace(source, target, edge.label || ""),
                width: stroke.width,
                dash: stroke.dash,
                cssClass: `o_crm_relation_graph_edge o_crm_relation_graph_edge_${edge.kind}`,
            };
        });
        return { nodes: placedNodes, edges: placedEdges, width: WIDTH, height };
    }

    layoutRadial(nodes) {
        const others = nodes.filter((node) => !node.center);
        const radius = Math.max(140, Math.min(260, 40 * others.length));
        const center = { x: WIDTH / 2, y: radius + 50 };
        const positions = {};
        for (const node of nodes.filter((node) => node.center)) {
            positions[node.id] = center;
        }
        others.forEach((node, index) => {
            const angle = -Math.PI / 2 + (2 * Math.PI * index) / others.length;
            positions[node.id] = {
                x: center.x + Math.min(radius * 1.4, WIDTH / 2 - 80) * Math.cos(angle),
                y: center.y + radius * Math.sin(angle),
            };
        });
        return positions;
    }

    layoutTree(nodes, edges) {
        const depth = {};
        const roots = nodes.filter((node) => node.center);
        for (const root of roots) {
            depth[root.id] = 0;
        }
        let changed = true;
        while (changed) {
            changed = false;
            for (const edge of edges) {
                if (edge.source in depth && !(edge.target in depth)) {
                    depth[edge.target] = depth[edge.source] + 1;
                    changed = true;
                }
            }
        }
        const rows = {};
        for (const node of nodes) {
            const level = depth[node.id] ?? 0;
            (rows[level] ||= []).push(node);
        }
        const positions = {};
        for (const [level, row] of Object.entries(rows)) {
            row.forEach((node, index) => {
                positions[node.id] = {
                    x: ((index + 1) * WIDTH) / (row.length + 1),
                    y: 50 + Number(level) * 110,
                };
            });
        }
        return positions;
    }

    openPartner(partnerId) {
        this.action.doAction({
            type: "ir.actions.act_window",
            res_model: "res.partner",
            res_id: partnerId,
            views: [[false, "form"]],
        });
    }
}

export const crmRelationGraph = {
    component: CrmRelationGraph,
    extractProps: ({ attrs }) => ({ mode: attrs.mode || "relations" }),
};

registry.category("view_widgets").add("crm_relation_graph", crmRelationGraph);
