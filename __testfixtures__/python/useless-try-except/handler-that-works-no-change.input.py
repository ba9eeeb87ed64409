try:
    run()
except ValueError:
    raise
except Exception as e:
    log(e)
