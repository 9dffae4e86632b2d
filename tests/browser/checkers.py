"""The two quality tools every browser check runs: axe-core in the page, and the Nu HTML
Checker (vnu-jar, on Java) over saved copies of pages."""

import json
import re
import shutil
import subprocess
from pathlib import Path

from django.conf import settings

NODE_MODULES = Path(settings.BASE_DIR) / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


def axe_run(page, within="document"):
    """axe-core's violations in the page as it is now, as axe reports them (the page opened
    with bypass_csp: the site's Content-Security-Policy refuses the script Playwright adds)."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate(f"axe.run({within}, {{resultTypes: ['violations']}})")["violations"]


def axe_violations(page, within="document"):
    """axe-core's violations in the page, one line each."""
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
        for v in axe_run(page, within)
    ]


def axe_nodes(page):
    """{(rule, element's opening tag)} for every element axe-core finds at fault in the page:
    the same element on another page reads the same (axe's selectors for it may differ)."""
    return {
        (v["id"], re.match(r"<[^>]*>", node["html"]).group(0))
        for v in axe_run(page)
        for node in v["nodes"]
    }


def nu_messages(files, check_css=False):
    """The Nu HTML Checker's errors and warnings over the saved pages `files`, as it reports
    them (each with its file's address in "url")."""
    java = shutil.which("java")
    assert java and VNU.exists(), "make test installs Java and node_modules (vnu-jar)"
    css = ["--also-check-css"] if check_css else []
    run = subprocess.run(  # noqa: S603 - fixed arguments
        [java, "-jar", str(VNU), "--format", "json", *css, *map(str, files)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    messages = json.loads(run.stderr or run.stdout)["messages"]
    return [
        m
        for m in messages
        if m["type"] in ("error", "non-document-error") or m.get("subType") == "warning"
    ]


def nu_findings(files, check_css=False):
    """The Nu HTML Checker's errors and warnings over the saved pages `files`, one line each."""
    return [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['type']}: {m['message']}"
        for m in nu_messages(files, check_css)
    ]
