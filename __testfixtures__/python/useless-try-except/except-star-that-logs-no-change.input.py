try:
    run()
except* ValueError:
    log()
    raise
