def export(rows, report):
    for row in rows:
        try:
            row.validate()
        except ValueError as err:
            print(row.id, err, file=report)
