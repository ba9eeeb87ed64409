from app.errors import ConflictError, NotFoundError


def pay(invoices, number):
	invoice = invoices.get(number)
	if invoice is None:
		raise NotFoundError("invoice {} not found".format(number), expose=False)
	if invoice.paid:
		raise ConflictError("invoice already paid")
	return invoice
