"""The seed scripts' client of a running Tongxin: JSON requests to its public API, dev login."""
import json
import os
import urllib.request


class Client:
    def __init__(self, base):
        self.base = base

    def call(self, method, path, body=None, token=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method)
        req.add_header("Content-Type", "application/json")
        if token:
            req.add_header("Authorization", "Bearer " + token)
        with urllib.request.urlopen(req, timeout=30) as resp:
            text = resp.read()
            return json.loads(text) if text else None

    def login(self, name):
        """Logs in through the dev WeChat stand-in (code "dev-<name>"): one user per name."""
        return self.call("POST", "/api/auth/wx-login", {"code": "dev-" + name})

    def admin_token(self, run):
        """A district admin (the bootstrap invitation BENCHADMIN accepted) and a token that carries the role.

        The invitation takes one person: when BENCH_ADMIN_TOKEN_FILE names a file, the first seed
        script writes the token there and the next ones read it back."""
        cached = os.environ.get("BENCH_ADMIN_TOKEN_FILE")
        if cached and os.path.exists(cached):
            with open(cached) as f:
                return f.read().strip()
        admin = self.login("bench-admin-" + run)
        self.call("POST", "/api/invitations/accept", {"code": "BENCHADMIN"}, admin["accessToken"])
        token = self.call("POST", "/api/auth/refresh", {"refreshToken": admin["refreshToken"]})["accessToken"]
        if cached:
            with open(cached, "w") as f:
                f.write(token + "\n")
        return token
