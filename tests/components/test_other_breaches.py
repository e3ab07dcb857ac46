"""Other incidents mentioned in passing are reported apart, never as the main breach."""
import pytest


@pytest.mark.parametrize("lang,text,victim,other", [
    ("fr", "La clinique des Tamaris a été victime d'une cyberattaque : les noms de 4 000 patients ont été volés. "
           "La clinique des Tamaris a prévenu la CNIL. La mutuelle Orvalia a également été victime d'un piratage l'an dernier.",
     "clinique des Tamaris", "mutuelle Orvalia"),
    ("en", "Tamaris Clinic was hit by a cyberattack and the names of 4,000 patients were stolen. Tamaris Clinic notified "
           "regulators. Last year, Orvalia Insurance also suffered a breach.",
     "Tamaris Clinic", "Orvalia Insurance"),
])
def test_other_breaches_are_reported_separately(annotate, lang, text, victim, other):
    result = annotate(lang, text)._.breach
    assert result.organization.lower() == victim.lower()
    assert other in result.other_breaches
    assert result.to_record()["other_breaches"] == [{"organization": o} for o in result.other_breaches]
