from .common import CrmCoreCommon, FrozenTodayMixin


class CrmPoolCommon(FrozenTodayMixin, CrmCoreCommon):
    """Besides CrmCoreCommon's records: a customer, a lead and an opportunity waiting in
    the public pool ("pub"), in team_1's pool ("t1") and in team_2's pool ("t2").
    Quotas, reclaim periods and recall dates count days: the class runs on a frozen day
    (FrozenTodayMixin)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Pool = cls.env["crm.pool"]
        cls.pool_public = Pool._get_public_pool(cls.env.company)
        cls.pool_1 = cls.team_1.pool_ids
        cls.pool_2 = cls.team_2.pool_ids
        cls.env.company.pool_reclaim_days = 30
        cls.pooled = {
            "pub": (cls.pool_public, cls.env["crm.team"]),
            "t1": (cls.pool_1, cls.team_1),
            "t2": (cls.pool_2, cls.team_2),
        }
        cls.pool_customers, cls.pool_leads, cls.pool_opportunities = {}, {}, {}
        for key, (pool, team) in cls.pooled.items():
            cls.pool_customers[key] = cls.env["res.partner"].create(
                {
                    "name": f"Pooled Customer {key}",
                    "is_company": True,
                    "customer_rank": 1,
                    "team_id": team.id,
                    "pool_id": pool.id,
                }
            )
            for lead_type, mapping in (
                ("lead", cls.pool_leads),
                ("opportunity", cls.pool_opportunities),
            ):
                mapping[key] = cls.env["crm.lead"].create(
                    {
                        "name": f"Pooled {lead_type.title()} {key}",
                        "type": lead_type,
                        "user_id": False,
                        "team_id": team.id,
                        "pool_id": pool.id,
                    }
                )

    def logs_of(self, record):
        field = "partner_id" if record._name == "res.partner" else "lead_id"
        return self.env["crm.pool.log"].search([(field, "=", record.id)], order="id")
