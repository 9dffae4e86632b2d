"""The production stack on one machine: nginx (page cache, static files) → gunicorn → Django,
plus the task worker, against the machine's PostgreSQL and Redis.

`make run-prod` runs `python deploy/stack.py` (prepare the database, then serve until Ctrl-C);
bench/production.py uses the same Stack to measure it. Everything the stack writes (nginx's
config, cache, pid and logs) goes under var/<name>/.
"""

import argparse
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
PURGE_MODULE = "/usr/lib/nginx/modules/ngx_http_cache_purge_module.so"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

PREPARE_COMMANDS = [
    ["migrate", "--noinput"],
    ["update_translation_fields"],
    ["set_translation_url_paths"],
    ["load_seed_content"],
    ["reindex_search"],
    ["collectstatic", "--noinput", "--verbosity", "0"],
]


def render(template, **values):
    """Fill ${name} placeholders; nginx's own $variables are left alone."""
    return re.sub(r"\$\{(\w+)\}", lambda match: str(values[match.group(1)]), template)


LOCAL_HOSTS = ("127.0.0.1", "localhost")
# nginx's two cache stores under a run's folder: pages, and search results.
CACHE_DIRS = ("cache", "search-cache")


def write_nginx_config(run_dir, *, listen, upstream, purge_listen, page_headers, page_ttl="10m",
                       static_root=ROOT / "var" / "static", media_root=ROOT / "var" / "media",
                       server_names=LOCAL_HOSTS):
    """deploy/nginx.conf.template filled in for a local run; returns the config's path.
    page_headers: the output of `manage.py nginx_page_headers` for the upstream's settings;
    server_names: the host names the site answers (Django's ALLOWED_HOSTS)."""
    run_dir = Path(run_dir)
    for sub in (*CACHE_DIRS, "client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (run_dir / sub).mkdir(parents=True, exist_ok=True)
    (run_dir / "page-headers.conf").write_text(page_headers)
    config = render(
        (ROOT / "deploy" / "nginx.conf.template").read_text(),
        purge_module=PURGE_MODULE,
        nginx_workers="auto",
        run_dir=run_dir,
        cache_dir=run_dir / "cache",
        search_cache_dir=run_dir / "search-cache",
        server_names=" ".join(server_names),
        deploy_root=ROOT / "deploy",
        upstream=upstream,
        listen=listen,
        forwarded_proto="$scheme",
        static_root=static_root,
        media_root=media_root,
        page_ttl=page_ttl,
        page_headers=run_dir / "page-headers.conf",
        purge_listen=purge_listen,
        purge_from="127.0.0.1",
    )
    if os.geteuid() == 0:
        # nginx's workers would otherwise run as nobody, who cannot read var/.
        config = "user root;\n" + config
    path = run_dir / "nginx.conf"
    path.write_text(config)
    return path


class Stack:
    def __init__(self, *, port, database_url, redis_url, name="run-prod", workers=None,
                 page_ttl="10m"):
        self.port = port
        self.gunicorn_port = port + 1
        self.purge_port = port + 2
        self.database_url = database_url
        self.redis_url = redis_url
        self.run_dir = ROOT / "var" / name
        self.workers = workers
        self.page_ttl = page_ttl
        self.processes = {}

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    @property
    def gunicorn_url(self):
        return f"http://127.0.0.1:{self.gunicorn_port}"

    def secret_key(self):
        """A key kept across runs of the local stack, so sessions survive a restart."""
        path = self.run_dir / "secret-key"
        if not path.exists():
            path.write_text(secrets.token_urlsafe(50))
            path.chmod(0o600)
        return path.read_text().strip()

    def env(self, purge=True):
        """The production settings' environment. purge=False for work done while nginx is not
        running (preparing, loading data): its cache starts empty anyway."""
        self.run_dir.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ)
        env.update(
            DJANGO_SETTINGS_MODULE="config.settings.production",
            DJANGO_SECRET_KEY=os.environ.get("DJANGO_SECRET_KEY") or self.secret_key(),
            DJANGO_ALLOWED_HOSTS=",".join(LOCAL_HOSTS),
            WAGTAILADMIN_BASE_URL=self.url,
            DATABASE_URL=self.database_url,
            REDIS_URL=self.redis_url,
            FRONTEND_CACHE_PURGE_URL=f"http://127.0.0.1:{self.purge_port}",
            DJANGO_STATIC_ROOT=str(ROOT / "var" / "static"),
            MEDIA_ROOT=str(ROOT / "var" / "media"),
            GUNICORN_BIND=f"127.0.0.1:{self.gunicorn_port}",
            # Plain HTTP on this machine: no redirect to HTTPS, cookies without Secure.
            DJANGO_SECURE_SSL_REDIRECT="0",
            DJANGO_SECURE_COOKIES="0",
        )
        env.setdefault("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
        if self.workers:
            env["GUNICORN_WORKERS"] = str(self.workers)
        if not purge:
            env.pop("FRONTEND_CACHE_PURGE_URL")
            # Commands run before the site starts do their own follow-up work (search index,
            # reference index) rather than queue it for pages they replace.
            env["DJANGO_TASKS_BACKEND"] = "immediate"
        return env

    def manage(self, *args, quiet=True, output=False):
        """Run a management command under the production settings; output=True returns what
        it printed."""
        done = subprocess.run(
            [str(PYTHON), "manage.py", *args],
            cwd=ROOT,
            env=self.env(purge=False),
            check=True,
            stdout=subprocess.PIPE if output else subprocess.DEVNULL if quiet else None,
            text=True,
        )
        return done.stdout

    def create_database(self):
        """Create the PostgreSQL database named in the URL when it does not exist yet (SQLite
        makes its file by itself)."""
        if not self.database_url.startswith(("postgres://", "postgresql://")):
            return
        import psycopg
        from psycopg import sql

        url = urllib.parse.urlsplit(self.database_url)
        name = url.path.lstrip("/")
        server = urllib.parse.urlunsplit(url._replace(path="/postgres"))
        with psycopg.connect(server, autocommit=True) as connection:
            exists = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [name]
            ).fetchone()
            if not exists:
                connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))

    def prepare(self):
        self.create_database()
        for command in PREPARE_COMMANDS:
            self.manage(*command)

    def nginx_config(self):
        return write_nginx_config(
            self.run_dir,
            listen=f"127.0.0.1:{self.port}",
            upstream=f"127.0.0.1:{self.gunicorn_port}",
            purge_listen=f"127.0.0.1:{self.purge_port}",
            page_headers=self.manage("nginx_page_headers", output=True),
            page_ttl=self.page_ttl,
        )

    def clear_cache(self):
        for name in CACHE_DIRS:
            shutil.rmtree(self.run_dir / name, ignore_errors=True)
            (self.run_dir / name).mkdir(parents=True)

    def start(self):
        try:
            self._start()
        except BaseException:
            self.stop()
            raise

    def _start(self):
        env = self.env()
        # A page cached by an earlier run may show content this database does not have.
        self.clear_cache()
        self.log = open(self.run_dir / "stack.log", "ab")
        self.processes["gunicorn"] = subprocess.Popen(
            [str(GUNICORN), "-c", "deploy/gunicorn.conf.py", "config.wsgi"],
            cwd=ROOT, env=env, stdout=self.log, stderr=self.log,
        )
        self.start_worker()
        config = self.nginx_config()
        self.processes["nginx"] = subprocess.Popen(
            [NGINX, "-c", str(config), "-g", "daemon off;"],
            cwd=ROOT, stdout=self.log, stderr=self.log,
        )
        self.wait_until_up()

    def start_worker(self):
        """The task worker (notification e-mails), under the stack's environment."""
        self.processes["worker"] = subprocess.Popen(
            [str(PYTHON), "manage.py", "db_worker"],
            cwd=ROOT, env=self.env(), stdout=self.log, stderr=self.log,
        )

    def supervise(self):
        """Restart the task worker if it died; returns the name of a serving process (nginx,
        gunicorn) that exited, or None. Mail can wait for a worker; readers cannot."""
        if self.processes["worker"].poll() is not None:
            print("The task worker exited; starting it again.", file=sys.stderr)
            self.start_worker()
        for name in ("nginx", "gunicorn"):
            if self.processes[name].poll() is not None:
                return name
        return None

    def wait_until_up(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for name, process in self.processes.items():
                if process.poll() is not None:
                    raise RuntimeError(f"{name} exited; see {self.run_dir / 'stack.log'}")
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2) as response:  # noqa: S310
                    if response.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"the stack did not answer in {timeout}s; see {self.run_dir}")

    def stop(self):
        for name in ("nginx", "worker", "gunicorn"):
            process = self.processes.pop(name, None)
            if process and process.poll() is None:
                process.send_signal(signal.SIGTERM if name != "nginx" else signal.SIGQUIT)
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()

    def gunicorn_worker_pids(self):
        master = self.processes["gunicorn"].pid
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        return [int(pid) for pid in children]


def memory_kib(pid):
    """(RSS, PSS) of a process in KiB: PSS shares the pages forked workers have in common."""
    values = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("Rss", "Pss"):
            values[key] = int(rest.split()[0])
    return values.get("Rss", 0), values.get("Pss", 0)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8080")))
    parser.add_argument("--no-prepare", action="store_true", help="skip migrate/seed/collectstatic")
    args = parser.parse_args()
    stack = Stack(
        port=args.port,
        database_url=os.environ.get(
            "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/mishov_prod"
        ),
        redis_url=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
    )
    # `kill` (SIGTERM, as systemd and container runtimes stop a service) stops the whole stack,
    # as Ctrl-C does, instead of leaving nginx and gunicorn running without their supervisor.
    signal.signal(signal.SIGTERM, lambda *_args: sys.exit(0))
    if not args.no_prepare:
        print("Preparing the database and static files…")
        stack.prepare()
    stack.start()
    print(f"Serving on {stack.url}/ (nginx cache → gunicorn → Django; Ctrl-C to stop)")
    print(f"gunicorn alone: {stack.gunicorn_url}/   logs: {stack.run_dir}")
    try:
        while (exited := stack.supervise()) is None:
            time.sleep(1)
        print(f"{exited} exited; stopping the stack.", file=sys.stderr)
    except KeyboardInterrupt:
        pass
    finally:
        stack.stop()


if __name__ == "__main__":
    main()
