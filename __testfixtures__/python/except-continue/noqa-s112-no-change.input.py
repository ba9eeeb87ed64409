def ping_all(clients):
    for client in clients:
        try:
            client.ping()
        except Exception:  # noqa: S112
            continue
