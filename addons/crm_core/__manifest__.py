{
    "name": "CRM Core",
    "summary": "Roles and visibility; customer profile, duplicate guard, org chart, relation "
    "graph, RFM and 360 timeline; resource pools; handover; opportunities with product lines "
    "and stage evidence; funnel, forecast, targets and performance; competitors; price policy "
    "and discount authority; quotation versions; stock inquiry; returns; approval layer",
    "version": "19.0.1.1.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-suite/crm-suite",
    "author": "CRM Suite",
    "license": "AGPL-3",
    "depends": [
        "crm",
        "sale_management",
        "sale_crm",
        "sale_stock",
        "calendar",
        "utm",
        "survey",
        "sms",
        "base_tier_validation",
        "base_tier_validation_forward",
        "auth_totp_mail",
        "crm_phonecall",
        "base_automation",
    ],
    # One group per feature: its record rules, then data, wizards, views, and its menus
    # last. The roles come first (every rule and access right names their groups);
    # ir.model.access.csv is the one file of every feature's access rights.
    "data": [
        # roles and visibility
        "security/crm_core_groups.xml",
        "security/crm_core_security.xml",
        "security/ir.model.access.csv",
        # customer
        "data/crm_customer_level_data.xml",
        "data/crm_customer_type_data.xml",
        "views/res_partner_views.xml",
        "views/crm_customer_level_views.xml",
        "views/crm_customer_type_views.xml",
        "views/crm_sales_region_views.xml",
        "views/res_partner_profile_views.xml",
        "views/res_config_settings_views.xml",
        "views/crm_customer_menus.xml",
        # relation
        "security/crm_partner_relation_security.xml",
        "data/crm_partner_relation_type_data.xml",
        "views/crm_partner_relation_views.xml",
        "views/crm_partner_relation_menus.xml",
        # handover
        "security/crm_handover_security.xml",
        "data/crm_handover_sequence.xml",
        "views/crm_handover_views.xml",
        "views/crm_handover_menus.xml",
        # rfm
        "data/crm_rfm_segment_data.xml",
        "data/crm_rfm_cron.xml",
        "views/crm_rfm_segment_views.xml",
        "views/crm_rfm_menus.xml",
        # timeline (customer 360)
        "views/res_partner_crm_360_views.xml",
        # pool
        "security/crm_pool_security.xml",
        "data/crm_pool_data.xml",
        "wizard/crm_pool_wizard_views.xml",
        "views/crm_pool_views.xml",
        "views/crm_pool_rule_views.xml",
        "views/crm_pool_menus.xml",
        # opportunity
        "security/crm_opportunity_security.xml",
        "views/crm_lead_opportunity_views.xml",
        "views/crm_opportunity_menus.xml",
        # quotation
        "wizard/crm_quotation_compare_views.xml",
        "views/sale_order_views.xml",
        # stock inquiry
        "wizard/crm_stock_inquiry_views.xml",
        "views/crm_stock_inquiry_menus.xml",
        # competitor
        "security/crm_competitor_security.xml",
        "wizard/crm_lead_lost_views.xml",
        "views/crm_competitor_views.xml",
        "views/crm_competitor_menus.xml",
        # funnel
        "security/crm_funnel_security.xml",
        "views/crm_funnel_views.xml",
        "views/crm_funnel_menus.xml",
        # target
        "security/crm_sales_target_security.xml",
        "views/crm_sales_target_views.xml",
        "views/crm_sales_target_menus.xml",
        # pricing
        "security/crm_pricing_security.xml",
        "data/crm_pricing_data.xml",
        "views/crm_pricing_views.xml",
        "views/crm_pricing_menus.xml",
        # approval
        "security/crm_approval_security.xml",
        "data/crm_approval_data.xml",
        "wizard/crm_approval_reject_views.xml",
        "views/crm_approval_views.xml",
        "views/crm_approval_templates.xml",
        "views/crm_approval_menus.xml",
        # returns
        "security/crm_return_request_security.xml",
        "data/crm_return_request_data.xml",
        "views/crm_return_request_views.xml",
        "views/crm_return_request_portal_templates.xml",
        "views/crm_return_request_menus.xml",
        # public routes: the page of a client over its rate limit
        "views/crm_rate_limit_templates.xml",
        # login: this company's two-factor rule
        "views/crm_login_settings_views.xml",
        # campaign
        "security/crm_campaign_security.xml",
        "data/crm_campaign_data.xml",
        "wizard/crm_campaign_invite_views.xml",
        "views/crm_campaign_views.xml",
        "views/crm_campaign_member_views.xml",
        "views/crm_campaign_analysis_views.xml",
        "views/crm_campaign_templates.xml",
        "views/crm_campaign_menus.xml",
        # campaign surveys, quiz leaderboard, idea contests
        "security/crm_campaign_survey_security.xml",
        "views/crm_campaign_survey_views.xml",
        "views/crm_campaign_survey_templates.xml",
        "views/crm_campaign_survey_menus.xml",
        # telemarketing
        "security/crm_telemarketing_security.xml",
        "wizard/crm_call_log_views.xml",
        "views/crm_call_list_views.xml",
        "views/crm_call_list_entry_views.xml",
        "views/crm_call_list_stat_views.xml",
        "views/crm_call_list_menus.xml",
        # reminder
        "security/crm_reminder_security.xml",
        "data/crm_reminder_data.xml",
        "data/crm_holiday_data.xml",
        "views/crm_reminder_views.xml",
        "views/crm_reminder_holiday_views.xml",
        "views/crm_reminder_menus.xml",
        # work report
        "security/crm_work_report_security.xml",
        "data/crm_work_report_data.xml",
        "views/crm_work_report_views.xml",
        "views/crm_work_report_templates.xml",
        "views/crm_work_report_menus.xml",
        # reseller
        "data/crm_reseller_grade_data.xml",
        "views/crm_reseller_views.xml",
        "views/crm_reseller_portal_templates.xml",
        "views/crm_reseller_menus.xml",
    ],
    "demo": [
        "demo/crm_core_demo.xml",
        "demo/crm_handover_demo.xml",
        "demo/crm_customer_profile_demo.xml",
        "demo/crm_rfm_demo.xml",
        "demo/crm_pool_demo.xml",
        "demo/crm_opportunity_demo.xml",
        "demo/crm_quote_demo.xml",
        "demo/crm_funnel_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "crm_core/static/src/**/*",
        ],
        "web.assets_tests": [
            "crm_core/static/tests/tours/*.js",
        ],
    },
    "uninstall_hook": "uninstall_hook",
    "installable": True,
    "application": False,
}
