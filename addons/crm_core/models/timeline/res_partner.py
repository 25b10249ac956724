import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.tools import SQL
from odoo.tools.mail import html_to_inner_content

TIMELINE_PREVIEW_SIZE = 160


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Customer 360: smart-button counts and one interaction timeline; other addons add
    # their documents to the timeline by extending _crm_timeline_sources().
    crm_lead_count = fields.Integer(
        string="Leads",
        compute="_compute_crm_360_counts",
        groups="sales_team.group_sale_salesman",
    )
    crm_quotation_count = fields.Integer(
        string="Quotations",
        compute="_compute_crm_360_counts",
        groups="sales_team.group_sale_salesman",
    )
    crm_activity_count = fields.Integer(
        string="Open Activities",
        compute="_compute_crm_360_counts",
        groups="sales_team.group_sale_salesman",
    )

    def _compute_crm_360_counts(self):
        self.crm_lead_count = self.crm_quotation_count = self.crm_activity_count = 0
        if not self.ids or not self.env.user.has_group("sales_team.group_sale_salesman"):
            return
        partners = self.with_context(active_test=False).search_fetch(
            [("id", "child_of", self.ids)], ["parent_id"]
        )
        self_ids = set(self._ids)

        def ancestors(partner):
            # a contact's documents count for every partner of self above it
            while partner:
                if partner.id in self_ids:
                    yield partner
                partner = partner.parent_id

        lead_owner, order_owner = {}, {}
        for partner, lead_type, lead_ids in self.env["crm.lead"]._read_group(
            [("partner_id", "in", partners.ids)], ["partner_id", "type"], ["id:array_agg"]
        ):
            lead_owner.update(dict.fromkeys(lead_ids, partner))
            if lead_type == "lead":
                for ancestor in ancestors(partner):
                    ancestor.crm_lead_count += len(lead_ids)
        for partner, state, order_ids in self.env["sale.order"]._read_group(
            [("partner_id", "in", partners.ids), ("state", "in", ["draft", "sent", "sale"])],
            ["partner_id", "state"],
            ["id:array_agg"],
        ):
            order_owner.update(dict.fromkeys(order_ids, partner))
            if state in ("draft", "sent"):
                for ancestor in ancestors(partner):
                    ancestor.crm_quotation_count += len(order_ids)
        owners = {
            "res.partner": {partner.id: partner for partner in partners},
            "crm.lead": lead_owner,
            "sale.order": order_owner,
        }
        for res_model, res_id, count in self.env["mail.activity"]._read_group(
            self._crm_activity_domain(owners), ["res_model", "res_id"], ["__count"]
        ):
            for ancestor in ancestors(owners.get(res_model, {}).get(res_id)):
                ancestor.crm_activity_count += count

    @api.model
    def _crm_activity_domain(self, ids_by_model):
        return Domain.OR(
            [
                Domain("res_model", "=", model) & Domain("res_id", "in", list(ids))
                for model, ids in ids_by_model.items()
                if ids
            ]
            or [Domain.FALSE]
        )

    def action_view_crm_leads(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("crm.crm_lead_all_leads")
        action["domain"] = [("partner_id", "child_of", self.ids), ("type", "=", "lead")]
        action["context"] = {"default_partner_id": self.id, "default_type": "lead"}
        return action

    def action_view_crm_quotations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sale.action_quotations_with_onboarding"
        )
        action["domain"] = [
            ("partner_id", "child_of", self.ids),
            ("state", "in", ["draft", "sent"]),
        ]
        action["context"] = {"default_partner_id": self.id}
        return action

    def action_view_crm_activities(self):
        self.ensure_one()
        related = self._crm_timeline_related()
        action = self.env["ir.actions.act_window"]._for_xml_id("mail.mail_activity_action")
        action["name"] = self.env._("Open Activities of %(partner)s", partner=self.display_name)
        action["domain"] = list(self._crm_activity_domain(related))
        return action

    def _crm_timeline_related(self):
        """The ids of this partner and its contacts, of their leads and of their sales
        orders, in one query. Only used to filter the sources' searches, which apply
        the current user's access rights themselves."""
        self.ensure_one()
        self.env["res.partner"].flush_model(["parent_id"])
        self.env["crm.lead"].flush_model(["partner_id"])
        self.env["sale.order"].flush_model(["partner_id"])
        self.env.cr.execute(
            SQL(
                """
            WITH RECURSIVE partners(id) AS (
                SELECT %(partner_id)s
                 UNION
                SELECT p.id FROM res_partner p JOIN partners ON p.parent_id = partners.id
            )
            SELECT 'res.partner', id FROM partners
             UNION ALL
            SELECT 'crm.lead', l.id FROM crm_lead l WHERE l.partner_id IN (SELECT id FROM partners)
             UNION ALL
            SELECT 'sale.order', o.id FROM sale_order o
             WHERE o.partner_id IN (SELECT id FROM partners)
            """,
                partner_id=self.id,
            )
        )
        related = {"res.partner": [], "crm.lead": [], "sale.order": []}
        for model, res_id in self.env.cr.fetchall():
            related[model].append(res_id)
        return related

    def _crm_timeline_sources(self):
        """The kinds of records the customer timeline shows. Each source is a dict:

        - ``kind``, ``label``, ``icon`` (Font Awesome class): how items are shown;
        - ``model`` and ``date_field``: what is searched and how it is sorted;
        - ``domain``: callable(related) -> Domain, ``related`` being the result of
          ``_crm_timeline_related()`` ({model: ids});
        - ``fields``: the fields to read;
        - either ``title_field`` / ``body_field`` / ``author_field``, or ``item``:
          callable(values) -> dict overriding the item's keys (title, body_preview,
          author, model, res_id, kind, kind_label, icon).

        Addons add their own sources by extending this method.
        """
        documents = ("res.partner", "crm.lead", "sale.order")
        return [
            {
                "kind": "note",
                "label": self.env._("Note"),
                "icon": "fa-sticky-note-o",
                "model": "mail.message",
                "date_field": "date",
                "domain": lambda related: self._crm_timeline_message_domain(related, True),
                "fields": ["subject", "record_name", "body", "author_id", "model", "res_id"],
                "item": self._crm_timeline_message_item,
            },
            {
                "kind": "message",
                "label": self.env._("Message"),
                "icon": "fa-envelope-o",
                "model": "mail.message",
                "date_field": "date",
                "domain": lambda related: self._crm_timeline_message_domain(related, False),
                "fields": ["subject", "record_name", "body", "author_id", "model", "res_id"],
                "item": self._crm_timeline_message_item,
            },
            {
                "kind": "activity",
                "label": self.env._("Activity"),
                "icon": "fa-clock-o",
                "model": "mail.activity",
                "date_field": "date_deadline",
                "domain": lambda related: self._crm_activity_domain(
                    {model: related.get(model) for model in documents}
                ),
                "fields": [
                    "summary",
                    "activity_type_id",
                    "note",
                    "user_id",
                    "res_model",
                    "res_id",
                    "res_name",
                ],
                "item": lambda values: {
                    "title": values["summary"]
                    or (values["activity_type_id"] and values["activity_type_id"][1])
                    or values["res_name"],
                    "body_preview": self._crm_timeline_preview(values["note"]),
                    "author": (values["user_id"] and values["user_id"][1]) or "",
                    "model": values["res_model"],
                    "res_id": values["res_id"],
                },
            },
            {
                "kind": "meeting",
                "label": self.env._("Meeting"),
                "icon": "fa-calendar",
                "model": "calendar.event",
                "date_field": "start",
                "domain": lambda related: Domain("partner_ids", "in", related["res.partner"]),
                "fields": ["name", "description", "user_id"],
                "title_field": "name",
                "body_field": "description",
                "author_field": "user_id",
            },
            {
                "kind": "lead",
                "label": self.env._("Lead"),
                "icon": "fa-filter",
                "model": "crm.lead",
                "date_field": "create_date",
                "domain": lambda related: (
                    Domain("id", "in", related["crm.lead"]) & Domain("type", "=", "lead")
                ),
                "fields": ["name", "description", "user_id"],
                "title_field": "name",
                "body_field": "description",
                "author_field": "user_id",
            },
            {
                "kind": "opportunity",
                "label": self.env._("Opportunity"),
                "icon": "fa-star",
                "model": "crm.lead",
                "date_field": "create_date",
                "domain": lambda related: (
                    Domain("id", "in", related["crm.lead"]) & Domain("type", "=", "opportunity")
                ),
                "fields": ["name", "description", "user_id"],
                "title_field": "name",
                "body_field": "description",
                "author_field": "user_id",
            },
            {
                "kind": "quotation",
                "label": self.env._("Quotation"),
                "icon": "fa-file-text-o",
                "model": "sale.order",
                "date_field": "create_date",
                "domain": lambda related: (
                    Domain("id", "in", related["sale.order"])
                    & Domain("state", "in", ["draft", "sent"])
                ),
                "fields": ["name", "note", "user_id"],
                "title_field": "name",
                "body_field": "note",
                "author_field": "user_id",
            },
            {
                "kind": "order",
                "label": self.env._("Sales Order"),
                "icon": "fa-shopping-cart",
                "model": "sale.order",
                "date_field": "date_order",
                "domain": lambda related: (
                    Domain("id", "in", related["sale.order"]) & Domain("state", "=", "sale")
                ),
                "fields": ["name", "note", "user_id"],
                "title_field": "name",
                "body_field": "note",
                "author_field": "user_id",
            },
            {
                # completed answers to campaign surveys (campaign/survey_user_input.py)
                "kind": "survey",
                "label": self.env._("Survey Answer"),
                "icon": "fa-check-square-o",
                "model": "survey.user_input",
                "date_field": "end_datetime",
                "domain": lambda related: (
                    Domain("partner_id", "in", related["res.partner"])
                    & Domain("state", "=", "done")
                    & Domain("campaign_id", "!=", False)
                    & Domain("test_entry", "=", False)
                ),
                "fields": ["survey_id", "campaign_id", "scoring_type", "scoring_percentage"],
                "item": lambda values: {
                    "title": (values["survey_id"] and values["survey_id"][1]) or "",
                    "body_preview": self._crm_timeline_survey_preview(values),
                    "author": "",
                },
            },
        ]

    def _crm_timeline_survey_preview(self, values):
        campaign = (values["campaign_id"] and values["campaign_id"][1]) or ""
        if values["scoring_type"] and values["scoring_type"] != "no_scoring":
            return self.env._(
                "%(campaign)s: score %(score)s%%",
                campaign=campaign,
                score=values["scoring_percentage"],
            )
        return campaign

    @api.model
    def _crm_timeline_preview(self, html):
        text = " ".join(html_to_inner_content(html or "").split())
        if len(text) > TIMELINE_PREVIEW_SIZE:
            text = text[: TIMELINE_PREVIEW_SIZE - 1] + "…"
        return text

    def _crm_timeline_message_domain(self, related, notes):
        # chatter of the customer, its contacts, leads and orders; no system notifications
        note_id = self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_note")
        documents = Domain.OR(
            [
                Domain("model", "=", model) & Domain("res_id", "in", related[model])
                for model in ("res.partner", "crm.lead", "sale.order")
                if related.get(model)
            ]
            or [Domain.FALSE]
        )
        subtype = Domain("subtype_id", "=", note_id)
        return (
            Domain("message_type", "in", ["comment", "email"])
            & documents
            & (subtype if notes else ~subtype)
        )

    def _crm_timeline_message_item(self, values):
        return {
            "title": values["subject"] or values["record_name"] or "",
            "body_preview": self._crm_timeline_preview(values["body"]),
            "author": (values["author_id"] and values["author_id"][1]) or "",
            "model": values["model"],
            "res_id": values["res_id"],
        }

    def get_crm_timeline(self, limit=30, before=False):
        """The customer's interactions, newest first: at most ``limit`` items dated
        strictly before ``before`` (a UTC datetime string, the date of the last item
        already shown) when given. Each source costs one search, whatever the number
        of records; records the current user cannot read are left out."""
        self.ensure_one()
        self.check_access("read")
        try:
            limit = max(1, min(int(limit or 30), 200))
            before_dt = fields.Datetime.to_datetime(before) if before else False
        except (TypeError, ValueError) as error:
            raise UserError(
                self.env._(
                    "The timeline cannot be loaded: %(limit)s is not a number of items"
                    " or %(before)s is not a date and time.",
                    limit=limit,
                    before=before,
                )
            ) from error
        related = self._crm_timeline_related()
        items = []
        for source in self._crm_timeline_sources():
            Model = self.env[source["model"]]
            if not Model.has_access("read"):
                continue
            date_field = source["date_field"]
            is_date = Model._fields[date_field].type == "date"
            domain = source["domain"](related)
            if before_dt:
                if is_date:
                    # a date is shown at midnight: same-day items follow a later time
                    operator = "<" if before_dt.time() == datetime.time() else "<="
                    domain &= Domain(date_field, operator, before_dt.date())
                else:
                    domain &= Domain(date_field, "<", before_dt)
            else:
                domain &= Domain(date_field, "!=", False)
            for values in Model.search_read(
                domain,
                list(dict.fromkeys([*source["fields"], date_field])),
                limit=limit,
                order=f"{date_field} desc, id desc",
            ):
                date = values[date_field]
                if is_date:
                    date = datetime.datetime.combine(date, datetime.time())
                item = {
                    "kind": source["kind"],
                    "kind_label": source["label"],
                    "icon": source["icon"],
                    "date": fields.Datetime.to_string(date),
                    "model": source["model"],
                    "res_id": values["id"],
                }
                if "item" in source:
                    item.update(source["item"](values))
                else:
                    author = values.get(source.get("author_field"))
                    item.update(
                        title=values.get(source.get("title_field")) or "",
                        body_preview=self._crm_timeline_preview(
                            values.get(source.get("body_field"))
                        ),
                        author=author[1] if author else "",
                    )
                items.append(item)
        items.sort(key=lambda item: (item["date"], item["kind"], item["res_id"]), reverse=True)
        return items[:limit]
