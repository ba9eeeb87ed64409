try:
    run()
except* ValueError as group:
    raise group
