try:
    step()
except ValueError as e:
    log(e)
else:
    raise Done()
finally:
    if broken():
        raise Broken()
