try:
    step()
except ValueError as e:
    log(e)
    raise e
