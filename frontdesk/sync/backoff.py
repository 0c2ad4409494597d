"""How long to wait before trying the hub again after it could not be reached.

Exponential with jitter, capped: a contact centre's forty desks that lost the network
together must not all knock on the hub in the same second when it returns. A `wake()`
(the network is back, an enquiry was saved) skips the wait and starts the series again.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass(slots=True)
class Backoff:
    first: float = 1.0
    factor: float = 2.0
    cap: float = 300.0
    failures: int = 0
    _random: random.Random = field(default_factory=random.Random, repr=False)

    def next_delay(self, hint: float | None = None) -> float:
        """Seconds to wait after one more failure: between half and all of the capped
        exponential step (never less than the hub's Retry-After `hint`)."""
        step = min(self.cap, self.first * self.factor**self.failures)
        self.failures += 1
        delay = step * self._random.uniform(0.5, 1.0)
        return max(delay, min(hint, self.cap)) if hint else delay

    def reset(self) -> None:
        self.failures = 0
