from . import product_product
