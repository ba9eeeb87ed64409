def first_reachable(hosts, connect):
    for host in hosts:
        try:
            return connect(host)
        except Exception:  # try the next mirror
            continue
    return None
