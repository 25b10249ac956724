from . import res_users, sale_order
