try:
    run()
except OSError as e:
    form.error("path", str(e))
    response.error(500)
