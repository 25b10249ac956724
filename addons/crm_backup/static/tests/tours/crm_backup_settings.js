import { registry } from "@web/core/registry";

// General Settings > Backups: the settings as the test set them up, a change of the
// retention saved, then the Backups list and "Back up now".
registry.category("web_tour.tours").add("crm_backup_settings", {
    steps: () => [
        {
            content: "The backup settings block is in General Settings",
            trigger: ".o_settings_container:has(#crm_backup_enabled)",
        },
        {
            content: "Daily backups are on",
            trigger: "#crm_backup_enabled input[type='checkbox']:checked",
        },
        {
            content: "At 02:00",
            trigger: "div[name='crm_backup_time'] input:value(02:00)",
        },
        {
            content: "The folder the test chose",
            trigger: "div[name='crm_backup_folder'] input:value(/crm_backup_tour_)",
        },
        {
            content: "Seven days are kept",
            trigger: "div[name='crm_backup_keep_daily'] input:value(7)",
        },
        {
            content: "Keep ten days instead",
            trigger: "div[name='crm_backup_keep_daily'] input",
            run: "edit 10",
        },
        {
            content: "Four weeks are kept",
            trigger: "div[name='crm_backup_keep_weekly'] input:value(4)",
        },
        {
            content: "Save the settings",
            trigger: ".o_control_panel .o_form_button_save",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Saved: ten days are kept",
            trigger: "div[name='crm_backup_keep_daily'] input:value(10)",
        },
        {
            content: "The reloaded page has no unsaved changes",
            trigger: ".o_control_panel:not(:has(.o_dirty_warning)) .o_form_button_save",
        },
        {
            content: "Open the backups",
            trigger: "#crm_backup_enabled button:contains('Backups')",
            run: "click",
        },
        {
            content: "The Backups list is open",
            trigger: ".o_breadcrumb .active:contains('Backups')",
        },
        {
            content: "Back up now",
            trigger: ".o_control_panel button:contains('Back up now')",
            run: "click",
        },
        {
            content: "The new run is done",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Done')",
        },
        {
            content: "It names its file",
            trigger: ".o_form_view div[name='file_name']:contains('.zip')",
        },
    ],
});
