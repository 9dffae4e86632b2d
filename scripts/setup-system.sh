#!/usr/bin/env bash
# The Debian packages `make test` needs, installed once: run by `make test` and by .ci/run.
# Does nothing when everything is there; as root it installs what is missing with apt-get;
# otherwise it stops at once and prints the one command to run.
#
# chromium           browser tests (Playwright drives Debian's Chromium)
# gettext            the catalogs (make messages, make check-messages)
# default-jre-headless  the Nu HTML Checker (vnu-jar from npm)
# nodejs, npm        axe-core, vnu-jar and Lighthouse (package.json)
# redis-server       fault tests (tests/resilience stop and start a private Redis)
# nginx-light, libnginx-mod-http-cache-purge  page-cache tests (they run the deployed nginx config)
# libvoikko1, voikko-fi  Finnish morphology through Debian's libvoikko (faster and smaller than the
#                    PyPI copy the site uses without it; tests compare the two)
set -euo pipefail

missing=()
need() { # need PACKAGE... when the check before it failed
  missing+=("$@")
}
command -v chromium >/dev/null || need chromium fonts-dejavu-core
command -v msgfmt >/dev/null || need gettext
command -v java >/dev/null || need default-jre-headless
# Debian's npm conflicts with a Node.js from NodeSource (which brings its own npm): ask for
# nodejs and npm only when there is no npm at all.
command -v npm >/dev/null || need nodejs npm
command -v redis-server >/dev/null || need redis-server
command -v nginx >/dev/null || need nginx-light
[ -f /usr/lib/nginx/modules/ngx_http_cache_purge_module.so ] || need libnginx-mod-http-cache-purge
[ -d /usr/lib/voikko ] || need libvoikko1 voikko-fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$EUID" -ne 0 ]; then
  echo "The tests need Debian packages that are missing (${missing[*]}). Run once:" >&2
  echo "  sudo $0" >&2
  exit 1
fi
echo "Installing the Debian packages the tests need: ${missing[*]} …"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
