"""Cached pages that start on a memory-page boundary of nginx's cache file.

nginx keeps each cached page in one file: its own fixed header, the cache key, the response's
status line and headers as gunicorn sent them, then the page. A cache hit is sent with sendfile
from where the page starts. From an offset that is not a multiple of 4 KiB the kernel's copy
cost about 75% more nginx CPU per request than a static file (245 KiB post: 72 against 40 µs),
and reading the page through a buffer instead still cost about 40% more.

nginx's cached locations tell Django the cache key (X-Cache-Key). For those requests this WSGI
middleware gives large pages an X-Cache-Pad header just long enough to make the page start at
a 4 KiB boundary; nginx stores it, hides it from readers and sends hits like a static file.
The length of the upstream header is what gunicorn itself writes for the response, so the
middleware only acts under gunicorn. Should a layout change, hits get slower, never wrong:
tests/production/test_cache_alignment.py checks the offsets in real cache files.
"""

# sizeof(ngx_http_file_cache_header_t), the start of every cache file (nginx 1.22 on 64-bit
# Linux, as deployed), followed by "\nKEY: <key>\n".
NGINX_FILE_HEADER_BYTES = 336
PAGE_BYTES = 4096
# Everything up to the page must fit in deploy/nginx.conf.template's proxy_buffer_size (8k);
# responses whose headers alone come near 4 KiB are left as they are.
MAX_PAGE_OFFSET = PAGE_BYTES
PAD_HEADER = "X-Cache-Pad"
# nginx parses the padding on every hit (up to 4 KiB of header), which costs a small page more
# than the unaligned send does; from about this size the aligned send saves more.
MIN_PADDED_PAGE_BYTES = 48 * 1024
EMPTY_PAD_LINE = len(f"{PAD_HEADER}: \r\n")


class _CollectedBytes:
    """A socket for gunicorn's Response that only counts what would be sent."""

    def __init__(self):
        self.sent = 0

    def sendall(self, data):
        self.sent += len(data)


class _Request:
    def __init__(self, environ):
        protocol = environ.get("SERVER_PROTOCOL", "HTTP/1.0").removeprefix("HTTP/")
        major, _, minor = protocol.partition(".")
        self.version = (int(major), int(minor or 0))
        self.method = environ.get("REQUEST_METHOD", "GET")

    def should_close(self):
        return False


def gunicorn_header_bytes(environ, status, headers):
    """How many bytes gunicorn writes for this response's status line and headers."""
    from gunicorn.http.wsgi import Response

    socket = _CollectedBytes()
    response = Response(_Request(environ), socket, cfg=None)
    # deploy/gunicorn.conf.py runs sync workers, which close every connection after a response.
    response.force_close()
    response.start_response(status, list(headers))
    response.send_headers()
    return socket.sent


def content_length(headers):
    for name, value in headers:
        if name.lower() == "content-length":
            return int(value)
    return 0  # streamed: too late to know, and such responses are small here


def padding(key, header_bytes):
    """Length of the pad header's value that puts the page on a page boundary, or None."""
    page_offset = NGINX_FILE_HEADER_BYTES + len("\nKEY: \n") + len(key) + header_bytes
    missing = -page_offset % PAGE_BYTES
    if missing < EMPTY_PAD_LINE:
        missing += PAGE_BYTES
    if page_offset + missing > MAX_PAGE_OFFSET:
        return None
    return missing - EMPTY_PAD_LINE


class AlignedCacheFiles:
    """WSGI middleware: pads the headers of responses that nginx may cache (see above)."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        # WSGI gives header values as latin-1 text: one character per byte nginx sent.
        key = environ.get("HTTP_X_CACHE_KEY")
        if not key or not environ.get("SERVER_SOFTWARE", "").startswith("gunicorn/"):
            return self.application(environ, start_response)

        def padded_start_response(status, headers, exc_info=None):
            size = None
            if content_length(headers) >= MIN_PADDED_PAGE_BYTES:
                size = padding(key, gunicorn_header_bytes(environ, status, headers))
            if size is not None:
                headers = [*headers, (PAD_HEADER, "0" * size)]
            return start_response(status, headers, exc_info)

        return self.application(environ, padded_start_response)
