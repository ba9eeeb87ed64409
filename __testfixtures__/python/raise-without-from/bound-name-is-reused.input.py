def price(catalog, sku):
    try:
        return catalog[sku]
    except KeyError as missing:
        raise UnknownProduct(sku)  # callers show this to the shopper
