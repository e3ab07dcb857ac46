"""No network at run time, no code from data: breachnlp loads and runs with networking
disabled, and its source never evaluates text or unpickles data."""
from __future__ import annotations

import ast
import json
import subprocess
import sys
import textwrap
from pathlib import Path


PACKAGE = Path(__file__).resolve().parents[1] / "breachnlp"

# Runs in a fresh interpreter: every way to open a connection or resolve a name raises, and
# is recorded (so an attempt that some library catches and ignores is still seen).
OFFLINE = textwrap.dedent("""
    import json, socket, sys, tempfile
    attempts = []

    def refuse(name):
        def call(*args, **kwargs):
            attempts.append(name)
            raise OSError(f"network disabled by the test: {name}")
        return call

    for name in ("connect", "connect_ex", "sendto", "sendmsg"):
        setattr(socket.socket, name, refuse("socket." + name))
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr"):
        setattr(socket, name, refuse(name))

    import breachnlp
    from breachnlp import cli
    from breachnlp.taxonomy import LANGS

    out = {}
    for lang in LANGS:
        breachnlp.load(lang)
    texts = [{"text": "La clinique des Lilas a révélé hier le vol des noms de 1 200 patients.", "lang": "fr",
              "published": "2024-05-02"},
             {"text": "Acme Health said on Monday that hackers stole the addresses of 3,400 people.",
              "published": "2024-05-02"}]
    out["fr"] = breachnlp.extract(texts[0]["text"], lang="fr", published="2024-05-02").to_dict()
    out["en"] = breachnlp.extract(texts[1]["text"], published="2024-05-02").to_dict()
    out["piped"] = [r.to_dict() for r in breachnlp.pipe(texts)]
    with tempfile.TemporaryDirectory() as folder:
        source, target = folder + "/in.jsonl", folder + "/out.jsonl"
        with open(source, "w", encoding="utf-8") as f:
            f.write(json.dumps({"id": "1", "text": "Acme Health was hacked; 900 patients were affected."}) + "\\n")
        out["cli"] = cli.main(["annotate", source, "-o", target, "--quiet"])
        with open(target, encoding="utf-8") as f:
            out["cli_records"] = [json.loads(line)["breach"]["records"] for line in f]
    out["attempts"] = attempts
    print(json.dumps(out))
""")


def test_network_pipeline_loads_and_runs_offline():
    run = subprocess.run([sys.executable, "-c", OFFLINE], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    out = json.loads(run.stdout.strip().splitlines()[-1])
    assert out["attempts"] == []
    assert out["fr"]["organization"] == "clinique des Lilas" and out["fr"]["records"]["value"] == 1200
    assert out["en"]["organization"] == "Acme Health" and out["en"]["records"]["value"] == 3400
    assert out["piped"] == [out["fr"], out["en"]]
    assert out["cli"] == 0 and out["cli_records"] == [{"value": 900, "unit": "people", "qualifier": "exact"}]


# Calls that turn data into code, or deserialize it with code execution.
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "execfile"}
FORBIDDEN_MODULES = {"pickle", "cPickle", "dill", "cloudpickle", "marshal", "shelve", "jsonpickle"}
FORBIDDEN_ATTRIBUTES = {("yaml", "load"), ("yaml", "unsafe_load"), ("yaml", "full_load"), ("os", "system"),
                        ("os", "popen"), ("numpy", "load"), ("torch", "load"), ("joblib", "load")}


def _violations(source: str, name: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source, filename=name)):
        where = f"{name}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in FORBIDDEN_CALLS:
                found.append(f"{where} calls {func.id}()")
            if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and \
                    (func.value.id, func.attr) in FORBIDDEN_ATTRIBUTES:
                found.append(f"{where} calls {func.value.id}.{func.attr}()")
            for keyword in node.keywords:
                if keyword.arg == "shell" and isinstance(keyword.value, ast.Constant) and keyword.value.value:
                    found.append(f"{where} runs a shell")
        if isinstance(node, ast.Import):
            found += [f"{where} imports {a.name}" for a in node.names if a.name.split(".")[0] in FORBIDDEN_MODULES]
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in FORBIDDEN_MODULES:
            found.append(f"{where} imports from {node.module}")
    return found


def test_network_library_never_evaluates_or_unpickles_data():
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 10
    found = [v for path in files
             for v in _violations(path.read_text(encoding="utf-8"), str(path.relative_to(PACKAGE.parent)))]
    assert found == []


def test_network_scanner_sees_what_it_forbids():
    sample = ("import pickle\nimport yaml\nx = eval('1')\nyaml.load('a')\nfrom marshal import loads\n"
              "import subprocess\nsubprocess.run('ls', shell=True)\nimport re\nre.compile('a')\n")
    assert len(_violations(sample, "sample.py")) == 5
