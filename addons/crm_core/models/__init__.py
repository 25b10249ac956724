"""crm_core models: one package per feature, the way Odoo's mail keeps models/discuss/.

Each package holds the feature's own models (one model per file; a model too big
for one file is split by concern) and its extension of shared models in a file
named after the model (pool/res_partner.py, quotation/sale_order.py, ...).
Helpers that are not models (the duplicate guard's normalize_* keys, the owner
change's stable fields) live in crm_core/tools/.

Override rule: a model that several features extend (res.partner, crm.lead,
sale.order, sale.order.line) keeps its single create / write / action_confirm in
its base file directly under models/ (res_partner.py, crm_lead.py, sale_order.py,
sale_order_line.py). That method calls named hooks, each defined once by its
feature, and no feature overrides it behind another's back, so the import order
between feature packages does not matter:
- res.partner.write and crm.lead.write write the batches of
  _pool_owner_write_batches(vals) (pool/crm_pool_resource.py): giving pooled
  records an owner is a claim or an assignment with its checks, lock and log; the
  pool's own moves write pool_id and pass through unchanged, without a loop back.
- crm.lead.create -> _pool_prepare_create_vals(vals_list) (pool/crm_lead.py), then
  _opportunity_after_create(); crm.lead.write -> _opportunity_before_write(vals)
  (the stage checklist) and _opportunity_after_stage_move() (opportunity/crm_lead.py).
- sale.order.write -> _quotation_check_frozen(vals); action_confirm ->
  _quotation_before_confirm(), _approval_check_discount_authority(), then
  _customer_promote_to_deal(); sale.order.line create / write ->
  _quotation_check_lines_frozen(), _approval_lines_raising_discount(vals).
A model only one feature extends keeps its overrides in that feature (crm.team and
res.company's create in pool/, crm.lead's _handle_won_lost in competitor/).

Customer side:
- res_partner.py: the base file; ownership and visibility (team, customer, pool
  customer flags the record rules read).
- customer/: customer profile (types and their collection rules, levels, regions,
  lifecycle, credit), the duplicate guard and Odoo's partner merge, its setting.
- relation/: contacts' org chart (superiors) and the relationship graph.
- rfm/: the RFM pass (one SQL statement), its segments and analysis window.
- timeline/: the customer 360 counts and interaction timeline.
- pool/: resource pools, the crm.pool.resource mixin of customers and leads
  (claim, assign, release, recall), quotas, recall rules, the log, the pools of
  teams and companies, their per-language names, the pool settings.
- handover/: work handover (registry of kinds, checks, run, summary), its moves
  (crm_handover_move.py) and its lines.

- login/: the company setting that enforces Odoo's two-factor login (auth_totp_mail's
  e-mailed code) for that company's employees (res.users._mfa_type).

Opportunity side:
- crm_lead.py: the base file above.
- opportunity/: product lines, stage exit requirements and their evidence, the
  time-in-stage history.
- competitor/: competitors, their products, the competitions of opportunities,
  lost-to-competitor reasons and the win-rate report.
- funnel/: the funnel and forecast figures and their covering indexes.
- target/: sales targets and the performance report against them.

Marketing side:
- campaign/: marketing campaigns on utm.campaign (types and their preset task
  stages, tasks, costs and the _campaign_actual_cost_sources() hook a bridge
  extends), members and their invitations (the invite wizard, the sending cron,
  the trace statuses from mail.mail, mail.thread bounces / replies and sms.sms),
  and the crm.campaign.analysis report.

Sales side:
- sale_order.py, sale_order_line.py: the base files above.
- quotation/: quotation versions (sale.order; sale.order.line of saved versions
  stay frozen; the opportunity's quotation counts skip saved versions).
- pricing/: the salesperson's price list (res.users, sale.order's pricelist, the
  opportunity lines' pricelist).
- approval/: the approval layer on OCA tier validation (tier.definition,
  tier.review, tier.validation extensions, delegations, pending approvals,
  e-mail approval links, discount authority), crm.approval.flow (the
  draft / submitted / approved / rejected state of return requests and of
  crm_loan's loans, following their reviews) and the discount approval of
  quotations: sale.order's _inherit of tier.validation next to its
  _state_from / _state_to settings, the line hook, the company setting.
- returns/: return / exchange / refund requests and their lines; the execution
  (receipts, replacements, credit note) in crm_return_request_execute.py;
  sale.order's links to its requests.
- telemarketing/: call lists on OCA crm_phonecall: the lists (filters over
  contacts and leads, salespeople, script), their entries shared round-robin, the
  calling flow (next number, logged calls are crm.phonecall records with their
  outcome, callbacks as phone call activities) and the call statistics.
- reseller/: the reseller portal's side of leads: reseller partners and their grades
  (crm.reseller.grade), the lead's reseller and its assigned / accepted / declined
  answer (stored computes of reseller_id, so no write() of their own), the
  assignment by region and grade, and the checked updates the portal
  (controllers/reseller_portal.py) makes through sudo.
- stock_inquiry/: the stock lookup of product.product and sale.order.line (the
  inquiry itself is the wizard crm.stock.inquiry in wizard/).
Reminders and reports:
- reminder/: the ready-made reminder rules on base_automation (base.automation's
  reminder kind, the companies that switch a rule off, the set-based time-based
  pass), the delivery through the user's channels (activity, e-mail, SMS, desktop
  notification; res.users preferences), res.partner's next_birthday and its daily
  SQL roll-forward, the holiday calendar crm.holiday and free reminders
  crm.reminder.
- work_report/: weekly and monthly work reports crm.work.report, their figures
  (crm_work_report_sections.py: the _work_report_sections() hook other addons
  extend, each section one query per period) and crm.work.report.line.

Within a package, a model another class of the package inherits comes first
(pool/ imports the crm.pool.resource mixin before its users); between packages no
order is required: approval/sale_order.py adds tier.validation to sale.order
whether the base file came first or not, and Odoo sets up again every model
inheriting tier.validation (sale.order, crm.return.request) when
approval/tier_validation.py extends it.
"""

from . import (
    approval,
    campaign,
    competitor,
    crm_lead,
    customer,
    funnel,
    handover,
    login,
    opportunity,
    pool,
    pricing,
    quotation,
    relation,
    reminder,
    res_partner,
    reseller,
    returns,
    rfm,
    sale_order,
    sale_order_line,
    stock_inquiry,
    target,
    telemarketing,
    timeline,
    work_report,
)
