"""`Routes`: a recipe for a feature's Router. aiogram attaches a Router to one Dispatcher for life, while tests,
benchmarks and the console build several Dispatchers in one process; so modules record their handlers here
(with the usual decorator syntax) and `get_routers()` builds fresh Routers from the recipes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aiogram import Router

_OBSERVERS = ("message", "callback_query", "inline_query", "channel_post", "my_chat_member", "error")


class _Observer:
    def __init__(self, routes: Routes, name: str):
        self.routes, self.name = routes, name

    def __call__(self, *filters: Any, **kwargs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        def register(handler: Callable[..., Any]) -> Callable[..., Any]:
            self.routes.handlers.append((self.name, handler, filters, kwargs))
            return handler

        return register

    def filter(self, *filters: Any) -> None:
        """A filter for every handler of this kind in the router (like `router.message.filter`)."""
        self.routes.router_filters.append((self.name, filters))


class Routes:
    def __init__(self, name: str):
        self.name = name
        self.handlers: list[tuple[str, Callable[..., Any], tuple[Any, ...], dict[str, Any]]] = []
        self.router_filters: list[tuple[str, tuple[Any, ...]]] = []
        for observer in _OBSERVERS:
            setattr(self, observer, _Observer(self, observer))

    def build(self) -> Router:
        router = Router(name=self.name)
        for observer, filters in self.router_filters:
            getattr(router, observer).filter(*filters)
        for observer, handler, filters, kwargs in self.handlers:
            getattr(router, observer).register(handler, *filters, **kwargs)
        return router
