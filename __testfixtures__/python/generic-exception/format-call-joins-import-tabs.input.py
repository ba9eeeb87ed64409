from app.errors import ConflictError


def pay(invoices, number):
	invoice = invoices.get(number)
	if invoice is None:
		raise Exception("invoice {} not found".format(number))
	if invoice.paid:
		raise ConflictError("invoice already paid")
	return invoice
