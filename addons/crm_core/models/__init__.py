"""crm_core models: one package per feature, the way Odoo's mail keeps models/discuss/.

Each package holds the feature's own models (one model per file; a model too big
for one file is split by concern) and its extension of shared models in a file
named after the model (quotation/sale_order.py, returns/sale_order.py, ...).

Override rule: a model that several features extend (res.partner, crm.lead,
sale.order, sale.order.line) keeps its single create / write / action_confirm
(/ unlink, copy where several features need them) in its base file directly
under models/ (models/sale_order.py, ...). That method calls named hooks, each
defined once by its feature (sale.order.write -> _quotation_check_frozen(vals);
action_confirm -> _quotation_before_confirm(), _approval_check_discount_authority(),
then _customer_promote_to_deal(); sale.order.line create / write ->
_quotation_check_lines_frozen(), _approval_lines_raising_discount(vals)). No
feature overrides these methods behind another's back, so the import order
between feature packages does not matter.

Sales side:
- sale_order.py, sale_order_line.py: the base files above.
- res_company.py, res_config_settings.py, crm_team.py: base files holding the
  settings and team hooks of features packaged elsewhere (duplicate policy, RFM
  window, pools); a feature of this side keeps its own (approval/res_company.py).
- quotation/: quotation versions (sale.order; sale.order.line of saved versions
  stay frozen).
- pricing/: the salesperson's price list (res.users, sale.order's pricelist).
- approval/: the approval layer on OCA tier validation (tier.definition,
  tier.review, tier.validation extensions, delegations, pending approvals,
  e-mail approval links, discount authority) and the discount approval of
  quotations: sale.order's _inherit of tier.validation next to its
  _state_from / _state_to settings, the line hook, the company setting.
- returns/: return / exchange / refund requests and their lines; the execution
  (receipts, replacements, credit note) in crm_return_request_execute.py;
  sale.order's links to its requests.
- handover/: work handover (registry of kinds, checks, run, summary), its moves
  (crm_handover_move.py) and its lines.
- stock_inquiry/: the stock lookup of product.product and sale.order.line (the
  inquiry itself is the wizard crm.stock.inquiry in wizard/).
These packages are imported in alphabetical order, and no order is required
among them or with the base files: approval/sale_order.py adds tier.validation
to sale.order whether the base file came first or not, and Odoo sets up again
every model inheriting tier.validation (sale.order, crm.return.request) when
approval/tier_validation.py extends it.
"""

# isort: off
# Resource pools first: res_partner and crm_lead inherit the crm.pool.resource mixin.
from . import crm_pool, crm_pool_resource

# isort: on
from . import (
    approval,
    base_partner_merge_automatic_wizard,
    crm_competitor,
    crm_competitor_product,
    crm_competitor_report,
    crm_customer_level,
    crm_customer_type,
    crm_lead,
    crm_lead_competition,
    crm_lead_evidence,
    crm_lead_product,
    crm_lead_stage_history,
    crm_lost_reason,
    crm_partner_relation,
    crm_partner_relation_type,
    crm_pool_log,
    crm_pool_quota,
    crm_pool_rule,
    crm_rfm_segment,
    crm_sales_performance,
    crm_sales_region,
    crm_sales_target,
    crm_stage,
    crm_stage_requirement,
    crm_team,
    handover,
    ir_module_module,
    pricing,
    quotation,
    res_company,
    res_config_settings,
    res_partner,
    returns,
    sale_order,
    sale_order_line,
    stock_inquiry,
)
