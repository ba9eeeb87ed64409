def price(catalog, sku):
    try:
        return catalog[sku]
    except KeyError as missing:
        raise UnknownProduct(sku) from missing  # callers show this to the shopper
