"""Runs the vendored normalize.py (cmark-gfm's, unchanged) over a JSON list of HTML
strings read from stdin and writes the JSON list of their normal forms to stdout.

normalize.py calls cgi.escape, which Python 3.8 removed (and the cgi module with it in
3.13): this driver supplies that one function as Python 3.7 defined it, so the spec's own
normaliser runs as its authors ran it.
"""
import json
import os
import sys
import types
import warnings


def cgi_escape(s, quote=False):
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote:
        s = s.replace('"', "&quot;")
    return s


sys.modules["cgi"] = types.SimpleNamespace(escape=cgi_escape)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
warnings.simplefilter("ignore")  # normalize.py's '\s+' is an invalid escape to newer Pythons
from normalize import normalize_html  # noqa: E402

json.dump([normalize_html(html) for html in json.load(sys.stdin)], sys.stdout)
