import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("crm_core_relation_graph", {
    steps: () => [
        {
            content: "The customer's form is open",
            trigger: ".o_breadcrumb .active:contains('Relco Own')",
        },
        {
            content: "Open the Relationships tab",
            trigger: ".o_notebook .nav-link:contains('Relationships')",
            run: "click",
        },
        {
            content: "The graph shows the related partner",
            trigger:
                ".o_crm_relation_graph svg .o_crm_relation_graph_node:not(.o_crm_relation_graph_center) .o_crm_relation_graph_name:contains('Relco Friend')",
        },
        {
            content: "The edge is labelled from the customer's side",
            trigger:
                ".o_crm_relation_graph svg .o_crm_relation_graph_edge[data-strength='strong'] .o_crm_relation_graph_edge_label:contains('Subordinate of')",
        },
        {
            content: "The control panel's New button stays on one line",
            trigger: ".o_control_panel .o_form_button_create",
            run() {
                const button = this.anchor;
                const lineHeight = parseFloat(getComputedStyle(button).lineHeight);
                const { height } = button.getBoundingClientRect();
                const padding =
                    parseFloat(getComputedStyle(button).paddingTop) +
                    parseFloat(getComputedStyle(button).paddingBottom) +
                    parseFloat(getComputedStyle(button).borderTopWidth) +
                    parseFloat(getComputedStyle(button).borderBottomWidth);
                const range = document.createRange();
                range.selectNodeContents(button);
                const lines = new Set(
                    [...range.getClientRects()].filter((r) => r.width).map((r) => Math.round(r.top))
                );
                if (lines.size !== 1 || height > lineHeight + padding + 1) {
                    let node = button;
                    const chain = [];
                    while (node && node !== document.body) {
                        const style = getComputedStyle(node);
                        chain.push(
                            `${node.tagName}.${[...node.classList].join(".")} w=${node.getBoundingClientRect().width} ws=${style.whiteSpace} flex=${style.flex} minw=${style.minWidth}`
                        );
                        node = node.parentElement;
                    }
                    throw new Error(
                        `"New" takes ${lines.size} lines (${height}px high):\n${chain.join("\n")}`
                    );
                }
            },
        },
        {
            content: "The edge's label is beside the edge, not on it",
            trigger:
                ".o_crm_relation_graph svg .o_crm_relation_graph_edge[data-strength='strong'] .o_crm_relation_graph_edge_label",
            run() {
                const edge = this.anchor.closest(".o_crm_relation_graph_edge");
                const line = edge.querySelector("line").getBoundingClientRect();
                const middle = { x: line.x + line.width / 2, y: line.y + line.height / 2 };
                const covers = (box, point) =>
                    box.left <= point.x &&
                    point.x <= box.right &&
                    box.top <= point.y &&
                    point.y <= box.bottom;
                const text = this.anchor.getBoundingClientRect();
                if (covers(text, middle)) {
                    throw new Error(
                        `The label (${JSON.stringify(text)}) covers the edge's middle (${JSON.stringify(middle)})`
                    );
                }
                // Nor does the line cross the label anywhere (points along it, on screen).
                const svgLine = edge.querySelector("line");
                const matrix = svgLine.getScreenCTM();
                const [start, end] = [
                    ["x1", "y1"],
                    ["x2", "y2"],
                ].map(([x, y]) =>
                    new DOMPoint(
                        svgLine[x].baseVal.value,
                        svgLine[y].baseVal.value
                    ).matrixTransform(matrix)
                );
                for (let step = 0; step <= 100; step++) {
                    const point = {
                        x: start.x + ((end.x - start.x) * step) / 100,
                        y: start.y + ((end.y - start.y) * step) / 100,
                    };
                    if (covers(text, point)) {
                        throw new Error(
                            `The edge crosses its label at ${JSON.stringify(point)} (${JSON.stringify(text)})`
                        );
                    }
                }
                const background = edge.querySelector(".o_crm_relation_graph_edge_label_bg");
                if (!background) {
                    throw new Error("The label has no background");
                }
                const box = background.getBoundingClientRect();
                if (covers(box, middle)) {
                    throw new Error("The label's background covers the edge's middle");
                }
                if (
                    text.left < box.left ||
                    text.right > box.right ||
                    text.top < box.top ||
                    text.bottom > box.bottom
                ) {
                    throw new Error("The label's background does not hold its text");
                }
            },
        },
        {
            content: "Open the related partner from its node",
            trigger:
                ".o_crm_relation_graph svg .o_crm_relation_graph_node:not(.o_crm_relation_graph_center):contains('Relco Friend')",
            run: "click",
        },
        {
            content: "The related partner's form is open",
            trigger: ".o_breadcrumb .active:contains('Relco Friend')",
        },
        {
            content: "The previous customer is in the breadcrumbs",
            trigger: ".o_breadcrumb:contains('Relco Own')",
        },
    ],
});
