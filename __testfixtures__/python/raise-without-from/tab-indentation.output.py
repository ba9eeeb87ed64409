class Store:
	def get(self, key):
		try:
			return self.items[key]
		except KeyError as err:
			raise NotStored(key) from err
