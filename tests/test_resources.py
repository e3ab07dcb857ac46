"""French and English resources: same files, same keys, no empty list, every regex compiles."""
import re
from importlib import resources as importlib_resources

import pytest

from breachnlp.errors import LanguageError, ResourceError
from breachnlp.resources import RESOURCE_KEYS, read_resource
from breachnlp.taxonomy import LANGS


def _files(lang):
    return sorted(p.name for p in importlib_resources.files("breachnlp.resources").joinpath(lang).iterdir()
                  if p.name.endswith(".yml"))


def test_resources_same_files_in_both_languages():
    assert _files("fr") == _files("en") == sorted(f"{name}.yml" for name in RESOURCE_KEYS)


@pytest.mark.parametrize("name", sorted(RESOURCE_KEYS))
def test_resources_same_keys_and_no_empty_lists(name):
    fr, en = read_resource("fr", name), read_resource("en", name)
    assert set(fr) == set(en)
    for key in fr:
        if isinstance(fr[key], dict) and isinstance(en[key], dict) and name not in ("numbers", "dates"):
            assert set(fr[key]) == set(en[key]), key
        for lang, data in (("fr", fr), ("en", en)):
            value = data[key]
            if isinstance(value, (tuple, dict)) and key not in ("name_descriptors", "name_heads"):  # English names carry no descriptor
                assert len(value) > 0, f"{lang}/{name}.yml: {key} is empty"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name,keys", [("cues", None), ("dates", ("not_breach",)), ("records", ("breach_context", "revision_cues"))])
def test_resources_cue_patterns_compile(lang, name, keys):
    data = read_resource(lang, name)
    for key in keys or data:
        for pattern in data[key]:
            re.compile(pattern)


def test_resources_unknown_language_and_name_fail_clearly():
    with pytest.raises(LanguageError, match="supported"):
        read_resource("de", "phi")
    with pytest.raises(ResourceError, match="Unknown resource"):
        read_resource("fr", "nope")


def test_resources_user_directory_is_checked(tmp_path):
    (tmp_path / "fr").mkdir()
    (tmp_path / "fr" / "phi.yml").write_text("categories: {}\nextra: 1\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="missing keys \\['access_means', 'exclusions', 'health_record_words', 'identifier_words', 'non_data_heads', 'non_data_links'\\], unexpected keys \\['extra'\\]"):
        read_resource("fr", "phi", str(tmp_path))


def test_resources_lists_are_frozen():
    data = read_resource("en", "phi")
    assert isinstance(data["categories"]["name"], tuple)
