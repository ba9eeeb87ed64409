def totals(orders, prices):
    total = 0
    for order in orders:
        try:
            total += prices[order.sku]
        except KeyError:
            continue
    return total
