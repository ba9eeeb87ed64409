import signal


def install():
    try:
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
    except Exception:
        # Windows has no SIGHUP; nothing to install there.
        pass
