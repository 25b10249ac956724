"""What a bench module gets as `bench`: timing, query counting, savepoints, sizes, output."""

import contextlib
import os
import statistics
import time


class Stats:
    def __init__(self, samples):
        self.samples = sorted(samples)
        self.p50 = statistics.median(self.samples)
        # Nearest-rank 95th percentile: with 20 runs it is the 19th value.
        rank = max(0, min(len(self.samples) - 1, round(0.95 * len(self.samples)) - 1))
        self.p95 = self.samples[rank]

    def __repr__(self):
        return f"p50 {ms(self.p50)}, p95 {ms(self.p95)}"


class QueryCounter:
    def __init__(self, cr):
        self.cr = cr
        self.start = cr.sql_log_count
        self.count = 0

    def stop(self):
        self.count = self.cr.sql_log_count - self.start


def ms(seconds):
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def ratio(baseline, ours):
    return f"{baseline / ours:.0f}x" if ours else "n/a"


class Bench:
    def __init__(self, data=None):
        self.data = data or {}
        self.lines = []

    @property
    def users(self):
        return self.data["users"]

    @property
    def teams(self):
        return self.data["teams"]

    @staticmethod
    def size(name, default):
        return int(os.environ.get(name, default))

    def line(self, text):
        self.lines.append(text)
        print(f"[bench] {text}", flush=True)

    @contextlib.contextmanager
    def rollback(self, env):
        """Undo everything done inside, database and caches alike."""
        env.flush_all()
        savepoint = env.cr.savepoint(flush=False)
        try:
            yield
        finally:
            env.clear()
            savepoint.close(rollback=True)

    @contextlib.contextmanager
    def queries(self, env):
        env.flush_all()
        counter = QueryCounter(env.cr)
        try:
            yield counter
        finally:
            env.flush_all()
            counter.stop()

    @staticmethod
    def timed(fn):
        start = time.perf_counter()
        result = fn()
        return time.perf_counter() - start, result

    @staticmethod
    def measure(fn, runs=20):
        samples = []
        for _i in range(runs):
            start = time.perf_counter()
            fn()
            samples.append(time.perf_counter() - start)
        return Stats(samples)

    # Formatting helpers for the one-line figures.
    ms = staticmethod(ms)
    ratio = staticmethod(ratio)
