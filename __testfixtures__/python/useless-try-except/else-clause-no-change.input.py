try:
    run()
except ValueError:
    raise
else:
    done()
