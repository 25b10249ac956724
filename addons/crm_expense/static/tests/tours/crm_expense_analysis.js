import { registry } from "@web/core/registry";

// The tests run on 17 June 2025 (frozen); the figures are set up in May and June 2025.

const SALESMAN_ROW = ".o_pivot tbody tr:has(th:contains('Tour Expense Salesman'))";
const MANAGER_ROW = ".o_pivot tbody tr:has(th:contains('Tour Expense Manager'))";
const TOTAL_ROW = ".o_pivot tbody tr:first-child";

// "400.00" but not "1,400.00"; "0.00" but not "400.00".
function money(value) {
    return `/(^|\\s)${value.replace(/[.]/g, "\\.")}/`;
}

// The cells of a row with the favourite's measures (Spent, Approved) under
// May 2025, June 2025, then the total: the header cell is the first child.
function cell(row, position, value, content) {
    return {
        content,
        trigger: `${row} td.o_pivot_cell_value:nth-child(${position + 1}):contains(${money(value)})`,
    };
}

function openExpensesMenu(item) {
    return [
        {
            content: "Open the Expenses menu of CRM",
            trigger:
                ".o_main_navbar .o_menu_sections button[data-menu-xmlid='crm_expense.crm_expense_menu_root']",
            run: "click",
        },
        {
            content: `Choose ${item}`,
            trigger: `.dropdown-menu .dropdown-item:contains('${item}')`,
            run: "click",
        },
    ];
}

registry.category("web_tour.tours").add("crm_expense_analysis_export", {
    steps: () => [
        {
            content: "The CRM app is open",
            trigger: ".o_main_navbar .o_menu_brand:contains('CRM')",
        },
        ...openExpensesMenu("Expense Analysis"),
        {
            content: "The analysis opens as a pivot",
            trigger: ".o_breadcrumb .active:contains('Expense Analysis')",
        },
        {
            content: "It groups by department by default",
            trigger: ".o_pivot tbody th:contains('Tour Field Sales')",
        },
        {
            content: "Open the search options",
            trigger: ".o_control_panel .o_searchview_dropdown_toggler",
            run: "click",
        },
        {
            content: "Show all the shared favourites",
            trigger: ".o_favorite_menu .o_expand_shared_favorites",
            run: "click",
        },
        {
            content: "The six preset cross-tabs are there",
            trigger: ".o_favorite_menu:has(.o_favorite_item:count(6))",
        },
        {
            content: "Choose the preset Salesperson × Month",
            trigger: ".o_favorite_menu .o_favorite_item:contains('Salesperson × Month')",
            run: "click",
        },
        {
            content: "The favourite is applied",
            trigger: ".o_searchview_facet:contains('Salesperson × Month')",
        },
        {
            content: "Close the search options",
            trigger: ".o_control_panel .o_searchview_dropdown_toggler",
            run: "click",
        },
        {
            content: "May 2025 is the first month",
            trigger: ".o_pivot thead tr:nth-child(2) th:nth-child(1):contains('May 2025')",
        },
        {
            content: "June 2025 the second",
            trigger: ".o_pivot thead tr:nth-child(2) th:nth-child(2):contains('June 2025')",
        },
        {
            content: "Rows are salespeople, not departments",
            trigger: ".o_pivot:not(:has(th:contains('Tour Field Sales'))) tbody th:contains('Tour Expense Salesman')",
        },
        cell(SALESMAN_ROW, 1, "300.00", "The salesperson spent 300.00 in May"),
        cell(SALESMAN_ROW, 2, "1,000.00", "against 1,000.00 approved in May"),
        cell(SALESMAN_ROW, 3, "200.00", "and 200.00 in June"),
        cell(SALESMAN_ROW, 5, "500.00", "500.00 spent in all"),
        cell(MANAGER_ROW, 3, "450.00", "The manager spent 450.00 in June"),
        cell(MANAGER_ROW, 4, "600.00", "against 600.00 approved in June"),
        cell(TOTAL_ROW, 1, "300.00", "300.00 were spent in May"),
        cell(TOTAL_ROW, 3, "650.00", "650.00 in June"),
        cell(TOTAL_ROW, 5, "950.00", "950.00 in all"),
        cell(TOTAL_ROW, 6, "1,600.00", "1,600.00 were approved in all"),
        ...openExpensesMenu("Export to Excel"),
        {
            content: "The export wizard opens",
            trigger: ".modal .modal-title:contains('Export to Excel')",
        },
        {
            content: "Open the cross-tabs",
            trigger: ".modal .o_field_widget[name='preset'] input",
            run: "click",
        },
        {
            content: "Choose the same preset, Salesperson × Month",
            trigger: ".o_select_menu_menu .o_select_menu_item:contains('Salesperson × Month')",
            run: "click",
        },
        {
            content: "Rows are salespeople",
            trigger: ".modal .o_field_widget[name='row_groupby']:contains('Salesperson')",
        },
        {
            content: "Columns are months",
            trigger: ".modal .o_field_widget[name='col_groupby']:contains('Month')",
        },
        {
            content: "The measure is what was spent",
            trigger: ".modal .o_field_widget[name='measure'] input:value('Spent')",
        },
        {
            content: "Export",
            trigger: ".modal .modal-footer button[name='action_export']",
            run: "click",
        },
        {
            content: "The workbook is downloaded: the buttons are enabled again",
            trigger: ".modal .modal-footer button[name='action_export']:enabled",
        },
        {
            content: "Close the wizard",
            trigger: ".modal .modal-footer button.btn-secondary:contains('Cancel')",
            run: "click",
        },
        {
            content: "Back on the analysis",
            trigger: "body:not(:has(.modal)) .o_pivot",
        },
    ],
});
