def login(account):
    if account.disabled:
        raise Exception("account is disabled")
    return account.session()
