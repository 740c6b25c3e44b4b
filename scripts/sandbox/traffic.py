"""What a batch of invites meets on a real network, for the client to prove it copes; each is
off unless serve.py is told (--latency, --rate-limit, --fail-rate, --fail-streak):
- latency: every invite call waits this long before it is answered;
- rate limit: at most N calls per key in any second; beyond that 429 with Retry-After;
- failures: this fraction of calls answered 503 before anything is done, so a retry is safe;
  with a streak limit, the same call (key and body) fails at most that many times running, so
  a client that retries a bounded number of times provably gets through (a test that sends a
  batch under failures would otherwise fail once in a few hundred runs, by chance).
Only the invite endpoints are affected, never the page or /sandbox/*."""

import collections
import hashlib
import math
import random
import threading
import time


class Traffic:
    # How many calls' failure streaks are remembered: a client that never retries must not grow
    # the sandbox's memory without bound.
    STREAKS_KEPT = 10_000

    def __init__(self, latency_ms=0, rate_limit=None, fail_rate=0.0, fail_streak=None):
        self.latency_ms = latency_ms
        self.rate_limit = rate_limit
        self.fail_rate = fail_rate
        self.fail_streak = fail_streak
        # digest of (key, body) → how many times running that call was failed on purpose
        self._streaks = collections.OrderedDict()
        # key → when its calls in the last second were let through
        self._admitted = collections.defaultdict(collections.deque)
        self._lock = threading.Lock()
        self._random = random.Random()

    def describe(self):
        """The conditions in force, for serve.py's banner; "" when there are none."""
        parts = [f"{self.latency_ms} ms latency" if self.latency_ms else "",
                 f"{self.rate_limit} calls per key per second" if self.rate_limit else "",
                 f"{self.fail_rate:g} of calls failing with 503" if self.fail_rate else "",
                 f"the same call failing at most {self.fail_streak} times running"
                 if self.fail_rate and self.fail_streak is not None else ""]
        return ", ".join(p for p in parts if p)

    def wait(self):
        if self.latency_ms:
            time.sleep(self.latency_ms / 1000)

    def refusal(self, key, body=b""):
        """(status, message, headers) for a call made with `key` and `body` that is not let
        through, or None (the call is then counted against the key's rate)."""
        if self.rate_limit:
            seconds = self._seconds_until_allowed(key)
            if seconds:
                return (429, f"Too many requests: this key may make {self.rate_limit} calls a "
                             f"second here (serve.py --rate-limit); retry after {seconds} s.",
                        [("Retry-After", str(seconds))])
        if self.fail_rate and self._fails(key, body):
            return (503, "The sandbox failed this call on purpose (serve.py --fail-rate); "
                         "nothing was done, so it is safe to retry.", [])
        return None

    def _fails(self, key, body):
        """Whether this call is failed on purpose; within the streak limit when there is one."""
        call = hashlib.sha256(key.encode() + b"\0" + bytes(body)).digest()
        with self._lock:
            streak = self._streaks.pop(call, 0)
            if self.fail_streak is not None and streak >= self.fail_streak:
                return False
            if self._random.random() >= self.fail_rate:
                return False
            self._streaks[call] = streak + 1
            if len(self._streaks) > self.STREAKS_KEPT:
                self._streaks.popitem(last=False)
            return True

    def _seconds_until_allowed(self, key):
        """0 when `key` may call now (and the call is counted), else whole seconds to wait."""
        now = time.monotonic()
        with self._lock:
            times = self._admitted[key]
            while times and now - times[0] >= 1.0:
                times.popleft()
            if len(times) < self.rate_limit:
                times.append(now)
                return 0
            return max(1, math.ceil(times[0] + 1.0 - now))
