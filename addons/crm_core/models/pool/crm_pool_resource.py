from datetime import timedelta

from psycopg2 import errors as pg_errors

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL


class CrmPoolResource(models.AbstractModel):
    """What customers, leads and opportunities share as resources of a pool:
    membership, the claim / assign / release / recall moves and their checks."""

    _name = "crm.pool.resource"
    _description = "Pool Resource"

    pool_id = fields.Many2one(
        "crm.pool",
        string="Pool",
        index="btree_not_null",
        copy=False,
        readonly=True,
        ondelete="restrict",
        help="The resource pool this record waits in; a record in a pool has no owner.",
    )
    pool_assign_date = fields.Datetime(
        string="Owned Since",
        copy=False,
        readonly=True,
        help="When the current owner claimed or was given this record.",
    )
    pool_recall_date = fields.Date(
        string="Recall Date",
        copy=False,
        readonly=True,
        index="btree_not_null",
        help="Without follow-up, this record goes back to a pool on this date.",
    )

    @api.constrains("pool_id", "user_id")
    def _check_pool_owner(self):
        for record in self:
            if record.pool_id and record.user_id:
                raise ValidationError(
                    self.env._(
                        "%(record)s cannot be in the pool %(pool)s and owned by %(user)s at"
                        " the same time.",
                        record=record.display_name,
                        pool=record.pool_id.display_name,
                        user=record.user_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # Per-model hooks
    # ------------------------------------------------------------------
    def _pool_resource_type(self):
        """The resource type ("customer", "lead", "opportunity") of one record."""
        raise NotImplementedError()

    def _pool_resource_type_sql(self, alias):
        """The same, as SQL on the row ``alias`` of the model's table."""
        raise NotImplementedError()

    @api.model
    def _pool_held_domain(self, user, resource_type):
        """Open records of this type held by ``user``, counted against the quota."""
        raise NotImplementedError()

    def _pool_log_field(self):
        raise NotImplementedError()

    # ------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------
    def _pool_is_manager(self):
        return self.env.user.has_group("sales_team.group_sale_salesman_all_leads")

    def _pool_led_teams(self):
        return self.env["crm.team"].sudo().search([("user_id", "=", self.env.uid)])

    def _pool_check_in_pool(self):
        for record in self:
            if record.user_id:
                raise UserError(
                    self.env._(
                        "%(record)s is already owned by %(user)s.",
                        record=record.display_name,
                        user=record.user_id.name,
                    )
                )
            if not record.pool_id:
                raise UserError(
                    self.env._("%(record)s is not in a resource pool.", record=record.display_name)
                )

    def _pool_check_quota(self, user):
        """Refuse when ``user`` would hold more records of a type than allowed."""
        by_type = {}
        for record in self:
            by_type.setdefault(record._pool_resource_type(), self.browse())
            by_type[record._pool_resource_type()] |= record
        company = self[:1].company_id or self.env.company
        quotas = self.env["crm.pool.quota"]._get_quotas(user, company, list(by_type))
        labels = dict(
            self.env["crm.pool.quota"]._fields["resource_type"]._description_selection(self.env)
        )
        for resource_type, records in by_type.items():
            quota = quotas.get(resource_type)
            if not quota:
                continue
            held = self.sudo().search_count(self._pool_held_domain(user, resource_type))
            if held + len(records) > quota:
                raise UserError(
                    self.env._(
                        "Quota reached: %(user)s may hold at most %(quota)s %(type)s and"
                        " already holds %(count)s.",
                        user=user.name,
                        quota=quota,
                        type=labels[resource_type].lower(),
                        count=held,
                    )
                )

    def _pool_check_reclaim(self, user):
        """A previous owner may not take back a record recalled from them too soon."""
        company = self[:1].company_id or self.env.company
        days = company.pool_reclaim_days
        if not days:
            return
        field = self._pool_log_field()
        logs = (
            self.env["crm.pool.log"]
            .sudo()
            .search(
                [
                    (field, "in", self.ids),
                    ("action", "=", "recall"),
                    ("from_user_id", "=", user.id),
                    ("date", ">", fields.Datetime.now() - timedelta(days=days)),
                ],
                order="date desc",
                limit=1,
            )
        )
        if logs:
            until = fields.Date.to_date(logs.date) + timedelta(days=days)
            raise UserError(
                self.env._(
                    "%(record)s was recalled from %(user)s on %(date)s; it cannot be"
                    " claimed back by them before %(until)s.",
                    record=logs[field].display_name,
                    user=user.name,
                    date=fields.Date.to_string(fields.Date.to_date(logs.date)),
                    until=fields.Date.to_string(until),
                )
            )

    def _pool_lock(self):
        """Lock the rows so that of two simultaneous claims exactly one wins; the other
        gets a clear message instead of a serialization error."""
        self.flush_recordset()
        names = ", ".join(self.sudo().mapped("display_name"))
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(
                    SQL(
                        "SELECT id, user_id FROM %s WHERE id IN %s ORDER BY id FOR UPDATE NOWAIT",
                        SQL.identifier(self._table),
                        tuple(self.ids),
                    ),
                    log_exceptions=False,
                )
                rows = self.env.cr.fetchall()
        except pg_errors.LockNotAvailable:
            raise UserError(
                self.env._(
                    "%(records)s is being claimed by someone else right now; try again in a"
                    " moment.",
                    records=names,
                )
            ) from None
        except pg_errors.SerializationFailure:
            raise UserError(
                self.env._("%(records)s was just claimed by someone else.", records=names)
            ) from None
        if any(user_id for _id, user_id in rows):
            raise UserError(
                self.env._("%(records)s was just claimed by someone else.", records=names)
            )

    # ------------------------------------------------------------------
    # Moves
    # ------------------------------------------------------------------
    def _pool_log(self, action, to_user=False, to_pool=False, reason=False, rule=False):
        """Log the move of these records, read from their rows before the move.

        One INSERT ... SELECT: a recall logs tens of thousands of moves, and the ORM's
        create spent seconds preparing them. The log is append-only, with no stored
        computed field and no chatter, so the ORM has nothing else to do on insert."""
        if not self:
            return
        self.flush_recordset()
        now = fields.Datetime.now()
        uid = self.env.uid
        self.env.cr.execute(
            SQL(
                """INSERT INTO crm_pool_log (
                        date, action, resource_type, %(field)s, user_id, from_user_id,
                        to_user_id, from_pool_id, to_pool_id, rule_id, reason, company_id,
                        create_uid, write_uid, create_date, write_date)
                   SELECT %(now)s, %(action)s, %(type)s, r.id, %(uid)s, r.user_id,
                          %(to_user)s, r.pool_id, %(to_pool)s, %(rule)s, %(reason)s,
                          COALESCE(r.company_id, %(company)s), %(uid)s, %(uid)s, %(now)s, %(now)s
                     FROM %(table)s r
                     JOIN unnest(%(ids)s::int[]) WITH ORDINALITY AS o(id, n) ON o.id = r.id
                    ORDER BY o.n""",
                field=SQL.identifier(self._pool_log_field()),
                now=now,
                action=action,
                type=self._pool_resource_type_sql(SQL.identifier("r")),
                uid=uid,
                to_user=to_user.id if to_user else None,
                to_pool=to_pool.id if to_pool else None,
                rule=rule.id if rule else None,
                reason=reason or None,
                company=self.env.company.id,
                table=SQL.identifier(self._table),
                ids=list(self.ids),
            )
        )
        self.env["crm.pool.log"].invalidate_model()

    def _pool_prepare_take(self, user, action, reason=False):
        """Lock pooled records that passed their checks and log their move to
        ``user``; returns the values that take them out of their pool."""
        self._pool_lock()
        self._pool_log(action, to_user=user, reason=reason)
        return {
            "user_id": user.id,
            "pool_id": False,
            "pool_assign_date": fields.Datetime.now(),
            "pool_recall_date": False,
        }

    def _pool_take(self, user, action, reason=False):
        """Give pooled records to ``user`` once every check has passed."""
        self.sudo().write(self._pool_prepare_take(user, action, reason))
        return True

    def action_pool_claim(self):
        """The current user takes records out of a pool they can see."""
        if not self:
            return True
        self._pool_check_claim()
        return self._pool_take(self.env.user, "claim")

    def _pool_check_claim(self):
        user = self.env.user
        for record in self.sudo():
            # taken meanwhile by someone whose records this user cannot see
            if (
                record.user_id
                and record.user_id != user
                and not self.browse(record.id).has_access("read")
            ):
                raise UserError(
                    self.env._(
                        "%(records)s was just claimed by someone else.",
                        records=record.display_name,
                    )
                )
        self.check_access("read")
        self._pool_check_in_pool()
        self._pool_check_reclaim(user)
        self._pool_check_quota(user)

    def _pool_assign(self, user, reason=False):
        """A team leader (for the teams they lead) or a manager hands records to a user."""
        self._pool_check_assign(user)
        pooled = self.filtered("pool_id")
        owned = self - pooled
        if pooled:
            pooled._pool_take(user, "assign", reason)
        if owned:
            owned._pool_log("assign", to_user=user, reason=reason)
            owned.sudo().write({"user_id": user.id, "pool_assign_date": fields.Datetime.now()})
        return True

    def _pool_check_assign(self, user):
        if not user:
            raise UserError(self.env._("Choose the salesperson to assign to."))
        self.check_access("read")
        if not self._pool_is_manager():
            led = self._pool_led_teams()
            if not led:
                raise UserError(
                    self.env._("Only team leaders and sales managers may assign records.")
                )
            if user not in (led.member_ids | led.user_id):
                raise UserError(
                    self.env._("%(user)s is not a member of a team you lead.", user=user.name)
                )
            for record in self:
                team = record.pool_id.team_id or record.team_id
                if record.pool_id.team_id and team not in led:
                    raise UserError(
                        self.env._(
                            "%(record)s is in the pool of a team you do not lead.",
                            record=record.display_name,
                        )
                    )
        pooled = self.filtered("pool_id")
        owned = self - pooled
        for record in owned:
            if record.user_id == user:
                raise UserError(
                    self.env._(
                        "%(record)s is already owned by %(user)s.",
                        record=record.display_name,
                        user=user.name,
                    )
                )
        (pooled + owned.filtered(lambda r: not r.user_id))._pool_check_in_pool()
        self._pool_check_quota(user)

    def _pool_allowed_release_pools(self):
        """Pools the current user may put these records in."""
        Pool = self.env["crm.pool"].sudo()
        companies = self.company_id or self.env.company
        domain = Domain("company_id", "in", companies.ids) & Domain("team_id", "=", False)
        if self._pool_is_manager():
            return Pool.search(Domain("company_id", "in", companies.ids))
        teams = self.team_id | self.user_id.crm_team_ids | self._pool_led_teams()
        return Pool.search(domain | Domain("team_id", "in", teams.ids))

    def _pool_release(self, pool, reason=False):
        """Put owned records in ``pool``: a release when the owner does it, a recall when
        their leader or a manager does."""
        if not pool:
            raise UserError(self.env._("Choose the pool to release to."))
        self.check_access("read")
        is_manager = self._pool_is_manager()
        led = self._pool_led_teams()
        # An RPC client may pass any pool id: name another company's pool (read
        # with sudo, the user cannot) before anything reads or writes it.
        pool_sudo = pool.sudo()
        for record in self:
            if pool_sudo.company_id not in (record.company_id or self.env.companies):
                raise UserError(
                    self.env._(
                        "%(record)s cannot be released to %(pool)s: that pool belongs to"
                        " %(company)s.",
                        record=record.display_name,
                        pool=pool_sudo.display_name,
                        company=pool_sudo.company_id.display_name,
                    )
                )
            if not record.user_id:
                raise UserError(
                    self.env._("%(record)s has no owner to release it.", record=record.display_name)
                )
            if (
                record.user_id != self.env.user
                and not is_manager
                and not (record.team_id & led or record.user_id.crm_team_ids & led)
            ):
                raise UserError(
                    self.env._(
                        "Only the owner, their team leader or a sales manager may release"
                        " %(record)s.",
                        record=record.display_name,
                    )
                )
            if pool not in record._pool_allowed_release_pools():
                raise UserError(
                    self.env._(
                        "%(record)s cannot be released to %(pool)s: choose the public pool or"
                        " the pool of its team.",
                        record=record.display_name,
                        pool=pool.display_name,
                    )
                )
        mine = self.filtered(lambda r: r.user_id == self.env.user)
        mine._pool_put(pool, "release", reason=reason)
        (self - mine)._pool_put(pool, "recall", reason=reason)
        return True

    def _pool_put(self, pool, action, reason=False, rule=False):
        """Move owned records into ``pool`` in one write and one log insert."""
        if not self:
            return
        self._pool_log(action, to_pool=pool, reason=reason, rule=rule)
        vals = {
            "user_id": False,
            "pool_id": pool.id,
            "pool_assign_date": False,
            "pool_recall_date": False,
        }
        if pool.team_id:
            vals["team_id"] = pool.team_id.id
        records = self.sudo().with_context(mail_notrack=True)
        stable = records._pool_release_stable_fields()
        keep = (
            records.filtered(lambda rec: rec.team_id == pool.team_id) if pool.team_id else records
        )
        if stable and keep:
            keep._pool_put_keeping_team(vals, stable)
        else:
            keep = records.browse()
        if records - keep:
            (records - keep).write(vals)

    def _pool_put_keeping_team(self, vals, stable):
        """Write the pool moves ``vals`` on records whose team stays, leaving the
        ``stable`` fields as they are; the models may write it in SQL."""
        with self.env.protecting(stable, self):
            self.write(vals)

    def _pool_release_stable_fields(self):
        """Fields that keep their value when the owner is cleared and the team stays;
        the models whose team survives the owner's departure name them."""
        return set()

    def _pool_owner_write_batches(self, vals):
        """Hook of the owners' one write (models/crm_lead.py, models/res_partner.py).

        Giving pooled records an owner takes them out of their pool: with the checks,
        lock and log of a claim when the writer takes them, of an assignment
        otherwise; the system (superuser, e.g. Odoo's lead assignment cron) takes them
        out without checks. Returns the (records, values) batches to write. Values
        naming pool_id are the pool's own moves and pass as they are, so the moves
        write through this same method without a loop back into the checks."""
        if not vals.get("user_id") or "pool_id" in vals:
            return [(self, vals)]
        pooled = self.filtered("pool_id")
        if not pooled:
            return [(self, vals)]
        if self.env.su:
            return [(self, dict(vals, pool_id=False))]
        user = self.env["res.users"].browse(vals["user_id"])
        if user == self.env.user:
            pooled._pool_check_claim()
            take_vals = pooled._pool_prepare_take(user, "claim")
        else:
            pooled._pool_check_assign(user)
            take_vals = pooled._pool_prepare_take(user, "assign")
        batches = [(pooled.sudo(), take_vals)]
        other_vals = {key: value for key, value in vals.items() if key != "user_id"}
        if other_vals:
            batches.append((pooled, other_vals))
        if self - pooled:
            batches.append((self - pooled, vals))
        return batches

    # ------------------------------------------------------------------
    # Buttons
    # ------------------------------------------------------------------
    def _pool_wizard_action(self, model, name):
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_res_model": self._name,
                "default_res_ids": ",".join(str(i) for i in self.ids),
            },
        }

    def action_pool_release_wizard(self):
        return self._pool_wizard_action("crm.pool.release", self.env._("Release to a Pool"))

    def action_pool_assign_wizard(self):
        return self._pool_wizard_action("crm.pool.assign", self.env._("Assign"))
