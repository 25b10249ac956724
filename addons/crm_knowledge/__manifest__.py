{
    "name": "CRM Knowledge Base",
    "summary": "Knowledge base with ranked Chinese/English Q&A, most-asked and latest "
    "questions, query log, internal, partner and public pages",
    "version": "19.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-suite/crm-suite",
    "author": "CRM Suite",
    "license": "AGPL-3",
    "depends": ["crm_core", "portal"],
    "external_dependencies": {"python": ["jieba"]},
    "data": [
        "security/crm_knowledge_security.xml",
        "security/ir.model.access.csv",
        "views/crm_knowledge_category_views.xml",
        "views/crm_knowledge_article_views.xml",
        "views/crm_knowledge_feedback_views.xml",
        "views/crm_knowledge_query_views.xml",
        "wizard/crm_knowledge_search_views.xml",
        "views/crm_knowledge_portal_templates.xml",
        "views/crm_knowledge_menus.xml",
    ],
    "demo": [
        "demo/crm_knowledge_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "crm_knowledge/static/tests/tours/*.js",
        ],
    },
    "installable": True,
    "application": False,
}
