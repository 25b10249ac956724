from odoo.tests import Form

from .common import CrmCoreCommon, FrozenTodayMixin


class TelemarketingCommon(FrozenTodayMixin, CrmCoreCommon):
    """Besides CrmCoreCommon's records: the customers a, b and c have a phone number,
    the pool's customer has none; all four carry the tag the call list filters on.
    Callbacks and statistics count days: the class runs on a frozen day."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tag = cls.env["res.partner.category"].create({"name": "Telemarketing Target"})
        for key, phone in (
            ("a", "+86 21 1000 0001"),
            ("b", "+86 21 1000 0002"),
            ("c", "+86 21 1000 0003"),
            ("pool", False),
        ):
            cls.customers[key].write({"phone": phone, "category_id": [(4, cls.tag.id)]})
        cls.campaign = cls.env["utm.campaign"].create({"name": "Spring Calls"})
        cls.call_list = cls.env["crm.call.list"].create(
            {
                "name": "Spring Follow-up",
                "campaign_id": cls.campaign.id,
                "team_id": cls.team_1.id,
                "user_ids": [(6, 0, (cls.salesman_a | cls.salesman_b).ids)],
                "partner_domain": f"[('category_id', 'in', [{cls.tag.id}])]",
                "script": "<p>Good morning, this is the spring follow-up.</p>",
            }
        )

    @classmethod
    def generate(cls, call_list=None):
        """Generate the entries; returns them keyed by the customer's key."""
        call_list = call_list or cls.call_list
        call_list.action_generate()
        return {
            key: call_list.entry_ids.filtered(lambda e, c=customer: e.partner_id == c)
            for key, customer in cls.customers.items()
        }

    def log_call(self, entry, user, **values):
        """Log a call through the wizard's form, as ``user``; returns its action."""
        wizard = Form(
            self.env["crm.call.log"].with_user(user).with_context(default_entry_id=entry.id)
        )
        for name, value in values.items():
            setattr(wizard, name, value)
        return wizard.save().action_log()
