"""The hub's HTTP face: the ASGI application and its routes, what every endpoint shares
(JSON errors, bounded bodies, the protocol header, bearer tokens), the uvicorn protocol it
serves with, and the hand-written OpenAPI documents that describe it."""
