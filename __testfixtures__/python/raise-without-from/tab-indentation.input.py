class Store:
	def get(self, key):
		try:
			return self.items[key]
		except KeyError:
			raise NotStored(key)
