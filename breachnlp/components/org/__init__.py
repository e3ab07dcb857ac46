"""``breach_org``: organizations named in the text, clustered, each given a role.

Example::

    doc = nlp("ConnectOnCall, une filiale de Phreesia, a été victime d'un piratage.")
    [(s.text, s._.org_name, s._.org_role) for s in doc.spans["breach_org"]]
    # [("ConnectOnCall", "ConnectOnCall", "victim"), ("Phreesia", "Phreesia", "parent")]

Candidates come from our own patterns, not only from the statistical NER (which tags many
company names as places or misc): capitalized and camel-case sequences, acronyms, and
descriptor phrases ("la clinique des Lilas", "le groupe X", "X Health"), plus the NER's ORG
entities when the pipeline has a NER. Mentions are clustered (same key, acronym, or
rapidfuzz token-set ratio >= 90, "X, formerly Y") and each cluster gets a role:
``victim`` (the best-scored candidate: victim cues, headline, frequency, subject position),
``parent`` (named after "filiale de", "subsidiary of"...), ``regulator``, ``media``,
``attacker``, ``vendor``, ``law_firm`` (gazetteers in ``resources/<lang>/orgs.yml`` plus
context) or ``other``. ``org_name`` is the cluster's fullest name; ``org_score`` the victim
score. No cluster scoring high enough → no victim (the article names none).

The package: :mod:`.rules` builds the words and patterns of a language, :mod:`.mentions` finds
the names, :mod:`.clusters` groups them, :mod:`.roles` gives each group its role;
:mod:`.component` is the spaCy adapter.
"""
from .clusters import Cluster
from .component import LABEL, OrgTagger, make_org_tagger
from .mentions import Headline, Mention
from .roles import AUTHORITY, NEVER_VICTIM, VICTIM_FEATURES, VICTIM_MARGIN
from .rules import OrgRules, org_rules

__all__ = ["AUTHORITY", "LABEL", "NEVER_VICTIM", "VICTIM_FEATURES", "VICTIM_MARGIN", "Cluster", "Headline", "Mention", "OrgRules",
           "OrgTagger", "make_org_tagger", "org_rules"]
