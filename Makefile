# Two commands do all the set-up on a fresh machine:
#   make demo   creates .venv, installs breachnlp (no extras), annotates the bundled corpus,
#               renders one of its articles, prints the scores
#   make test   creates .venv if needed, installs with the dev extra, runs the whole test suite
# Each has its own stamp, so either may run first from a fresh clone.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DEMO_STAMP := $(VENV)/.installed-demo
TEST_STAMP := $(VENV)/.installed
DEMO_ARTICLE := fr-0067

.PHONY: demo test eval corpus bench train clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# What the demo needs: the library, spaCy and the two base models.
$(DEMO_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

# What the tests need besides: the dev extra and the optional back-ends they exercise.
$(TEST_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[dev,dask,parquet,html]"
	touch $@

demo: $(DEMO_STAMP)
	mkdir -p out
	$(VENV)/bin/breachnlp annotate corpus/fr.jsonl -o out/fr.annotated.jsonl
	$(VENV)/bin/breachnlp annotate corpus/en.jsonl -o out/en.annotated.jsonl
	$(VENV)/bin/breachnlp render corpus/fr.jsonl --id $(DEMO_ARTICLE) -o out/$(DEMO_ARTICLE).html
	$(VENV)/bin/breachnlp evaluate corpus/fr.jsonl --pred out/fr.annotated.jsonl
	$(VENV)/bin/breachnlp evaluate corpus/en.jsonl --pred out/en.annotated.jsonl

test: $(TEST_STAMP)
	$(PY) -m pytest -q

eval: $(TEST_STAMP)
	$(PY) docs/make_evaluation.py

corpus: $(TEST_STAMP)
	$(PY) corpus/build.py

bench: $(TEST_STAMP)
	$(PY) bench/run.py

# Fit the scorers' weights on gold (corpus, and CASIE dev when ../shared is there): writes
# breachnlp/resources/*/weights.yml and docs/training.json (tools/train.py).
train: $(TEST_STAMP)
	$(PY) tools/train.py

# Property-based fuzzing with a profile ten times larger than make test's (tests/test_fuzz.py),
# new examples each run; failures are kept in .hypothesis/ and replayed first next time.
.PHONY: fuzz
fuzz: $(TEST_STAMP)
	BREACHNLP_FUZZ_PROFILE=fuzz $(PY) -m pytest -q tests/test_fuzz.py tests/test_adversarial.py

clean:
	rm -rf out .pytest_cache .hypothesis build *.egg-info
