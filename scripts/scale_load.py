"""The bounded load of scripts/scale.py: N virtual users for M seconds, then it stops.

Each user logs in as a demo salesperson and mixes what the day looks like: the
customer list and the funnel (read-only RPC methods, which Odoo 19 sends to the
replica), claiming a pooled lead and saving a quotation (writes, on the primary),
and, as an anonymous visitor, the knowledge pages (the lists are read-only, a search
writes its query log). Every answer is checked: an HTTP status other than 200, a
JSON-RPC error or a page without its content is an error."""

import random
import statistics
import threading
import time

import requests

# (name, weight): how often a user does it
MIX = [
    ("customer list", 30),
    ("funnel", 20),
    ("knowledge page", 25),
    ("knowledge search", 10),
    ("quotation", 10),
    ("claim", 5),
]
QUESTIONS = ["退货流程", "手机无法开机", "how do i return a product?", "warranty", "维修"]


class VirtualUser:
    def __init__(self, base, db, login, seed_ids, rng):
        self.base, self.db, self.login, self.rng = base, db, login, rng
        self.rpc = requests.Session()
        self.visitor = requests.Session()
        self.pooled = list(seed_ids["pooled"][login])
        self.customers = seed_ids["customers"][login]
        self.product_id = seed_ids["product_id"]
        self.rpc_id = 0

    def call(self, path, params):
        self.rpc_id += 1
        response = self.rpc.post(
            f"{self.base}{path}",
            json={"jsonrpc": "2.0", "method": "call", "params": params, "id": self.rpc_id},
            timeout=60,
        )
        response.raise_for_status()
        body = response.json()
        if body.get("error"):
            data = body["error"].get("data", {})
            raise RuntimeError(data.get("message") or body["error"].get("message"))
        return body["result"]

    def call_kw(self, model, method, args, kwargs=None):
        return self.call(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def login_now(self):
        self.call(
            "/web/session/authenticate",
            {"db": self.db, "login": self.login, "password": self.login},
        )

    def do(self, action):
        if action == "customer list":
            result = self.call_kw(
                "res.partner",
                "web_search_read",
                [],
                {
                    "domain": [["customer_rank", ">", 0]],
                    "specification": {
                        "display_name": {},
                        "email": {},
                        "user_id": {"fields": {"display_name": {}}},
                    },
                    "limit": 80,
                    "order": "name",
                },
            )
            assert result["length"] > 0, "no customer listed"
        elif action == "funnel":
            result = self.call_kw("crm.lead", "crm_funnel", [])
            assert result["stages"], "an empty funnel"
        elif action == "claim":
            if not self.pooled:
                return self.do("funnel")
            lead_id = self.pooled.pop()
            self.call_kw("crm.lead", "action_pool_claim", [[lead_id]])
        elif action == "quotation":
            self.call_kw(
                "sale.order",
                "create",
                [
                    [
                        {
                            "partner_id": self.rng.choice(self.customers),
                            "order_line": [
                                [0, 0, {"product_id": self.product_id, "product_uom_qty": 1}]
                            ],
                        }
                    ]
                ],
            )
        elif action == "knowledge page":
            self.page("/knowledge", "o_knowledge_search_form")
        elif action == "knowledge search":
            question = self.rng.choice(QUESTIONS)
            self.page("/knowledge", "o_knowledge_search_form", params={"q": question})
        return None

    def page(self, path, marker, params=None):
        response = self.visitor.get(f"{self.base}{path}", params=params, timeout=60)
        response.raise_for_status()
        assert marker in response.text, f"{path} without its content"


def run_load(base, db, logins, seed_ids, users, seconds, seed=7):
    """Drive the server at ``base``; return the figures of the run."""
    timings = {name: [] for name, _weight in MIX}
    errors = []
    lock = threading.Lock()
    names = [name for name, _weight in MIX]
    weights = [weight for _name, weight in MIX]
    vusers = [
        VirtualUser(base, db, logins[n % len(logins)], seed_ids, random.Random(seed + n))
        for n in range(users)
    ]
    # Users sharing a login share its pooled leads: split them so no two race.
    for login in set(logins):
        sharing = [vu for vu in vusers if vu.login == login]
        for index, vu in enumerate(sharing):
            vu.pooled = vu.pooled[index :: len(sharing)]
    for vu in vusers:
        vu.login_now()
    start = time.monotonic()
    deadline = start + seconds

    def work(vu):
        while time.monotonic() < deadline:
            action = vu.rng.choices(names, weights)[0]
            began = time.monotonic()
            try:
                vu.do(action)
            except Exception as error:
                with lock:
                    errors.append(f"{action}: {error}")
                continue
            with lock:
                timings[action].append(time.monotonic() - began)

    threads = [threading.Thread(target=work, args=(vu,)) for vu in vusers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - start
    every = sorted(t for values in timings.values() for t in values)
    return {
        "requests": len(every),
        "seconds": elapsed,
        "rps": len(every) / elapsed,
        "p50": percentile(every, 50),
        "p95": percentile(every, 95),
        "errors": errors,
        "per_action": {
            name: (len(values), percentile(sorted(values), 50), percentile(sorted(values), 95))
            for name, values in timings.items()
        },
    }


def percentile(values, pct):
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[pct - 1]
