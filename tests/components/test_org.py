"""The victim, its parent, and no one else."""
import pytest

CASES = [
    ("fr-parent-first", "fr",
     "Le groupe Hexalia Santé, qui détient douze cliniques, fait face à une crise. Sa filiale Clinique des Tamaris a été victime "
     "d'une cyberattaque. Hexalia Santé a porté plainte et Hexalia Santé a prévenu la CNIL.",
     "Clinique des Tamaris", "Hexalia Santé"),
    ("en-parent", "en",
     "Brightfield Labs, a subsidiary of Norvane Holdings, disclosed a data breach on Monday. Norvane Holdings declined to comment.",
     "Brightfield Labs", "Norvane Holdings"),
    ("fr-regulator-more-often", "fr",
     "La CNIL a ouvert une enquête. Selon la CNIL, la mutuelle Corvalis a été victime d'un piratage. La CNIL rappelle ses règles.",
     "mutuelle Corvalis", None),
    ("en-regulator-more-often", "en",
     "HHS opened an inquiry. HHS said Corvalis Health was hit by ransomware. HHS reminds providers of the rules.",
     "Corvalis Health", None),
    ("fr-victim-late", "fr",
     "Un établissement de santé du Nord a subi une attaque. Le groupe LockBit a revendiqué l'attaque. "
     "Il s'agit du centre hospitalier de Valmont, qui a confirmé l'incident.",
     "centre hospitalier de Valmont", None),
    ("en-victim-late", "en",
     "A hospital in Ohio suffered a ransomware attack claimed by LockBit. The victim is Marrow Valley Medical Center, "
     "which confirmed the incident on Friday.",
     "Marrow Valley Medical Center", None),
]


@pytest.mark.parametrize("case_id,lang,text,victim,parent", CASES, ids=[c[0] for c in CASES])
def test_org_victim_and_parent(annotate, case_id, lang, text, victim, parent):
    result = annotate(lang, text)._.breach
    assert result.organization is not None and result.organization.lower() == victim.lower()
    assert result.parent_organization == parent


@pytest.mark.parametrize("lang,text", [
    ("fr", "Un hôpital de la région a été victime d'une cyberattaque, a indiqué l'ARS."),
    ("en", "A regional hospital was hit by a cyberattack, the FBI said."),
])
def test_org_unnamed_victim_is_null(annotate, lang, text):
    assert annotate(lang, text)._.breach.organization is None


@pytest.mark.parametrize("lang,text,victim", [
    ("fr", "Connect Santé a été piraté. Les clients de ConnectSanté ont été prévenus.", "Connect Santé"),
    ("en", "Connect On Call was hacked. ConnectOnCall notified customers.", "Connect On Call"),
])
def test_org_aliases_are_clustered(annotate, lang, text, victim):
    result = annotate(lang, text)._.breach
    names = {result.organization, *result.organization_aliases}
    assert {n.replace(" ", "") for n in names} == {victim.replace(" ", "")}
