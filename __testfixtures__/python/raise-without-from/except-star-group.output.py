def run(jobs):
    try:
        execute(jobs)
    except* OSError as err:
        raise JobsFailed(len(jobs)) from err
