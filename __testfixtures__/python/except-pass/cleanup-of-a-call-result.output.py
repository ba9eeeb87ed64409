from app.errors import report_error


def close_next(pool):
    try:
        pool.checkout().close()
    except Exception as err:
        report_error(err, operation="close_next")
