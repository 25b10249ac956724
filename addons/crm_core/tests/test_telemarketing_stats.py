from odoo import fields
from odoo.tests import tagged

from .telemarketing_common import TelemarketingCommon


@tagged("post_install", "-at_install")
class TestTelemarketingStats(TelemarketingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        entries = cls.generate()
        cls.second_list = cls.call_list.copy({"name": "Autumn Follow-up", "campaign_id": False})
        second = cls.generate(cls.second_list)
        # salesman_a: a reached 10 min, c no answer 2 min, a (autumn) interested 6 min;
        # salesman_b: b busy 1 min, b (autumn) interested 9 min (converted)
        for entry, outcome, duration in (
            (entries["a"], "reached", 10),
            (entries["c"], "no_answer", 2),
            (second["a"], "interested", 6),
            (entries["b"], "busy", 1),
            (second["b"], "interested", 9),
        ):
            entry.with_user(entry.user_id)._log_call(outcome, duration, False, False)
        cls.Stat = cls.env["crm.call.stat"]

    def stats(self, groupby, model=None):
        aggregates = [
            "call_count:sum",
            "reached_count:sum",
            "converted_count:sum",
            "avg_duration:avg",
            "reach_rate:avg",
            "conversion_rate:avg",
        ]
        return {
            group: tuple(values)
            for group, *values in (self.Stat if model is None else model)._read_group(
                [("call_list_id", "in", (self.call_list | self.second_list).ids)],
                [groupby],
                aggregates,
            )
        }

    def test_per_salesperson(self):
        # the rates and the average come from the totals, not from the rows' rates
        self.assertEqual(
            self.stats("user_id"),
            {
                self.salesman_a: (3, 2, 1, 6.0, 66.67, 33.33),
                self.salesman_b: (2, 1, 1, 5.0, 50.0, 50.0),
            },
        )

    def test_per_list(self):
        self.assertEqual(
            self.stats("call_list_id"),
            {
                self.call_list: (3, 1, 0, 4.33, 33.33, 0.0),
                self.second_list: (2, 2, 2, 7.5, 100.0, 100.0),
            },
        )

    def test_rows_per_salesperson_list_and_day(self):
        rows = self.Stat.search(
            [("user_id", "=", self.salesman_a.id), ("call_list_id", "=", self.call_list.id)]
        )
        self.assertRecordValues(
            rows,
            [
                {
                    "date": fields.Date.today(),
                    "call_count": 2,
                    "reached_count": 1,
                    "converted_count": 0,
                    "duration": 12.0,
                    "avg_duration": 6.0,
                    "reach_rate": 50.0,
                    "conversion_rate": 0.0,
                    "campaign_id": self.campaign.id,
                }
            ],
        )

    def test_salesperson_sees_own_statistics_only(self):
        self.assertEqual(
            set(self.stats("user_id", self.Stat.with_user(self.salesman_b))), {self.salesman_b}
        )
        self.assertEqual(
            set(self.stats("user_id", self.Stat.with_user(self.leader_1))),
            {self.salesman_a, self.salesman_b},
        )
        self.assertFalse(self.stats("user_id", self.Stat.with_user(self.leader_2)))
