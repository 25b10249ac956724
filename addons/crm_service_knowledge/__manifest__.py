{
    "name": "CRM Service Knowledge",
    "summary": "Knowledge articles suggested on service requests; the article that solved a "
    "request is recorded, and articles rank higher the more requests they solved",
    "version": "19.0.1.0.0",
    "category": "Services/Helpdesk",
    "website": "https://github.com/crm-suite/crm-suite",
    "author": "CRM Suite",
    "license": "AGPL-3",
    "depends": ["crm_service", "crm_knowledge"],
    "data": [
        "views/helpdesk_ticket_views.xml",
        "views/crm_knowledge_article_views.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "crm_service_knowledge/static/tests/tours/*.js",
        ],
    },
    "installable": True,
    "auto_install": True,
}
