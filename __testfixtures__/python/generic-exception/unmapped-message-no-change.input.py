def charge(card, amount):
    if not card.authorize(amount):
        raise Exception("payment declined")
    return card.capture(amount)
