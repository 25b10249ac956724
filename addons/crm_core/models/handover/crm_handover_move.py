from odoo import api, models
from odoo.tools import SQL, split_every

from ...tools import stable_fields

# Ids written per ORM call: big enough to keep the query count flat, small enough
# to keep the prefetch and the recompute queues of one batch in memory.
HANDOVER_BATCH_SIZE = 1000


class CrmHandover(models.Model):
    """The moves of a work handover: the generic batched write of the owner or
    the team, and the kinds that move differently (customers with their
    contacts, followers in SQL, the members of a merged team)."""

    _inherit = "crm.handover"

    def _handover_move_records(self, desc, records):
        """The generic move: batched ORM writes of the owner (user mode) or the team
        (team mode). In user mode the team follows the new owner as in Odoo (a team
        the new owner belongs to is kept, otherwise their default team), decided
        once for all the records instead of per record by the team compute."""
        self.ensure_one()
        if not records:
            return 0
        if self.mode == "team":
            for batch in split_every(HANDOVER_BATCH_SIZE, records.ids, records.browse):
                batch.write({desc["team_field"]: self.to_team_id.id})
            return len(records)
        to_user = self.to_user_id
        vals = {desc["user_field"]: to_user.id}
        team_field = desc["team_field"]
        if team_field:
            Team = self._handover_env()["crm.team"]
            user_teams = Team.search(
                ["|", ("member_ids", "in", to_user.ids), ("user_id", "=", to_user.id)]
            )
            default_team = to_user.sale_team_id or Team._get_default_team_id(user_id=to_user.id)
            stable = self._handover_stable_fields(records._name, desc)
            has_company = "company_id" in records._fields
            team_ids = set(user_teams.ids)
            company_ids = {False, *to_user.company_ids.ids}
        for batch in split_every(HANDOVER_BATCH_SIZE, records.ids, records.browse):
            if not team_field:
                batch.write(vals)
                continue
            in_team = batch.filtered(
                lambda rec: (
                    rec[team_field].id in team_ids
                    and (not has_company or rec.company_id.id in company_ids)
                )
            )
            if in_team:
                # Team and company stay: what derives from them only stays too.
                with self.env.protecting(stable, in_team):
                    in_team.write(vals)
            if batch - in_team:
                (batch - in_team).write({**vals, team_field: default_team.id})
        return len(records)

    @api.model
    def _handover_stable_fields(self, model_name, desc):
        """What a move of the owner cannot change when the team and company stay
        (see crm_core.tools.owner_change)."""
        return stable_fields(
            self.env[model_name], desc["user_field"], (desc["team_field"], "company_id")
        )

    def _handover_move_customers(self, desc):
        """Commercial partners move; in user mode their contacts owned by the same
        user follow (in team mode the contacts' team follows by its compute)."""
        companies = self._handover_search(desc)
        if self.mode == "user" and companies:
            contacts = self._handover_env()["res.partner"].search(
                [
                    ("commercial_partner_id", "in", companies.ids),
                    ("id", "not in", companies.ids),
                    ("user_id", "=", self.from_user_id.id),
                ],
                order="id",
            )
            self._handover_move_records(desc, contacts)
        return self._handover_move_records(desc, companies)

    def _handover_follower_sql_filter(self):
        # Not the from-user's own partner record: it stays theirs.
        from_partner = self.from_user_id.partner_id.id
        return SQL(
            "src.partner_id = %(partner)s AND NOT (src.res_model = 'res.partner'"
            " AND src.res_id = %(partner)s)",
            partner=from_partner,
        )

    def _handover_count_followers(self, desc):
        self.ensure_one()
        if self.mode != "user" or not self.from_user_id:
            return 0
        from_partner = self.from_user_id.partner_id.id
        return self._handover_env()["mail.followers"].search_count(
            [
                ("partner_id", "=", from_partner),
                "!",
                "&",
                ("res_model", "=", "res.partner"),
                ("res_id", "=", from_partner),
            ]
        )

    def _handover_move_followers(self, desc):
        """Set-based: where the new user already follows a record, its subscription
        gains the old one's subtypes and the old row goes (unique
        res_model/res_id/partner_id); elsewhere the old row changes partner."""
        self.ensure_one()
        env = self._handover_env()
        env.flush_all()
        cr = env.cr
        where = self._handover_follower_sql_filter()
        to_partner = self.to_user_id.partner_id.id
        same_record = SQL(
            "dst.res_model = src.res_model AND dst.res_id = src.res_id AND dst.partner_id = %s",
            to_partner,
        )
        cr.execute(
            SQL(
                """
                INSERT INTO mail_followers_mail_message_subtype_rel
                       (mail_followers_id, mail_message_subtype_id)
                SELECT dst.id, rel.mail_message_subtype_id
                  FROM mail_followers src
                  JOIN mail_followers dst ON %(same)s
                  JOIN mail_followers_mail_message_subtype_rel rel
                    ON rel.mail_followers_id = src.id
                 WHERE %(where)s
                ON CONFLICT DO NOTHING
                """,
                same=same_record,
                where=where,
            )
        )
        cr.execute(
            SQL(
                "DELETE FROM mail_followers src USING mail_followers dst"
                " WHERE %(where)s AND %(same)s",
                where=where,
                same=same_record,
            )
        )
        merged = cr.rowcount
        cr.execute(
            SQL(
                "UPDATE mail_followers src SET partner_id = %(to)s WHERE %(where)s",
                to=to_partner,
                where=where,
            )
        )
        moved = cr.rowcount
        env.invalidate_all()
        return merged + moved

    def _handover_move_team_members(self):
        """Department merge: the members of the from team join the to team."""
        self.ensure_one()
        env = self._handover_env()
        members = self.from_team_id.sudo().crm_team_member_ids.user_id
        already = self.to_team_id.sudo().crm_team_member_ids.user_id
        env["crm.team.member"].create(
            [{"crm_team_id": self.to_team_id.id, "user_id": user.id} for user in members - already]
        )
        if self.archive_from_team:
            self.from_team_id.sudo().action_archive()
