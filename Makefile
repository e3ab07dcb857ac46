# Two commands do all the set-up on a fresh machine:
#   make demo   creates .venv, installs breachnlp, annotates the bundled corpus, prints a summary
#   make test   creates .venv if needed, installs with the dev extra, runs the whole test suite
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test eval corpus bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev,dask,parquet,html]"
	touch $(STAMP)

demo: $(STAMP)
	mkdir -p out
	$(VENV)/bin/breachnlp annotate corpus/fr.jsonl -o out/fr.annotated.jsonl
	$(VENV)/bin/breachnlp annotate corpus/en.jsonl -o out/en.annotated.jsonl
	$(VENV)/bin/breachnlp render ../shared/seeds/gold.jsonl -o out/seeds.html
	$(VENV)/bin/breachnlp evaluate corpus/fr.jsonl --pred out/fr.annotated.jsonl
	$(VENV)/bin/breachnlp evaluate corpus/en.jsonl --pred out/en.annotated.jsonl

test: $(STAMP)
	$(PY) -m pytest -q

eval: $(STAMP)
	$(PY) docs/make_evaluation.py

corpus: $(STAMP)
	$(PY) corpus/build.py

bench: $(STAMP)
	$(PY) bench/run.py

# Property-based fuzzing with a profile ten times larger than make test's (tests/test_fuzz.py),
# new examples each run; failures are kept in .hypothesis/ and replayed first next time.
.PHONY: fuzz
fuzz: $(STAMP)
	BREACHNLP_FUZZ_PROFILE=fuzz $(PY) -m pytest -q tests/test_fuzz.py tests/test_adversarial.py

clean:
	rm -rf out .pytest_cache .hypothesis build *.egg-info
