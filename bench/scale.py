"""make bench-scale: the site at 30,000 pages and a million comments (issue 20).

In one run: recreate the mishov_scale_bench database, migrate and seed it (the stack's own
preparation, deploy/stack.py), add the data set of bench/scale_data.py with COPY, rebuild the
search index with `reindex_search` (its progress every thousand documents), vacuum and
checkpoint, then measure, with the targets beside each figure:

- uncached render of every page type, through gunicorn without the page cache (as bench/
  production.py's uncached runs: wrk at 16 connections, after two seconds of warm-up);
- uncached search, each request a distinct query taken from the search log;
- the moderation queue with the pending comments (100,000 at scale 1): list, filter by language
  and by page, search, bulk-approve 500, through Django's test client as a superuser;
- the purge set computed when publishing the article that 1,000 pages name as related
  (apps.caching.targets.page_urls);
- memory per gunicorn worker after the runs.

Prints the time each part of the build took. Nothing is optimised here: a figure that misses
its target is printed as measured. `--scale 0.01` builds a hundredth of everything (a quick
run); `--reuse` measures the database of the last run again. Environment as bench/production.py
(BENCH_SECONDS, BENCH_CONNECTIONS, DATABASE_SERVER), plus BENCH_SCALE_PORT (8350),
BENCH_SCALE_DATABASE (mishov_scale_bench) and BENCH_SCALE_REDIS_URL (redis://127.0.0.1:6379/3).
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from production import (  # noqa: E402
    CONNECTIONS,
    DATABASE_SERVER,
    SECONDS,
    recreate_database,
    settle,
    wrk,
)

from deploy.stack import Stack, memory_kib  # noqa: E402

PORT = int(os.environ.get("BENCH_SCALE_PORT", "8350"))
DATABASE = os.environ.get("BENCH_SCALE_DATABASE", "mishov_scale_bench")
REDIS_URL = os.environ.get("BENCH_SCALE_REDIS_URL", "redis://127.0.0.1:6379/3")
TARGET_RENDER_P99_MS = 100
TARGET_SEARCH_RPS = 300
TARGET_SEARCH_P99_MS = 100
TARGET_MODERATION_MS = 500
TARGET_PURGE_SECONDS = 1.0
TARGET_REINDEX_SECONDS = 300
TARGET_WORKER_MIB = 200
BULK = 500
# Slow pages are measured, not dropped: wrk's own limit is 2 s.
WRK_TIMEOUT = "30s"
SEARCH_QUERIES = 3000
PAGE_TYPES = {
    "home": "home page",
    "section": "section listing, page 1",
    "section_deep": "section listing, deep page",
    "topic": "topic page",
    "author": "author page",
    "post": "post",
    "thread": "post with the long thread",
    "article": "article",
    "question": "question",
}
# wrk sends each of its threads through the paths from its own place in the list.
SEARCH_SCRIPT = """
local paths = {%s}
local counter = 0
function setup(thread)
  thread:set("offset", counter * math.floor(#paths / 2))
  counter = counter + 1
end
function init(args)
  i = offset
end
function request()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end
"""


def timed(label, timings, function, *args, **kwargs):
    started = time.monotonic()
    result = function(*args, **kwargs)
    timings[label] = time.monotonic() - started
    print(f"  {label}: {timings[label]:.1f} s", flush=True)
    return result


def reindex(stack):
    """`manage.py reindex_search` with its progress, one line in a thousand documents."""
    process = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "python"), "manage.py", "reindex_search"],
        cwd=ROOT,
        env=stack.env(purge=False),
        stdout=subprocess.PIPE,
        text=True,
    )
    for line in process.stdout:
        progress = re.match(r"\s*\[(\d+)/(\d+)\]", line)
        if (
            not progress
            or int(progress.group(1)) % 1000 == 0
            or progress.group(1) == progress.group(2)
        ):
            print("   ", line.rstrip()[:100], flush=True)
    if process.wait():
        raise RuntimeError("reindex_search failed")


def build(stack, scale):
    """Recreate the database and fill it; returns the data set's description."""
    timings = {}
    print(f"Recreating {DATABASE}: migrate, seed (the stack's preparation)…", flush=True)
    recreate_database(DATABASE)
    timed("migrate + seed content", timings, stack.prepare)
    print(f"Adding the data set at scale {scale}…", flush=True)
    data = json.loads(
        subprocess.run(
            [str(ROOT / ".venv" / "bin" / "python"), "bench/scale.py", "--fill", str(scale)],
            cwd=ROOT,
            env=stack.env(purge=False),
            check=True,
            stdout=subprocess.PIPE,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    for label, seconds in data["timings"].items():
        print(f"  {label}: {seconds:.1f} s", flush=True)
    timings.update(data.pop("timings"))
    print("Rebuilding the search index…", flush=True)
    timed("reindex_search", timings, reindex, stack)
    timed("vacuum + checkpoint", timings, settle, DATABASE)
    data["build"] = timings
    data["scale"] = scale
    return data


def fill(scale):
    """In the stack's environment: add the data set, print its description as JSON."""
    import django

    django.setup()
    import scale_data

    data = scale_data.build(scale)
    data["per_language"] = scale_data.page_count_per_language()
    data["urls"] = reader_urls(data)
    data["queries"] = search_paths()
    print(json.dumps(data))


def reader_urls(data):
    """{page type: Hebrew URL} of the measured pages."""
    from django.conf import settings
    from wagtail.models import Page

    from apps.blog.models import BlogIndexPage
    from apps.core.translation import url_in
    from apps.people.models import Author
    from apps.taxonomy.models import Topic

    section = BlogIndexPage.objects.get()
    pages = -(-section.listing().count() // settings.LISTING_PAGE_SIZE)

    def page(pk):
        return url_in(Page.objects.get(pk=pk).specific, "he")

    from django.urls import reverse
    from django.utils.translation import override

    with override("he"):
        author = reverse("author", kwargs={"key": Author.objects.get(pk=data["author"]).key})
    urls = {
        "home": "/he/",
        "section": url_in(section, "he"),
        "section_deep": f"{url_in(section, 'he')}?page={max(1, pages * 3 // 4)}",
        "topic": Topic.objects.get(pk=data["topic"]).url_in("he"),
        "author": author,
        "post": page(data["samples"]["post"]),
        "thread": page(data["thread"]),
        "article": page(data["samples"]["article"]),
        "question": page(data["samples"]["question"]),
    }
    return {name: urllib.parse.quote(url, safe="/?=&%") for name, url in urls.items()}


def search_paths():
    """Search URLs of distinct logged queries, in every language, mixed."""
    from django.urls import reverse
    from django.utils.translation import override

    from apps.search.models import LoggedSearch

    rows = (
        LoggedSearch.objects.values_list("language", "query")
        .distinct()
        .order_by("query")[:SEARCH_QUERIES]
    )
    paths = []
    for lang, query in rows:
        with override(lang):
            base = reverse("search")
        paths.append(urllib.parse.quote(base) + "?q=" + urllib.parse.quote(query))
    return paths


# Measurements ----------------------------------------------------------------------------


def measured(url, script=None):
    """wrk after two seconds of warm-up; a run with error responses is reported, not fatal
    (p99 then counts as missed)."""
    try:
        wrk(url, seconds=2, script=script, timeout=WRK_TIMEOUT)
        result = wrk(url, script=script, timeout=WRK_TIMEOUT)
    except RuntimeError as error:
        print(f"    {str(error).splitlines()[0]}", flush=True)
        return {"rps": 0.0, "p50": float("inf"), "p99": float("inf")}
    if not result["rps"]:
        # No request finished within the run: wrk reports its empty latency as zero.
        result.update(p50=float("inf"), p99=float("inf"))
    print(f"    {result['rps']:.0f} req/s, p50 {result['p50']:.1f} ms, p99 {result['p99']:.1f} ms")
    return result


def render_runs(stack, urls):
    results = {}
    for name, path in urls.items():
        print(f"Measuring {PAGE_TYPES[name]}: gunicorn + Django…", flush=True)
        results[name] = measured(stack.gunicorn_url + path)
    return results


def search_run(stack, paths):
    print(f"Measuring search: {len(paths)} distinct logged queries…", flush=True)
    script = stack.run_dir / "search.lua"
    script.write_text(SEARCH_SCRIPT % ", ".join(json.dumps(p) for p in paths))
    return measured(stack.gunicorn_url + "/", script=script)


def moderation_runs(data):
    """(label, ms) of the moderation queue's requests, each the median of three."""
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.db.models import Count
    from django.test import Client
    from django.urls import reverse

    from apps.comments.models import Comment

    user, _created = User.objects.get_or_create(
        username="scale-moderator",
        defaults={"is_superuser": True, "is_staff": True, "email": "moderator@example.com"},
    )
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    queue = reverse("wagtailsnippets_comments_comment:list")
    pending = Comment.objects.filter(status=Comment.Status.PENDING)
    busiest = (
        pending.values("page").order_by().annotate(n=Count("id")).order_by("-n").first()["page"]
    )
    word = pending.first().body.split()[0]
    requests = {
        "list pending": f"{queue}?status=pending",
        "filter by language": f"{queue}?status=pending&language=fa",
        "filter by page": f"{queue}?status=pending&page={busiest}",
        "search": f"{queue}?status=pending&q={urllib.parse.quote(word)}",
    }
    results = {"pending": pending.count()}
    client.get(requests["list pending"])  # templates compiled, connection open
    for label, url in requests.items():
        results[label] = median_ms(lambda url=url: expect(client.get(url), 200))
    bulk = reverse("wagtail_bulk_action", args=("comments", "comment", "approve"))
    # Three batches of 500, or a third of the queue each at small scales.
    size = min(BULK, results["pending"] // 3)

    def approve():
        ids = list(pending.order_by("pk").values_list("pk", flat=True)[:size])
        query = "&".join(f"id={pk}" for pk in ids)
        expect(client.post(f"{bulk}?{query}&next={queue}"), 302)

    results[f"bulk-approve {size}"] = median_ms(approve)
    return results


def expect(response, status):
    if response.status_code != status:
        raise RuntimeError(f"{response.status_code} for {response.request['PATH_INFO']}")


def median_ms(function, times=3):
    """The median of three timings, or one when it takes over ten times its target."""
    spent = []
    for _ in range(times):
        started = time.perf_counter()
        function()
        spent.append((time.perf_counter() - started) * 1000)
        if spent[0] > 10 * TARGET_MODERATION_MS:
            break
    return statistics.median(spent)


def purge_run(data):
    """(seconds, URLs, relating pages purged, at most) of the purge set of the article
    `related_sources` pages relate to."""
    from wagtail.models import Page

    from apps.caching.targets import page_urls, urls_of
    from apps.discovery.models import RelatedPageLink
    from apps.discovery.purging import NEIGHBOURS_PURGED

    page = Page.objects.get(pk=data["related_target"])
    page_urls(page)  # the first call imports and compiles what every later one reuses
    started = time.perf_counter()
    urls = page_urls(page)
    seconds = time.perf_counter() - started
    relating = Page.objects.filter(
        pk__in=[
            pk
            for link in RelatedPageLink.__subclasses__()
            for pk in link.objects.filter(related=page).values_list("page_id", flat=True)
        ]
    ).specific()
    return seconds, len(urls), sum(1 for p in relating if urls_of(p) & urls), NEIGHBOURS_PURGED


def in_django(stack, step, data):
    """Run `step` (moderation or purge) in a process with the stack's environment."""
    done = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "bench/scale.py", "--step", step],
        cwd=ROOT,
        env=stack.env(),
        input=json.dumps(data),
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def step_main(step):
    import django

    django.setup()
    data = json.loads(sys.stdin.read())
    if step == "moderation":
        print(json.dumps(moderation_runs(data)))
    else:
        print(json.dumps(purge_run(data)))


# Report ----------------------------------------------------------------------------------


def verdict(met):
    return "ok" if met else "MISSED"


def print_report(scale, data, renders, search, moderation, purge, workers):
    print()
    print(
        f"make bench-scale at scale {scale}: {data['pages']} generated pages "
        f"({', '.join(f'{k} {v}' for k, v in data['per_language'].items())} pages per "
        f"language, with the seed), {data['comments']:,} comments (median per page "
        f"{data['median_comments']}, {data['pages_over_1000']} pages with 1,000 or more, "
        f"the long thread {data['thread_comments']:,}, the most on one page "
        f"{data['max_comments']:,}), {os.cpu_count()} cores shared"
    )
    load = data["load"]
    print(
        f"Load average on the machine before measuring: {load[0]:.1f} (1 min), {load[1]:.1f} "
        "(5 min); every figure below shares the CPU with that."
    )
    print()
    print("Build")
    for label, seconds in data["build"].items():
        target = (
            f"< {TARGET_REINDEX_SECONDS} s {verdict(seconds < TARGET_REINDEX_SECONDS)}"
            if label == "reindex_search"
            else ""
        )
        print(f"  {label:<28}{seconds:>8.1f} s  {target}")
    print(f"  {'total':<28}{sum(data['build'].values()):>8.1f} s")
    print()
    header = f"{'uncached, gunicorn':<30}{'req/s':>8}{'p50 ms':>8}{'p99 ms':>8}{'target':>16}"
    print(f"wrk, {CONNECTIONS} connections, {SECONDS} s after 2 s of warm-up")
    print(header)
    print("-" * len(header))
    for name, row in renders.items():
        met = row["p99"] < TARGET_RENDER_P99_MS
        print(
            f"{PAGE_TYPES[name]:<30}{row['rps']:>8.0f}{row['p50']:>8.1f}{row['p99']:>8.1f}"
            f"{f'p99 < {TARGET_RENDER_P99_MS}':>12} {verdict(met):>3}"
        )
    met = search["rps"] >= TARGET_SEARCH_RPS and search["p99"] < TARGET_SEARCH_P99_MS
    print(
        f"{'search, distinct queries':<30}{search['rps']:>8.0f}{search['p50']:>8.1f}"
        f"{search['p99']:>8.1f}  >= {TARGET_SEARCH_RPS}/s, p99 < {TARGET_SEARCH_P99_MS}"
        f" {verdict(met)}"
    )
    print()
    print(
        f"Moderation queue, {moderation.pop('pending'):,} pending comments "
        "(Django test client, superuser; median of 3, or one run past 5 s)"
    )
    for label, ms in moderation.items():
        print(
            f"  {label:<26}{ms:>8.0f} ms   < {TARGET_MODERATION_MS} ms "
            f"{verdict(ms < TARGET_MODERATION_MS)}"
        )
    seconds, count, purged, bound = purge
    print()
    print(
        f"Purge set of an article {data['related_sources']:,} pages relate to: {count:,} URLs "
        f"in {seconds * 1000:.0f} ms (< {TARGET_PURGE_SECONDS * 1000:.0f} ms "
        f"{verdict(seconds < TARGET_PURGE_SECONDS)}); {purged} of the relating pages purged "
        f"(at most {bound}: the others refresh within the page cache's TTL)"
    )
    print()
    print(
        f"gunicorn: {len(workers)} workers after the runs: "
        + ", ".join(f"RSS {rss / 1024:.0f} MiB (PSS {pss / 1024:.0f} MiB)" for rss, pss in workers)
        + f"; target <= {TARGET_WORKER_MIB} MiB "
        + verdict(all(rss / 1024 <= TARGET_WORKER_MIB for rss, _pss in workers))
    )


def main():
    parser = argparse.ArgumentParser(description="make bench-scale")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--fill", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--step", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.fill is not None:
        return fill(args.fill)
    if args.step:
        return step_main(args.step)
    if not shutil.which("wrk"):
        sys.exit(
            "make bench-scale needs wrk and nginx: apt-get install -y wrk nginx-light "
            "libnginx-mod-http-cache-purge"
        )
    stack = Stack(
        port=PORT, database_url=f"{DATABASE_SERVER}/{DATABASE}", redis_url=REDIS_URL, name="scale"
    )
    saved = stack.run_dir / "data.json"
    if args.reuse and saved.exists():
        data = json.loads(saved.read_text())
    else:
        data = build(stack, args.scale)
        saved.write_text(json.dumps(data))
    purge = in_django(stack, "purge", data)
    stack.start()
    try:
        data["load"] = os.getloadavg()
        renders = render_runs(stack, data["urls"])
        search = search_run(stack, data["queries"])
        moderation = in_django(stack, "moderation", data)
        workers = [memory_kib(pid) for pid in stack.gunicorn_worker_pids()]
    finally:
        stack.stop()
    print_report(data.get("scale", args.scale), data, renders, search, moderation, purge, workers)
    return None


if __name__ == "__main__":
    main()
