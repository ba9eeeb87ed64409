def run(jobs):
    try:
        execute(jobs)
    except* OSError:
        raise JobsFailed(len(jobs))
