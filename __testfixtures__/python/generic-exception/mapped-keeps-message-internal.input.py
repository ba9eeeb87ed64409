import functools

from app.models import Order


def cached(fn):
    return functools.lru_cache(maxsize=128)(fn)


class Orders:
    @cached
    def get(self, order_id):
        order = Order.find(order_id)
        if order is None:
            raise Exception(f"order {order_id} not found")
        return order
