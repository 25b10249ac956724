from . import product_product, sale_order_line
