"""The victim, its parent, and no one else."""
import pytest

import breachnlp

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


@pytest.mark.parametrize("lang,text,victim", [
    # a spokesperson named in full once, then by surname alone: the surname is no organization
    ("en", "Hackers broke into the network of Valley College, said its chancellor, Francisco Rodriguez. "
           "Rodriguez said the attack exposed the names of 3,000 students. Rodriguez added that staff were warned.",
     "Valley College"),
    ("fr", "Des pirates se sont introduits dans le réseau du lycée Valmont, a indiqué sa proviseure, Claire Dumoulin. "
           "Selon Dumoulin, les noms de 3 000 élèves ont été volés. Dumoulin a prévenu les familles.", "lycée Valmont"),
])
def test_org_a_persons_surname_alone_is_not_the_victim(annotate, lang, text, victim):
    assert annotate(lang, text, "2024-06-14")._.breach.organization == victim


@pytest.mark.parametrize("lang,text,victim", [
    # a scam or security term in title case is no organization
    ("en", "Business Email Compromise: Palomar Valley College loses staff data\n\nA Business Email Compromise scheme "
           "tricked Palomar Valley College into sending the tax forms of 300 employees to a fraudster, the "
           "college said. Business Email Compromise is the costliest online fraud.", "Palomar Valley College"),
    ("fr", "Hameçonnage : le lycée Valmont piégé\n\nHameçonnage ou fraude au président ? Un faux courriel a conduit "
           "le lycée Valmont à envoyer les fiches de paie de 300 agents à un escroc, a indiqué l'établissement.",
     "lycée Valmont"),
    # "Ohio-based": where the firm sits is not part of its name
    ("en", "Ohio-based Meridian Health Partners said hackers stole the records of 4,000 patients.",
     "Meridian Health Partners"),
    # the place after a name that holds a name of its own says where it is; a name made of
    # organization words alone keeps its place
    ("fr", "La clinique Bellevue de Genève a subi une fuite de données. La clinique Bellevue a averti 3 000 patients.",
     "clinique Bellevue"),
    ("en", "Thieves stole a laptop from Lakeview Family Practice on Main Street. Lakeview Family Practice said 900 "
           "patients were affected.", "Lakeview Family Practice"),
    ("fr", "Le CHU de Rennes a été piraté. Le CHU de Rennes a porté plainte.", "CHU de Rennes"),
    ("fr", "Le centre hospitalier de Valmont a été piraté. Le centre hospitalier de Valmont a porté plainte.",
     "centre hospitalier de Valmont"),
])
def test_org_terms_and_locations_are_not_part_of_the_victim(annotate, lang, text, victim):
    assert annotate(lang, text, "2024-06-14")._.breach.organization == victim


@pytest.mark.parametrize("lang,text,victim", [
    # the first item of the navigation line of an organization's own pages, when the text
    # speaks in the first person, is the writer
    ("en", "Corliss Family Dental › Patient Updates\n\nOn March 4, one of our receptionists mailed 1,210 "
           "appointment reminders to the wrong addresses. We apologise to everyone affected.", "Corliss Family Dental"),
    ("fr", "Cabinet dentaire Verlaine › Actualités\n\nLe 4 mars, une de nos assistantes a envoyé 1 210 rappels de "
           "rendez-vous à de mauvaises adresses. Nous présentons nos excuses aux patients concernés.",
     "Cabinet dentaire Verlaine"),
])
def test_org_site_owner_of_a_first_person_page(lang, text, victim):
    import breachnlp

    assert breachnlp.extract(text, lang=lang, published="2024-05-04").organization == victim


@pytest.mark.parametrize("lang,text,victim,not_an_org", [
    # the city of a wire dateline is no organization
    ("fr", "DAKAR, 3 mai 2024 (AFP) – La clinique des Almadies a confirmé vendredi le vol des dossiers de 2 300 "
           "patients.", "clinique des Almadies", "DAKAR"),
    ("en", "WELLINGTON, May 3 (Reuters) - Harbour City Clinic said on Friday that hackers stole files on 2,300 "
           "patients.", "Harbour City Clinic", "WELLINGTON"),
    # a user name and a line of page navigation neither
    ("fr", "Forum › Santé › Fuites de données\n\nposté par lecteur_92\n\nquelqu'un sait si la fuite chez Mutuelle "
           "Orvia touche aussi les retraités ? Mutuelle Orvia parle de 12 000 adhérents.", "Mutuelle Orvia", "lecteur_92"),
    ("en", "Forum › Privacy › Breaches\n\nposted by worried_dad77\n\nanyone else get the letter from Kestrel Mutual? "
           "Kestrel Mutual says 12,000 members are affected.", "Kestrel Mutual", "worried_dad77"),
    # nor a blog's masthead of items between bars
    ("en", "Notes from the Data Closet | posted 3 March 2023 | by R. Ito\n\nAt night a nurse at Kiso General Hospital "
           "saw the printers spit out ransom notes. Kiso General Hospital later confirmed that patient files were "
           "encrypted.", "Kiso General Hospital", "Closet"),
    ("fr", "Carnets de la Salle Serveur | publié le 3 mars 2023 | par R. Ito\n\nDans la nuit, une infirmière de "
           "l'Hôpital Kiso a vu les imprimantes cracher des demandes de rançon. L'Hôpital Kiso a confirmé le "
           "chiffrement des dossiers.", "Hôpital Kiso", "Carnets de la Salle Serveur"),
])
def test_org_page_furniture_is_not_an_organization(lang, text, victim, not_an_org):
    import breachnlp

    record = breachnlp.extract(text, lang=lang, published="2024-05-04")
    assert record.organization == victim
    assert not_an_org not in [o.name for o in record.organizations]


@pytest.mark.parametrize("lang,text,victim,not_an_org", [
    # the labels of a breach register's form are no organizations; the value of its name field is one
    ("en", "State Attorney General | Breach Notices\n\nReporting Entity: Larkspur Family Clinic\nOrganization Type: "
           "Health Care\nResidents Affected: 2,410\n\nLarkspur Family Clinic wrote to patients about a phishing "
           "attack that exposed names and addresses.", "Larkspur Family Clinic", "Reporting Entity"),
    ("fr", "Registre des violations\n\nNom de l'Organisme : Clinique Larzac\nSecteur d'Activité : santé\nPersonnes "
           "Touchées : 2 410\n\nLa Clinique Larzac a prévenu ses patients d'un hameçonnage qui a exposé leurs noms.",
     "Clinique Larzac", "Nom de l'Organisme"),
    # a regulator named as another language's press names it is still the regulator
    ("fr", "L'Office for Civil Rights a publié la fiche : la Clinique Larzac déclare 2 410 patients touchés par un "
           "piratage.", "Clinique Larzac", None),
    ("en", "The Commission nationale de l'informatique et des libertés fined Larkspur Pharmacy after hackers stole "
           "customer files.", "Larkspur Pharmacy", None),
])
def test_org_form_labels_and_foreign_regulators_are_not_the_victim(lang, text, victim, not_an_org):
    import breachnlp

    record = breachnlp.extract(text, lang=lang, published="2024-05-04")
    assert record.organization == victim
    assert not_an_org not in [o.name for o in record.organizations]


@pytest.mark.parametrize("lang,text,victim", [
    # a place after "de"/"of" that ends an organization's name is part of it
    ("fr", "Le CHU de Brest a confirmé jeudi le vol des données de 40 000 patients.", "CHU de Brest"),
    ("fr", "L'Université de Lille a reconnu mardi une fuite touchant 8 000 étudiants.", "Université de Lille"),
    # "and"/"et" inside a name that ends like one, or that the text repeats
    ("en", "Fairmont Eye and Laser Center said an intruder accessed the records of 4,000 patients.",
     "Fairmont Eye and Laser Center"),
    ("fr", "Dentaire Arlon et Orthodontie a été piratée en mars. Dentaire Arlon et Orthodontie a prévenu 3 000 "
           "patients.", "Dentaire Arlon et Orthodontie"),
    # a medical specialty ends a name like "Clinic" does, and a surname before "and" that the NER took
    # for a place is then part of it
    ("en", "Patients of Moreno and Kaplan Dermatology, a skin practice in Tucson, are getting letters saying an "
           "intruder reached one of the practice's servers.", "Moreno and Kaplan Dermatology"),
    ("fr", "Des pirates ont infiltré le serveur du cabinet Martin et Lefort Cardiologie, à Reims, exposant 4 000 "
           "patients.", "Martin et Lefort Cardiologie"),
    # a title that opens a signature is no part of the name
    ("fr", "Brest, le 4 mars 2024\n\nMadame, Monsieur,\n\nNous vous informons qu'un tiers a accédé à notre "
           "messagerie le 2 mars. Vos nom et adresse ont pu être consultés.\n\nDirectrice générale du CHU de Brest",
     "CHU de Brest"),
])
def test_org_names_keep_their_places_and_coordinations(lang, text, victim):
    import breachnlp

    assert breachnlp.extract(text, lang=lang, published="2024-05-04").organization == victim


@pytest.mark.parametrize("lang,text,victim,regulator", [
    # a data-protection authority known by the shape of its name, not by a list
    ("en", "The Office of the Tasman Privacy Commissioner fined Kestrel Foods after hackers stole data on 9,000 "
           "customers. The Office of the Tasman Privacy Commissioner said Kestrel Foods ignored warnings.",
     "Kestrel Foods", "Office of the Tasman Privacy Commissioner"),
    ("fr", "La Commission d'accès à l'information a blâmé la pharmacie Bellerive après le vol des dossiers de 900 "
           "clients. Selon la Commission d'accès à l'information, la pharmacie Bellerive n'avait pas chiffré ses postes.",
     "pharmacie Bellerive", "Commission d'accès"),
    # a prosecutor's office, in the feminine as in the masculine
    ("fr", "Le Bureau de la procureure générale de New York a conclu un accord avec Lindenwell Santé, qui avait "
           "perdu des dossiers de patients. La procureure générale a imposé une amende de 200 000 dollars.",
     "Lindenwell Santé", "Bureau de la procureure générale de New York"),
])
def test_org_a_regulator_is_never_the_victim(lang, text, victim, regulator):
    import breachnlp

    record = breachnlp.extract(text, lang=lang)
    assert record.organization == victim
    assert (regulator, "regulator") in [(o.name, o.role) for o in record.organizations]


@pytest.mark.parametrize("lang,text,victim", [
    ("en", "PERTH, June 3 (AAP) - Kestrel Books said hackers copied the details of 8,000 customers.", "Kestrel Books"),
    ("fr", "NAMUR, 3 juin (Belga) – La librairie Kestrel a indiqué que des pirates avaient copié les données de "
           "8 000 clients.", "Kestrel"),
])
def test_org_a_news_agency_is_never_the_victim(lang, text, victim):
    import breachnlp

    record = breachnlp.extract(text, lang=lang, published="2024-06-04")
    assert victim in record.organization
    assert all(o.role == "media" for o in record.organizations if o.name in ("AAP", "Belga"))


@pytest.mark.parametrize("lang,text,junk", [
    ("fr", "un pirate dit avoir 27M de lignes. la boutique Orvia a confirmé la fuite de 27M de lignes clients mardi.",
     "27M"),
    ("en", "The 1st notice came late. Hackers say they took 700GB from Kestrel Mutual, which confirmed the breach.",
     "700GB"),
    ("fr", "L'Ehpad a été piraté. Selon l'Ehpad, les données de 80 résidents ont été copiées.", "Ehpad"),
    ("en", "The hospital was hacked. According to the Hospital, data on 80 patients was copied.", "Hospital"),
])
def test_org_quantities_and_bare_common_heads_are_no_names(lang, text, junk):
    import breachnlp

    record = breachnlp.extract(text, lang=lang, published="2024-06-04")
    assert record.organization != junk
    assert junk not in [o.name for o in record.organizations]


@pytest.mark.parametrize("lang,text,victim", [
    ("en", "Hackers hit the retailer Loft 54 in March, and Loft 54 has now notified 540,000 customers.", "Loft 54"),
    ("fr", "Des pirates ont visé l'enseigne Studio 7 en mars ; Studio 7 a prévenu 5 400 clients.", "Studio 7"),
])
def test_org_a_number_written_with_the_name_every_time_is_part_of_it(lang, text, victim):
    import breachnlp

    assert breachnlp.extract(text, lang=lang).organization == victim


@pytest.mark.parametrize("lang,text,title,person,victim", [
    ("fr", "DAKAR – Le parquet enquête sur la diffusion du dossier médical de l'opposant Moussa Diallo. Le document, "
           "une note interne de l'hôpital Principal, a circulé sur les réseaux. Moussa Diallo est hospitalisé depuis mars.",
     "Fuite du dossier médical de Moussa Diallo", "Moussa Diallo", "hôpital Principal"),
    ("en", "Investigators are looking into how the medical file of senator Karen Whitfield leaked. The memo came from "
           "St. Aldric Hospital, which confirmed an employee accessed it. Karen Whitfield said she was shocked.",
     "Hospital memo on Karen Whitfield's health leaked", "Karen Whitfield", "St. Aldric Hospital"),
])
def test_a_person_the_body_names_is_no_victim_even_in_the_headline(nlps, lang, text, title, person, victim):
    """The NER calls the name a person wherever it reads the body; the Title Case headline misleads it."""
    result = breachnlp.extract(text, title=title, lang=lang, published="2024-05-02")
    assert result.organization == victim
    assert person not in [o.name for o in result.organizations]


@pytest.mark.parametrize("lang,text,victim", [
    # a ministry is a public authority: the victim when the breach is its own, named in full
    ("fr", "Des pirates ont dérobé les fichiers du ministère de la Culture, qui a confirmé lundi la fuite des données "
           "de 12 000 agents. Le ministère de la Culture a porté plainte.", "ministère de la Culture"),
    ("en", "Hackers stole files from the Ministry of Transport, which confirmed on Monday that data on 12,000 drivers "
           "leaked. The Ministry of Transport has informed the police.", "Ministry of Transport"),
])
def test_org_a_breached_ministry_is_the_victim(lang, text, victim):
    record = breachnlp.extract(text, lang=lang, published="2024-05-04")
    assert record.organization == victim


@pytest.mark.parametrize("lang,text,victim,authority", [
    # named besides the breached organization, an authority is reported as a regulator
    ("fr", "La clinique Vauban a subi une cyberattaque ; les données de 3 000 patients ont fuité, a indiqué la "
           "clinique Vauban. Le ministère de la Santé suit le dossier.", "clinique Vauban", "ministère de la Santé"),
    ("en", "Harlow Dental Group said hackers stole the records of 3,000 patients. Harlow Dental Group has notified "
           "the Department of Health.", "Harlow Dental Group", "Department of Health"),
])
def test_org_an_authority_beside_the_victim_is_a_regulator(lang, text, victim, authority):
    record = breachnlp.extract(text, lang=lang, published="2024-05-04")
    assert record.organization == victim
    assert (authority, "regulator") in [(o.name, o.role) for o in record.organizations]


def test_org_a_ministry_and_a_firm_sharing_a_generic_word_are_two():
    # "ministère de la Santé" without its head is no "Santé" a company's name ends with
    text = ("Le logiciel de Norvalis Santé a laissé fuiter les données de 5 000 patients, a reconnu Norvalis Santé. "
            "Le ministère de la Santé a demandé un audit.")
    record = breachnlp.extract(text, lang="fr", published="2024-05-04")
    assert record.organization == "Norvalis Santé"
    assert "ministère de la Santé" in [o.name for o in record.organizations]


@pytest.mark.parametrize("lang,text,victim", [
    # an establishment keeps its head before a bare proper name; "MOH" is the acronym of every word
    ("fr", "L'hôpital Lariboisière a été visé par un rançongiciel. Lariboisière a déprogrammé des opérations.",
     "hôpital Lariboisière"),
    ("en", "The Ministry of Housing (MOH) said hackers took data on 2,000 tenants. MOH apologized on Friday.",
     "Ministry of Housing"),
])
def test_org_establishment_heads_and_acronyms_of_every_word(lang, text, victim):
    record = breachnlp.extract(text, lang=lang, published="2024-05-04")
    assert record.organization == victim
    assert victim in [o.name for o in record.organizations]


@pytest.mark.parametrize("lang,text,victim", [
    # the NER reads "<trade> <Brand>" opening a sentence as a person; the brand alone is still a candidate
    ("en", "Jeweller Harwick now says the names and addresses of 52,000 customers were stolen. Harwick learned of the "
           "breach last week from a researcher.", "Harwick"),
    ("fr", "Caviste Berthelot annonce que les noms de 52 000 clients ont été volés. Berthelot a découvert "
           "l'intrusion la semaine dernière.", "Berthelot"),
])
def test_org_a_brand_the_ner_reads_as_a_surname_can_be_the_victim(lang, text, victim):
    record = breachnlp.extract(text, lang=lang, published="2025-05-06")
    assert record.organization == victim


def test_org_a_person_named_in_full_and_then_by_surname_is_no_organization():
    text = ("Hackers stole the names of 8,000 patients of Redfern Valley Hospital, the hospital said on Monday. "
            "Chief executive Dana Whitcombe apologised to patients. Whitcombe said the hospital had restored its systems.")
    record = breachnlp.extract(text, lang="en", published="2025-05-06")
    assert record.organization == "Redfern Valley Hospital"
    assert "Whitcombe" not in [o.name for o in record.organizations]


@pytest.mark.parametrize("lang,text,victim,attacker", [
    # a name the text introduces as an attacker's ("calling himself", "se faisant appeler", "X claimed the
    # attack") is the attacker, never the victim, even when it is named first and most
    ("en", "Someone calling himself GreyHeron says he pulled 40,000 patient files from Larkspur Dental Group. "
           "GreyHeron posted samples on Tuesday; GreyHeron wants money. Larkspur Dental Group is investigating.",
     "Larkspur Dental Group", "GreyHeron"),
    ("en", "Quillfire claimed the attack on Fenwick Memorial Hospital and Quillfire published 2 GB of files. "
           "Fenwick Memorial Hospital confirmed that 9,000 patients were affected.", "Fenwick Memorial Hospital", "Quillfire"),
    ("fr", "Un pirate se faisant appeler Korrigan affirme avoir dérobé les dossiers de 12 000 patients de la clinique "
           "Saint-Aubin. Korrigan a diffusé un extrait ; Korrigan exige de l'argent. La clinique Saint-Aubin a porté plainte.",
     "clinique Saint-Aubin", "Korrigan"),
    ("fr", "Selon la police, Skarnvik a revendiqué l'attaque contre la mutuelle Orvalis, et Skarnvik menace de tout "
           "publier. La mutuelle Orvalis a confirmé la fuite des données de 30 000 adhérents.", "mutuelle Orvalis", "Skarnvik"),
])
def test_org_a_name_introduced_as_the_attacker_is_no_victim(lang, text, victim, attacker):
    record = breachnlp.extract(text, lang=lang, published="2025-05-06")
    assert record.organization == victim
    assert (attacker, "attacker") in [(o.name, o.role) for o in record.organizations]


@pytest.mark.parametrize("lang,text,victims", [
    # claiming members, or trading under another name, is no attacker's claim or alias
    ("fr", "La mutuelle Orvalis, qui revendique 400 000 adhérents, a été victime d'une cyberattaque. "
           "Orvalis a prévenu la CNIL.", ("mutuelle Orvalis", "Orvalis")),
    ("en", "Pellworth Imaging, which also operates under the name Pellworth Women's Care, said hackers took the "
           "records of 5,000 patients. Pellworth Imaging has notified regulators.",
     ("Pellworth Imaging", "Pellworth Women's Care")),
])
def test_org_claiming_members_or_a_trade_name_is_no_attacker(lang, text, victims):
    record = breachnlp.extract(text, lang=lang, published="2025-05-06")
    assert record.organization in victims
    assert "attacker" not in [o.role for o in record.organizations]


def test_org_a_descriptor_before_a_name_led_by_its_acronym_is_no_part_of_it():
    # "l'hôpital gantois AZ Verhaeren": the acronym-led name is whole; "clinique des Lilas" keeps its head
    text = ("L'hôpital gantois AZ Verhaeren a été visé par un rançongiciel touchant 6 000 patients. AZ Verhaeren a "
            "porté plainte, tout comme la clinique des Lilas, touchée l'an dernier.")
    record = breachnlp.extract(text, lang="fr", published="2025-05-06")
    assert record.organization == "AZ Verhaeren"
    assert "clinique des Lilas" in [o.name for o in record.organizations]


@pytest.mark.parametrize("lang,text,victim,unit", [
    # an organization's possessive before another organization's name: two organizations
    ("en", "Hackers stole files from Calder University's School of Nursing, Calder University said. About 4,000 "
           "students were affected, Calder University added.", "Calder University", "School of Nursing"),
])
def test_org_an_owner_with_a_possessive_is_its_own_name(lang, text, victim, unit):
    record = breachnlp.extract(text, lang=lang, published="2025-05-06")
    assert record.organization == victim
    assert unit in [o.name for o in record.organizations]


@pytest.mark.parametrize("lang,text,victim", [
    # a short name that starts a longer one word for word is the same organization, whatever their keys keep
    ("fr", "L'Hospital Sant Pau de Girona a été visé par un rançongiciel. L'Hospital Sant Pau a prévenu 3 000 patients.",
     "Hospital Sant Pau de Girona"),
    ("fr", "La Clinique Vétérinaire de Lorient a subi une attaque. La Clinique Vétérinaire a prévenu 3 000 clients.",
     "Clinique Vétérinaire de Lorient"),
])
def test_org_a_name_that_starts_a_longer_one_is_the_same(lang, text, victim):
    record = breachnlp.extract(text, lang=lang, published="2025-05-06")
    assert record.organization == victim
    assert len([o for o in record.organizations if o.role == "victim"]) == 1


@pytest.mark.parametrize("lang,text,victim", [
    # a name defined by its acronym is whole even with lower-case words in it, and the acronym is its alias
    ("fr", "VARSOVIE – L'Azienda sanitaria territoriale di Ascoli Piceno (ASTAP) a été visée par un rançongiciel. "
           "L'ASTAP a confirmé le vol des dossiers de 40 000 patients.", "Azienda sanitaria territoriale di Ascoli Piceno"),
    ("en", "The Servizio sanitario regionale di Marca (SSRM) said hackers copied files on 12,000 patients. "
           "SSRM has told the police.", "Servizio sanitario regionale di Marca"),
    # a government is an organization, and a date after the acronym does not carry the name on
    ("en", "Ransomware hit the Saint Kitts and Nevis Islands Government (SKNIG) on Tuesday, 4 March, and officials "
           "shut the tax portal. SKNIG has told residents.", "Saint Kitts and Nevis Islands Government"),
    # ... and a name written head first ends on its complement: its "and" goes on with it
    ("en", "Files on 3,000 drivers were misprinted, the Ministry of Government and Consumer Services said on Friday.",
     "Ministry of Government and Consumer Services"),
    ("fr", "Le gouvernement de Sainte-Hélène a confirmé qu'un rançongiciel avait chiffré ses serveurs mercredi.",
     "gouvernement de Sainte-Hélène"),
])
def test_org_a_name_defined_by_its_acronym_is_whole(lang, text, victim):
    record = breachnlp.extract(text, lang=lang, published="2025-05-06")
    assert record.organization == victim
    assert len([o for o in record.organizations if o.role == "victim"]) == 1


@pytest.mark.parametrize("lang,text,kind", [
    # an acronym that names a kind, a programme or a law defines no organization
    ("fr", "Le Centre intégré de santé et de services sociaux (CISSS) de Lanaudière-Sud a subi une fuite touchant "
           "9 000 usagers.", "Centre intégré de santé et de services sociaux"),
    ("fr", "Les données du Programme d'aide aux employés et à leur famille (PAEF) de la société Norvic ont fuité : "
           "4 000 salariés sont touchés, a indiqué Norvic.", "Programme d'aide aux employés et à leur famille"),
])
def test_org_an_acronym_of_a_kind_or_a_programme_defines_no_organization(lang, text, kind):
    record = breachnlp.extract(text, lang=lang, published="2025-05-06")
    assert record.organization != kind
    assert kind not in [o.name for o in record.organizations]


@pytest.mark.parametrize("lang,text,victim,acronym", [
    # an acronym that makes a data term with the word beside it ("HIV status", « statut VIH ») names data
    ("en", "Dating app shared HIV status of users\n\nThe dating app Moravo passed its members' HIV status to two "
           "analytics firms, researchers said on Monday. The HIV status travelled with e-mail addresses.",
     "Moravo", "HIV"),
    ("fr", "L'application Moravo a transmis le statut VIH de ses membres\n\nL'application de rencontres Moravo a "
           "transmis le statut VIH de ses membres à deux sociétés d'analyse, ont indiqué lundi des chercheurs. Le "
           "statut VIH circulait avec les adresses e-mail.", "Moravo", "VIH"),
    # ... or qualifies a data word, or is joined to an adjective
    ("en", "Clinic fined for faxing a patient's HIV diagnosis to his landlord\n\nThe regulator fined the Tallis "
           "Health Centre on Monday. An HIV-positive man had complained that Tallis Health Centre faxed his HIV "
           "diagnosis to the wrong number.", "Tallis Health Centre", "HIV"),
    ("fr", "Le diagnostic VIH d'un patient faxé à son propriétaire\n\nLe régulateur a sanctionné lundi le centre de "
           "santé Tallis. Un patient avait dénoncé l'envoi de son diagnostic VIH au mauvais numéro par le centre de "
           "santé Tallis.", "centre de santé Tallis", "VIH"),
])
def test_org_an_acronym_spelling_a_data_term_with_its_neighbour_is_no_victim(lang, text, victim, acronym):
    record = breachnlp.extract(text, lang=lang, published="2024-05-10")
    assert record.organization == victim
    assert acronym not in [o.name for o in record.organizations]


@pytest.mark.parametrize("lang,text,victim", [
    # a parent cue's word heads the name right after it, not a later one of the sentence
    ("fr", "Sur son site, le groupe Nordwolves a ajouté samedi la Clinique Bellerive à sa liste de victimes. La "
           "Clinique Bellerive, à Lyon, n'a pas réagi.", "Clinique Bellerive"),
    ("en", "As part of a review, the Harlow Trust found that Bellerive Clinic had lost the files of 300 patients. "
           "Bellerive Clinic apologised on Friday.", "Bellerive Clinic"),
])
def test_org_a_parent_cue_belongs_to_the_name_it_heads(lang, text, victim):
    record = breachnlp.extract(text, lang=lang, published="2024-03-04")
    assert record.organization == victim
    assert record.parent_organization is None


def test_org_a_parenthesised_acronym_joins_only_a_name_it_abbreviates():
    # "(DMS)" abbreviates "Doctors' Management Service", not the "Management Service" cut from it;
    # a plural possessive between two organizations cuts them ("Human Services' Office for Civil Rights")
    text = ("The Department of Health and Human Services' Office for Civil Rights (OCR) said Doctors' Management "
            "Service (DMS) will pay $90,000 over a ransomware attack affecting 150,000 people. DMS agreed.")
    record = breachnlp.extract(text, lang="en", published="2025-05-06")
    assert record.organization == "Doctors' Management Service"
    assert "Office for Civil Rights" in [o.name for o in record.organizations]


@pytest.mark.parametrize("lang,text", [
    # a data protection authority named in its own language is a regulator, never the victim
    ("en", "The Datatilsynet fined Vestby Helse after staff viewed the records of 1,200 patients, the Datatilsynet said. "
           "Vestby Helse accepted the fine."),
    ("fr", "L'Autoriteit Persoonsgegevens a infligé une amende au Bravis Ziekenhuis : des employés ont consulté les "
           "dossiers de 1 200 patients, selon l'Autoriteit Persoonsgegevens."),
])
def test_org_a_data_protection_authority_in_its_own_language_is_a_regulator(lang, text):
    record = breachnlp.extract(text, lang=lang, published="2025-05-06")
    regulators = [o.name for o in record.organizations if o.role == "regulator"]
    assert regulators and record.organization not in regulators


@pytest.mark.parametrize("lang,text,victim", [
    # a forum post writes names in lower case: the NER's reading of a name it repeats is a candidate
    ("en", "so halvorsen pharmacy got hit, anyone else get the email?\nthey say someone got into their customer system "
           "last week. halvorsen pharmacy says names and emails of about 40k customers were copied. no card data "
           "apparently. halvorsen pharmacy hasn't said more. classic.", "halvorsen pharmacy"),
    ("fr", "bon ben c'est au tour de pharmavalis 🙃\nils ont envoyé un mail hier soir. pharmavalis dit que les noms et "
           "les mails de 40 000 clients ont été copiés. pas de données bancaires d'après eux. on verra bien. "
           "pharmavalis a porté plainte apparemment.", "pharmavalis"),
])
def test_org_a_forum_post_names_the_victim_in_lower_case(lang, text, victim):
    assert breachnlp.extract(text, lang=lang, published="2025-05-06").organization == victim


@pytest.mark.parametrize("text,victim", [
    # a place cut off a regulator's name ("NSW" of "NSW Privacy Commissioner") joins the victim's
    # cluster by its first word: it gives that cluster no regulator role
    ("Files on 2,000 flood victims held by the NSW Flood Recovery Agency were leaked online. The NSW Flood Recovery "
     "Agency apologized on Tuesday and has informed the NSW Privacy Commissioner. NSW Privacy Commissioner Jane Ode "
     "said her office was monitoring the agency.", "NSW Flood Recovery Agency"),
    ("The Victorian Housing Agency said names of 900 tenants were exposed. The Victorian Housing Agency has notified "
     "the Victorian Information Commissioner, and Victorian Information Commissioner staff are reviewing the case.",
     "Victorian Housing Agency"),
])
def test_org_a_regulator_sharing_the_victims_place_word_leaves_it_the_victim(text, victim):
    assert breachnlp.extract(text, lang="en", published="2025-05-06").organization == victim


@pytest.mark.parametrize("lang,text,victim,acronym", [
    # a quoted acronym in parentheses after a name is that name's short form
    ("en", 'Larkspur Billing Services, LLC ("LBS") is writing on behalf of Fernhill Clinic ("Fernhill") about an '
           'incident at LBS. LBS handles billing for Fernhill Clinic. On May 2, LBS found that an employee email '
           "account had been accessed. Fernhill Clinic patients' names and insurance numbers were in it. Fernhill "
           "Clinic was informed on May 20.", "Larkspur Billing Services, LLC", "LBS"),
    ("fr", "La société Quillon Gestion Médicale (« QGM ») vous écrit au nom de la clinique Fernhill au sujet d'un "
           "incident chez QGM. QGM gère la facturation de la clinique Fernhill. Le 2 mai, QGM a découvert qu'un "
           "compte de messagerie avait été consulté. Les noms et numéros d'assurance de patients de la clinique "
           "Fernhill s'y trouvaient. La clinique Fernhill a été prévenue le 20 mai.", "Quillon Gestion Médicale", "QGM"),
])
def test_org_a_quoted_acronym_in_parentheses_is_the_names_short_form(lang, text, victim, acronym):
    record = breachnlp.extract(text, lang=lang, published="2025-06-01")
    assert record.organization == victim
    assert acronym not in [o.name for o in record.organizations]


@pytest.mark.parametrize("lang,text", [
    # "Medicine" heads a health system's name: "X Medicine" is not the "University of X" around it
    ("en", "Harlow Medicine, the University of Harlow's academic medical center, is writing to 2,400 patients whose "
           "names reached the wrong mailbox. Harlow Medicine found the mix-up on June 3. The University of Harlow "
           "said no financial data was involved."),
    ("fr", "Harlow Medicine, le centre médical de l'University of Harlow, écrit à 2 400 patients dont les noms sont "
           "arrivés dans la mauvaise boîte aux lettres. Harlow Medicine a découvert l'erreur le 3 juin. L'University "
           "of Harlow précise qu'aucune donnée bancaire n'est en cause."),
])
def test_org_a_medicine_named_health_system_is_not_its_university(lang, text):
    assert breachnlp.extract(text, lang=lang, published="2025-06-20").organization == "Harlow Medicine"


def test_org_a_descriptor_after_an_indefinite_article_names_nothing():
    # "d'une clinique de Valdria": a clinic there, described; the name comes later
    text = ("LISBONNE, 3 mai (AFP) – Les dossiers de 5 000 patients d'une clinique de Valdria, dans le sud du pays, "
            "ont fuité après une cyberattaque, ont indiqué lundi les autorités.\n\nLa clinique Santa Luzia, "
            "spécialisée en pédiatrie, a été frappée mercredi dernier.")
    record = breachnlp.extract(text, lang="fr", published="2025-05-06")
    assert record.organization == "clinique Santa Luzia"
    assert "clinique de Valdria" not in [o.name for o in record.organizations]


@pytest.mark.parametrize("lang,parent,text", [
    # "clients de sa filiale (mobile), X": the data is the unit's, the unit is the victim
    ("fr", "Ardenne Télécom", "Le groupe Ardenne Télécom a confirmé avoir perdu le contrôle des données de 3 millions de clients de sa "
           "filiale mobile, Velto Mobile.\n\nArdenne Télécom a révélé l'affaire le samedi 4 octobre. Ardenne Télécom "
           "précise que les noms, adresses et numéros de téléphone figuraient dans le fichier. Ardenne Télécom a porté "
           "plainte."),
    ("en", "Ardenne Telecom", "The Ardenne Telecom group confirmed it had lost control of the records of 3 million customers of its "
           "subsidiary, Velto Mobile.\n\nArdenne Telecom disclosed the breach on Saturday, October 4. Ardenne Telecom "
           "said names, addresses and phone numbers were in the file. Ardenne Telecom has filed a complaint."),
])
def test_org_the_unit_whose_customers_data_was_lost_is_the_victim_and_its_parent_speaks_for_it(lang, parent, text):
    from breachnlp.api import make_doc
    from breachnlp.components.assemble.linking import AssemblySettings, _context, _sentence

    nlp = breachnlp.load(lang)
    doc = nlp(make_doc(nlp, text, "2025-10-08"))
    record = doc._.breach
    assert (record.organization, record.parent_organization) == ("Velto Mobile", parent)
    assert record.date.disclosed == "2025-10-04"
    # a sentence naming only the parent is about the breach, as the victim's own are
    orgs = list(doc.spans["breach_org"])
    parent_only = {_sentence(s) for s in orgs if s._.org_role == "parent"} - {
        _sentence(s) for s in orgs if s._.org_role == "victim"}
    context = _context(doc, orgs, AssemblySettings(lang))
    assert parent_only and all(context.weight(i) >= 2.0 for i in parent_only)


@pytest.mark.parametrize("lang,text,victim", [
    # an information regulator is a regulator by the shape of its name
    ("en", "The Information Regulator has fined the Department of Home Affairs over a 2022 breach. The Information "
           "Regulator said the Department of Home Affairs had failed to renew its security software. The Information "
           "Regulator issued the fine on July 3. The Department of Home Affairs lost about 900 files.",
     "Department of Home Affairs"),
    ("fr", "Le Régulateur de l'information a infligé une amende au ministère de l'Intérieur pour une fuite de 2022. "
           "Selon le Régulateur de l'information, le ministère de l'Intérieur n'avait pas renouvelé ses logiciels de "
           "sécurité. Le Régulateur de l'information a prononcé l'amende le 3 juillet. Le ministère de l'Intérieur a "
           "perdu environ 900 fichiers.", "ministère de l'Intérieur"),
])
def test_org_an_information_regulator_is_no_victim(lang, text, victim):
    record = breachnlp.extract(text, lang=lang, published="2023-07-10")
    assert record.organization == victim
    assert all(o.role != "victim" for o in record.organizations if "gulat" in o.name)


def test_org_a_name_with_its_head_in_the_other_language_is_the_same_organization():
    # « hôpital Wexley » and « Wexley Hospital » in a French text: one organization
    text = ("Des lettres de patients de l'hôpital Wexley étaient en ligne. Le Wexley Hospital, à Londres, a retiré "
            "les fichiers. L'hôpital Wexley s'est excusé.")
    record = breachnlp.extract(text, lang="fr", published="2024-06-14")
    assert [o.name for o in record.organizations] == ["hôpital Wexley"]


@pytest.mark.parametrize("lang,text,victim,parent", [
    # "the owner of X", « le groupe … propriétaire du X »: X is the unit, the group its parent
    ("fr", "L'hôpital Wexley a laissé en ligne des lettres de patients. L'ICO a infligé mardi une amende à Norcare "
           "Group, le groupe de santé propriétaire du Wexley Hospital, à Londres. L'hôpital Wexley s'est excusé auprès "
           "des patients.", "hôpital Wexley", "Norcare Group"),
    ("en", "Hudson Cove Group, the Toronto-based owner of Fenwick Stores, said Sunday that hackers stole card data from "
           "Fenwick Stores. Hudson Cove Group said about 5 million cards may be affected.", "Fenwick Stores",
     "Hudson Cove Group"),
])
def test_org_the_owner_of_the_breached_unit_is_its_parent(lang, text, victim, parent):
    record = breachnlp.extract(text, lang=lang, published="2024-06-14")
    assert (record.organization, record.parent_organization) == (victim, parent)


def test_org_lower_case_words_of_an_edited_text_are_no_names():
    # in an edited text (sentences open with capitals) a lower-case phrase stays a common noun
    text = ("Hackers stole data on 40,000 customers of Halvorsen Pharmacy. The pharmacy chain said the "
            "customer system was breached last week. Halvorsen Pharmacy has informed the regulator. "
            "The customer system is back online. Customers were told by email.")
    record = breachnlp.extract(text, lang="en", published="2025-05-06")
    assert record.organization == "Halvorsen Pharmacy"
    assert not [o.name for o in record.organizations if o.name.islower()]


@pytest.mark.parametrize("lang,text,victim", [
    # a table's cells are names of their own
    ("fr", "Fiche de l'incident\n\n| Élément | Détail |\n|---|---|\n| Organisation | Norvique Santé SA |\n| Personnes | "
           "12 000 |\n\nNorvique Santé SA a confirmé le vol des données de 12 000 patients.", "Norvique Santé SA"),
    # "X-headquartered", like "X-based", says where a firm sits, not its name
    ("en", "Oslo-headquartered Fjordline Health said hackers stole data on 8,000 patients. Fjordline Health is "
           "notifying them.", "Fjordline Health"),
    # a long form may open with a lower-case descriptor ("centre hospitalier ... (CHBV)")
    ("fr", "Le centre hospitalier du Bas-Vivarais (CHBV) a été victime d'une cyberattaque. Le CHBV a porté plainte.",
     "centre hospitalier du Bas-Vivarais"),
])
def test_org_cells_places_and_descriptors_around_a_name(lang, text, victim):
    assert breachnlp.extract(text, lang=lang, published="2025-05-06").organization == victim


def test_org_a_one_word_form_does_not_chain_two_longer_names():
    # "Halden" may be "Halden General Hospital"; it does not make "Halden Eye Surgery Center" the same
    text = ("Hackers hit Halden General Hospital on Monday. Halden General Hospital said files on 9,000 patients "
            "were taken. Halden said its clinics kept running. Halden Eye Surgery Center, a separate practice, "
            "was not affected, Halden General Hospital added.")
    record = breachnlp.extract(text, lang="en", published="2025-05-06")
    assert record.organization == "Halden General Hospital"
    assert "Halden Eye Surgery Center" in [o.name for o in record.organizations if o.role != "victim"]


def test_org_a_forum_post_capitalizing_a_name_once_names_it_in_lower_case_after():
    text = ("Brightleaf Outfitters leak real? got an email\n\nok so i got the alert this morning. who: brightleaf "
            "outfitters, plus the loyalty app. what: names, emails, addresses. brightleaf outfitters says no card "
            "numbers. someone on a forum claims 9M rows lol. brightleaf outfitters hasn't given a number.")
    record = breachnlp.extract(text, lang="en", published="2025-05-06")
    assert record.organization == "Brightleaf Outfitters"


@pytest.mark.parametrize("lang,text,unit", [
    # a unit after its figure is no organization
    ("fr", "Les pirates affirment avoir dérobé 90 Go de données au CHU de Brest. Le CHU de Brest confirme.", "Go"),
    ("en", "The hackers say they took 2 TB from Ormeau Clinic. Ormeau Clinic confirmed a breach.", "TB"),
])
def test_org_a_unit_after_a_figure_is_no_organization(lang, text, unit):
    record = breachnlp.extract(text, lang=lang, published="2025-05-06")
    assert unit not in [o.name for o in record.organizations]


def test_org_an_elided_function_word_opening_a_sentence_is_no_part_of_a_name():
    # "S'agissant de X", "D'après X": the capital is the sentence's; "L'Assistance ..." keeps its name
    text = ("S'agissant de Norvique Télécom, l'amende est de 2 millions d'euros. D'après Norvique Télécom, "
            "les données de 40 000 abonnés ont été copiées. Norvique Télécom a fait appel.")
    record = breachnlp.extract(text, lang="fr", published="2025-05-06")
    assert record.organization == "Norvique Télécom"
    assert not [o.name for o in record.organizations if o.name.startswith(("S'agissant", "D'après"))]



@pytest.mark.parametrize("lang,title,text,victim", [
    # a title naming the topic is no organization, and the cyber agency a victim reports to is an authority
    ("en", "Cyber Security Incident",
     "Harbourview Eye Clinic — Notice to our patients\n\nSomeone got into our practice email account. We have "
     "reported the incident to the Northland Cyber Security Centre (NCSC) and to the privacy commissioner.\n\n"
     "Kind regards,\n\nPractice Manager\nHarbourview Eye Clinic", "Harbourview Eye Clinic"),
    ("fr", "Cybersécurité",
     "Clinique des Hêtres — Avis à nos patients\n\nUne personne est entrée dans notre messagerie. Nous avons "
     "signalé l'incident au Centre national de cybersécurité et à la commission de protection des données.\n\n"
     "Cordialement,\n\nLa direction\nClinique des Hêtres", "Clinique des Hêtres"),
])
def test_org_a_topic_title_and_a_cyber_agency_are_not_the_victim(lang, title, text, victim):
    assert breachnlp.extract(text, lang=lang, title=title).organization == victim


@pytest.mark.parametrize("text,victim,parent", [
    # "X's cybercrime unit": X owns the unit, it is no unit of the victim (English possessive only)
    ("Hackers broke into the email of a doctor at Larkin Health, Larkin Health said. The Dover Police Service's "
     "cybercrime unit is investigating.", "Larkin Health", None),
    ("Larkin Dental, a unit of Orvia Group, said hackers stole patient files.", "Larkin Dental", "Orvia Group"),
])
def test_org_a_possessive_before_unit_is_no_subsidiary(text, victim, parent):
    import breachnlp

    record = breachnlp.extract(text, lang="en", published="2024-06-14")
    assert (record.organization, record.parent_organization) == (victim, parent)


@pytest.mark.parametrize("lang,text,name,role", [
    # a statute is no organization; a police force is a public authority, reported as a regulator
    ("en", "Hackers stole patient files from Arvel Hospital. The Data Protection Act requires notice, and the Data "
           "Protection Act applies here.", "Data Protection Act", None),
    ("fr", "Des pirates ont volé des dossiers à l'hôpital Arvel. Le Code de la santé publique impose le secret, "
           "rappelle le Code de la santé publique.", "Code de la santé publique", None),
    ("en", "Patient records of Arvel Hospital were sold online, the Australian Federal Police said. The Australian "
           "Federal Police arrested a man.", "Australian Federal Police", "regulator"),
    ("fr", "Les dossiers de l'hôpital Arvel ont été vendus en ligne, selon la Police fédérale. La Police fédérale "
           "a arrêté un homme.", "Police fédérale", "regulator"),
])
def test_org_statutes_are_no_organizations_and_police_is_an_authority(lang, text, name, role):
    import breachnlp

    record = breachnlp.extract(text, lang=lang, published="2024-06-14")
    assert record.organization in ("Arvel Hospital", "hôpital Arvel")
    assert {o.name: o.role for o in record.organizations}.get(name) == role


@pytest.mark.parametrize("lang,text,victim", [
    # a conjunction opening the sentence (after a dateline too) carries the sentence's capital, not the name's
    ("en", "HALVERTON, Ont. — When Kessel Valley Health posted a short notice about a breach, few people read it. "
           "Kessel Valley Health said hackers copied files of 9,000 patients.", "Kessel Valley Health"),
    ("en", "After Dunmore Orthodontics confirmed the ransomware attack, patients called the office. Dunmore "
           "Orthodontics said 2,300 files were copied.", "Dunmore Orthodontics"),
    ("fr", "Lorsque Optivue Santé a découvert la fuite, les pirates avaient déjà copié 9 000 dossiers de patients. "
           "Optivue Santé a porté plainte.", "Optivue Santé"),
])
def test_org_a_conjunction_opening_a_sentence_is_no_part_of_a_name(lang, text, victim):
    assert breachnlp.extract(text, lang=lang, published="2025-05-06").organization == victim


@pytest.mark.parametrize("lang,text,victim", [
    # the surname of a researcher named in full inside a sentence is a person, never the victim
    ("en", "Security researcher Tobias Wrenfield says he found an open database of Lumora Vision, an eye-care "
           "software firm, holding 2 million records. Wrenfield alerted the firm and Wrenfield says access was cut.",
     "Lumora Vision"),
    ("fr", "Le chercheur en sécurité Tobias Wrenfield a trouvé une base ouverte du laboratoire Lumora Santé, avec "
           "2 millions de fiches de patients. Wrenfield a prévenu le laboratoire, explique Wrenfield.",
     "laboratoire Lumora Santé"),
])
def test_org_a_researchers_surname_is_no_organization(lang, text, victim):
    record = breachnlp.extract(text, lang=lang, published="2025-05-06")
    assert record.organization == victim
    assert "Wrenfield" not in [o.name for o in record.organizations]


@pytest.mark.parametrize("lang,text,victim,absent", [
    # an acronym defined as a lower-case common phrase names a thing; a bracket the NER left open is no
    # part of a name; a shouted contraction is no name
    ("fr", "Des employés de l'hôpital Varenne vendaient les coordonnées des mères à des vendeurs de régimes "
           "enregistrés d'épargne-études (REEE). Les vendeurs de REEE appelaient ensuite les familles.",
     "hôpital Varenne", "REEE"),
    ("en", "Hackers stole protected health information (PHI) of 4,000 Varenne Clinic patients. The PHI included "
           "names.", "Varenne Clinic", "PHI"),
    ("en", "the Varenne Clinic leak is real. what they DON'T say: how many patients. Varenne Clinic confirmed "
           "the breach.", "Varenne Clinic", "DON'T"),
])
def test_org_defined_common_acronyms_and_contractions_are_no_names(lang, text, victim, absent):
    record = breachnlp.extract(text, lang=lang, published="2025-05-06")
    assert record.organization == victim
    assert absent not in [o.name for o in record.organizations]


def test_org_an_unclosed_bracket_is_no_part_of_a_name():
    from breachnlp.components.org.rules import org_rules

    rules = org_rules("en")
    text = "The Data Protection Commission fined Varenne Bank of Ireland (VBI"
    start = text.index("Varenne")
    assert text[slice(*rules._trim_entity(text, start, len(text)))] == "Varenne Bank of Ireland"


@pytest.mark.parametrize("lang,text,victim", [
    # the street of the letterhead's address is no candidate; the writer is the victim (the NER reads
    # the town under it as a place)
    ("en", "KESTREL HEART CLINIC\nMarlow Boulevard\nHilo, Hawaii\n\nMay 2, 2023\n\nDear Patient,\n\nOn April 20 our "
           "office was broken into and a laptop holding your name was stolen. We apologize.\n\nKestrel Heart Clinic",
     "Kestrel Heart Clinic"),
    ("fr", "CLINIQUE VALDORNE\nBoulevard Marceau\n35000 Rennes\n\nLe 2 mai 2023\n\nMadame, Monsieur,\n\nLe 20 avril, "
           "nos locaux ont été cambriolés et un ordinateur contenant votre nom a été volé. Nous vous présentons nos "
           "excuses.\n\nClinique Valdorne", "Clinique Valdorne"),
])
def test_org_a_letterheads_street_is_no_organization(lang, text, victim):
    record = breachnlp.extract(text, lang=lang, published="2023-05-05")
    assert record.organization.lower() == victim.lower()
    assert not any("Boulevard" in o.name for o in record.organizations)


@pytest.mark.parametrize("lang,text,victim,absent", [
    # in a letterhead, a department word and lower-case words under the organization's name is its unit
    ("fr", "Clinique Ravel\nService relations patients\n\nParis, le 3 mars 2025\n\nMadame, Monsieur,\n\nNous vous "
           "informons que la Clinique Ravel a subi une intrusion.\n\nLa Clinique Ravel",
     "Clinique Ravel", "Service relations patients"),
    ("en", "Ravel Health\nDepartment of patient relations\n\nMarch 3, 2025\n\nDear Patient,\n\nWe are writing to tell "
           "you that Ravel Health suffered a breach.\n\nRavel Health", "Ravel Health", "Department of patient relations"),
    # ... and so is one written in Title Case, under a name the first line does not hold alone
    ("en", "Ravel University School of Nursing\nOffice of Privacy\n\nMarch 3, 2025\n\nDear Student,\n\nWe are "
           "writing to tell you that a laptop holding your name was stolen from the School of Nursing.\n\nSincerely,",
     "School of Nursing", "Office of Privacy"),
    ("fr", "Groupe hospitalier Ravel, site de Lyon\nService Relations Patients\n\nLyon, le 3 mars 2025\n\nMadame, Monsieur,"
           "\n\nNous vous informons qu'un ordinateur contenant votre nom a été volé.\n\nCordialement,",
     "Groupe hospitalier Ravel", "Service Relations Patients"),
])
def test_org_a_letterhead_unit_is_no_organization(lang, text, victim, absent):
    record = breachnlp.extract(text, lang=lang, published="2025-05-06")
    assert record.organization == victim
    assert absent not in [o.name for o in record.organizations]


def test_org_an_official_body_named_in_the_french_way_stays_a_name():
    # French official names capitalize their first word only: in running text they are names
    record = breachnlp.extract("Le Service national des examens a été piraté : les notes de 40 000 candidats ont "
                               "fuité. Le Service national des examens a porté plainte.", lang="fr",
                               published="2025-05-06")
    assert record.organization == "Service national des examens"


@pytest.mark.parametrize("lang,text,victim,parent", [
    # "X, its online grocery service": X is the owner's unit, the breached one, and the owner its parent
    ("en", "E-commerce group Marlo has confirmed that data from 800,000 accounts of Basketly, its online grocery "
           "service, was taken from an old database. Marlo said the data was out of date.", "Basketly", "Marlo"),
    ("fr", "Le groupe Marlo a confirmé que les données de 800 000 comptes de Panier Frais, sa marque d'épicerie en "
           "ligne, ont été dérobées. Marlo assure que les données étaient anciennes.", "Panier Frais", "Marlo"),
])
def test_org_a_unit_named_in_apposition_is_the_victim(lang, text, victim, parent):
    record = breachnlp.extract(text, lang=lang, published="2025-05-06")
    assert (record.organization, record.parent_organization) == (victim, parent)


@pytest.mark.parametrize("lang,text,victim", [
    # a subsidiary named in passing, with no evidence of its own, leaves the breach with its owner
    ("en", "Brightwater Benefits Group said hackers stole data on 90,000 members from its servers. The company and "
           "its subsidiary Corlane Payroll serve 4,000 employers. Brightwater Benefits Group is notifying members.",
     "Brightwater Benefits Group"),
    ("fr", "La mutuelle Arvane a indiqué que des pirates ont volé les données de 90 000 adhérents sur ses serveurs. "
           "La mutuelle et sa filiale Corlane Prévoyance couvrent 4 000 entreprises. La mutuelle Arvane prévient "
           "ses adhérents.", "mutuelle Arvane"),
])
def test_org_a_subsidiary_named_in_passing_leaves_the_breach_with_its_owner(lang, text, victim):
    assert breachnlp.extract(text, lang=lang).organization == victim


@pytest.mark.parametrize("lang,text,victim", [
    # a name only ever written after a preposition of place is where something is, not the victim
    ("en", "A care home in County Fermanagh has been fined £12,000 after a laptop holding files of 60 residents was "
           "stolen. Lakeview House Care Home did not encrypt the laptop.", "Lakeview House Care Home"),
    ("fr", "Une clinique privée située dans le Hainaut-Occidental a été piratée. La clinique Sainte-Odile a "
           "confirmé le vol des dossiers de 600 patients.", "clinique Sainte-Odile"),
])
def test_org_a_place_after_a_locative_preposition_is_not_the_victim(lang, text, victim):
    assert breachnlp.extract(text, lang=lang, published="2025-05-06").organization == victim


@pytest.mark.parametrize("lang,title,text,victim", [
    # an adjective opening a headline carries the headline's capital, not the name's
    ("en", "Unprotected Norwell Diagnostics database left 9,000 patient files open",
     "A researcher found that Norwell Diagnostics had left a database without a password.", "Norwell Diagnostics"),
    ("fr", "Nouvelle fuite chez Clinéa Santé : 9 000 dossiers exposés",
     "Un chercheur a découvert que Clinéa Santé avait laissé une base sans mot de passe.", "Clinéa Santé"),
])
def test_org_an_adjective_opening_a_headline_is_no_part_of_a_name(lang, title, text, victim):
    assert breachnlp.extract(text, title=title, lang=lang, published="2025-05-06").organization == victim


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_org_a_firm_named_after_two_people_joined_by_an_ampersand_stays_whole(lang):
    # the NER may read each surname as a person; after "&" the second one is no person cutting the name
    from breachnlp.components.org.rules import org_rules

    text = "Harlan & Dubreuil confirmed the breach." if lang == "en" else "Harlan & Dubreuil a confirmé la fuite."
    persons = [(0, 6, "PER"), (9, 17, "PER")]
    names = [m.text for m in org_rules(lang).mentions(text, persons)]
    assert "Harlan & Dubreuil" in names


@pytest.mark.parametrize("lang,text,victim", [
    # incident words a caption or a headline glues to a name are no part of it
    ("en", "IN RE: HARTWELL DIAGNOSTICS DATA BREACH LITIGATION\n\nThe court approved a settlement. Hartwell Diagnostics "
           "Data Breach Litigation covers 40,000 patients whose files Hartwell Diagnostics lost.", "Hartwell Diagnostics"),
    ("fr", "Hack de la Clinique Varenne : les dossiers de 4 000 patients en ligne\n\nLa Clinique Varenne a confirmé "
           "l'intrusion.", "Clinique Varenne"),
])
def test_org_incident_words_glued_to_a_name_are_cut(lang, text, victim):
    assert breachnlp.extract(text, lang=lang, published="2025-05-06").organization == victim


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_org_a_headline_name_the_ner_calls_a_person_but_the_body_never_names_stays_a_candidate(lang):
    # "First Last" the NER reads as a person counts as a person only where the body names it so too
    from breachnlp.components.org.rules import org_rules

    body = ("posted by anon\n\nfor those who don't follow the news: the clinic chain got hit last week."
            if lang == "en" else "posté par anon\n\npour ceux qui ne suivent pas : la chaîne de cabinets a été piratée.")
    text = "Varde Lægehus leak is out\n\n" + body
    names = [m.text for m in org_rules(lang).mentions(text, [(0, 13, "PERSON" if lang == "en" else "PER")])]
    assert "Varde Lægehus" in names


@pytest.mark.parametrize("lang,text,victim", [
    # a consumer-protection agency fining a firm is its regulator, not the breached one
    ("en", "The Oregon Division of Consumer Affairs fined Harlow Transcription $75,000 after it left the files of "
           "4,200 patients on an open server. The Oregon Division of Consumer Affairs said Harlow Transcription "
           "failed to protect the data.", "Harlow Transcription"),
    ("fr", "L'Office de protection des consommateurs du Québec a imposé une amende à Transcriptions Harlow, qui "
           "avait laissé les dossiers de 4 200 patients sur un serveur ouvert. L'Office de protection des "
           "consommateurs reproche à Transcriptions Harlow de ne pas avoir protégé les données.",
     "Transcriptions Harlow"),
])
def test_org_a_consumer_protection_agency_is_a_regulator(lang, text, victim):
    import breachnlp

    assert breachnlp.extract(text, lang=lang, published="2024-06-17").organization == victim


@pytest.mark.parametrize("lang,text,victim", [
    # the NER cuts the regulator's title off its name ("Commissioner for" + "Personal Data Protection"):
    # the words right before the name give it its shape, a regulator's
    ("en", "Malta's Commissioner for Personal Data Protection has opened an inquiry into a ransomware attack on "
           "Saint Luke Dental Clinic, which confirmed on Monday that patient files were stolen.",
     "Saint Luke Dental Clinic"),
    ("fr", "Le Commissaire à la Protection des Données Personnelles a ouvert une enquête sur la cyberattaque visant "
           "la clinique Beaulieu, qui a confirmé lundi le vol de dossiers de patients.", "clinique Beaulieu"),
])
def test_org_a_regulator_cut_from_its_title_is_still_a_regulator(lang, text, victim):
    record = breachnlp.extract(text, lang=lang, published="2024-06-14")
    assert record.organization == victim
    others = [o for o in record.organizations if o.name != victim]
    assert others and all(o.role == "regulator" for o in others)


@pytest.mark.parametrize("lang,text,victim,malware", [
    # a malware named right after its kind is the attack's tool, never another victim
    ("fr", "Le cabinet de radiologie Varenne a payé une rançon après une attaque du rançongiciel CryptoLocker le "
           "3 mai : les dossiers de 2 000 patients étaient chiffrés.", "cabinet de radiologie Varenne", "CryptoLocker"),
    ("en", "Harbor Lane Dental paid a ransom after the ransomware CryptoLocker encrypted the files of 2,000 patients "
           "on May 3.", "Harbor Lane Dental", "CryptoLocker"),
])
def test_org_a_malware_named_after_its_kind_is_the_attacker(lang, text, victim, malware):
    record = breachnlp.extract(text, lang=lang, published="2024-06-14")
    assert record.organization == victim
    assert (malware, "attacker") in [(o.name, o.role) for o in record.organizations]


def test_org_a_headline_topic_before_a_colon_names_no_malware():
    record = breachnlp.extract("Rançongiciel : la mairie de Castelbrune paralysée\n\nLa mairie de Castelbrune a été "
                               "frappée lundi par un rançongiciel qui a chiffré ses serveurs.", lang="fr",
                               published="2024-06-14")
    assert record.organization and "Castelbrune" in record.organization


@pytest.mark.parametrize("lang,text,victim", [
    # the place after "en" / "in" says where the organization is, not part of its name
    ("fr", "Le réseau d'imagerie Varelis, installé en Floride, a confirmé une cyberattaque. Les pirates ont visé "
           "Varelis en Floride le 3 mai et copié les dossiers de 7 000 patients.", "Varelis"),
    ("fr", "Une cyberattaque a touché la clinique Sainte-Odile en Alsace : les dossiers de 2 000 patients ont été "
           "copiés.", "clinique Sainte-Odile"),
    ("en", "A cyberattack hit Sainte Odile Clinic in Alsace: the files of 2,000 patients were copied.",
     "Sainte Odile Clinic"),
])
def test_org_a_place_after_en_or_in_is_no_part_of_the_name(lang, text, victim):
    assert breachnlp.extract(text, lang=lang, published="2024-06-14").organization == victim


@pytest.mark.parametrize("lang,text,victim", [
    # a legal form in brackets is part of the name before it, no name of its own
    ("fr", "Korrin Payments (Pty) Ltd\n\nChère cliente, cher client,\n\nKorrin Payments (Pty) Ltd vous informe qu'un "
           "tiers a accédé sans autorisation à certaines de vos données. Korrin Payments a déposé plainte.",
     "Korrin Payments"),
    ("en", "Korrin Payments (Pty) Ltd\n\nDear customer,\n\nKorrin Payments (Pty) Ltd is writing to tell you that an "
           "outside party gained access to some of your data. Korrin Payments has told the regulator.",
     "Korrin Payments"),
])
def test_org_a_bracketed_legal_form_is_no_name(lang, text, victim):
    record = breachnlp.extract(text, lang=lang, published="2025-03-14")
    assert record.organization == victim
    assert not any(o.name == "Pty" for o in record.organizations)


@pytest.mark.parametrize("lang,title,text,victim", [
    # the name after a title's dash is the story's subject when the body names it again and again
    ("en", "Notice of a fine – Vellmar Water Board",
     "Controller: Vellmar Water Board\n\nThe data protection authority intends to fine Vellmar Water Board over "
     "a ransomware attack. In March, Vellmar Water Board lost the records of its customers to the attackers.",
     "Vellmar Water Board"),
    ("fr", "Avis d'amende – Mutuelle Vellmar",
     "Responsable du traitement : Mutuelle Vellmar\n\nL'autorité de protection des données entend "
     "sanctionner Mutuelle Vellmar après un rançongiciel. En mars, Mutuelle Vellmar a perdu "
     "les fichiers de ses abonnés.", "Mutuelle Vellmar"),
])
def test_org_a_title_site_the_body_keeps_naming_is_the_subject(lang, title, text, victim):
    record = breachnlp.extract(text, lang=lang, published="2025-03-14", title=title)
    assert record.organization == victim
    assert (victim, "media") not in [(o.name, o.role) for o in record.organizations]


def test_org_no_word_of_a_statute_is_a_name():
    record = breachnlp.extract("Harwick Clinic breached Articles 5 and 32 of the General Data Protection Regulation "
                               "when a laptop with patient files was stolen, the regulator said.", lang="en",
                               published="2025-03-14")
    assert record.organization == "Harwick Clinic"
    assert not any("General" in o.name for o in record.organizations)


@pytest.mark.parametrize("lang,text,victim", [
    # a greeting the NER glued to the name it addresses is no part of the name
    ("en", "Northgate College\nLeeds\n\nMarch 3, 2025\n\nDear Northgate College graduate,\n\nWe are writing to tell "
           "you about an incident that involves personal information of people who graduated from Northgate College. "
           "On January 8 we discovered that a staff mailbox had been compromised.\n\nSincerely,\n\nPrivacy Office\n"
           "Northgate College", "Northgate College"),
    ("fr", "Collège Northgate\nLyon\n\n3 mars 2025\n\nChère diplômée du Collège Northgate,\n\nNous vous écrivons au "
           "sujet d'un incident qui concerne les renseignements personnels des diplômés du Collège Northgate. Le 8 "
           "janvier, nous avons découvert qu'une boîte de courriel avait été compromise.\n\nCordialement,\n\nBureau de "
           "la protection des renseignements\nCollège Northgate", "Collège Northgate"),
])
def test_org_a_greeting_is_no_part_of_the_name(lang, text, victim):
    assert breachnlp.extract(text, lang=lang, published="2025-03-03").organization == victim


@pytest.mark.parametrize("lang,title,text", [
    # a name opened by the first word of a name shaped as an organization is of the same family,
    # whatever the NER says of it ("Marlowe Watch" beside "Marlowe Holdings")
    ("fr", "Piratage de Marlowe Watch : les données des clients déversées en ligne",
     "SINGAPOUR – Le pirate qui s'en est pris à Marlowe Watch a mis sa menace à exécution. Des fichiers volés au "
     "revendeur de montres Marlowe Watch ont été déposés sur un site de partage.\n\nMarlowe Holdings, la maison mère "
     "cotée, a reconnu mardi l'incident dans un avis."),
    ("en", "Marlowe Watch hack: customer data dumped online",
     "SINGAPORE – The hacker who went after Marlowe Watch has carried out his threat. Files stolen from the watch "
     "retailer Marlowe Watch were dumped on a file-sharing site.\n\nMarlowe Holdings, the listed parent, "
     "acknowledged the incident on Tuesday in a filing."),
])
def test_org_a_name_of_an_organization_family_is_no_person(lang, title, text):
    assert breachnlp.extract(text, lang=lang, published="2023-06-10", title=title).organization == "Marlowe Watch"


@pytest.mark.parametrize("lang,text", [
    # two names joined by "and"/"et" stay two when the text writes the second one on its own elsewhere
    ("en", "Complaint No. 14\nHarlan Union v. Meridel Port Exchange and Quarry Data Services Limited\n\nThe trading "
           "records were held on servers operated by Quarry Data Services Limited, the Exchange's processor. An "
           "outsider copied the files of 3,000 traders from Meridel Port Exchange."),
    ("fr", "Plainte n° 14\nUnion Harlan c. Bourse portuaire Meridel et Quarry Data Services Limited\n\nLes dossiers "
           "étaient hébergés sur des serveurs exploités par Quarry Data Services Limited, le sous-traitant de la "
           "Bourse. Un tiers a copié les fichiers de 3 000 négociants de la Bourse portuaire Meridel."),
])
def test_org_a_coordinated_name_written_apart_is_two_names(lang, text):
    names = [o.name for o in breachnlp.extract(text, lang=lang, published="2023-06-10").organizations]
    assert "Quarry Data Services Limited" in names
    assert not any(" and Quarry" in n or " et Quarry" in n for n in names)


@pytest.mark.parametrize("lang,text", [
    # a name written as its web address opens its sentences, and the text writes it in lower case elsewhere
    ("en", "GHENT – Tramlijn.gent, the city's tram ticketing service, warned riders on Friday that an intruder had "
           "copied its customer file.\n\nThe names and email addresses of 41,000 riders were in it, according to "
           "tramlijn.gent, which has told the police."),
    ("fr", "GAND – Tramlijn.gent, le service de billetterie du tram de la ville, a averti vendredi ses usagers qu'un "
           "intrus avait copié son fichier clients.\n\nLes noms et adresses électroniques de 41 000 usagers s'y "
           "trouvaient, selon tramlijn.gent, qui a porté plainte."),
])
def test_org_a_name_written_as_a_web_address(lang, text):
    victim = "Tramlijn.gent"
    result = breachnlp.extract(text, lang=lang, published="2024-03-09")
    assert result.organization is not None and result.organization.lower() == victim.lower()


@pytest.mark.parametrize("lang,text", [
    # a one-word name that only ever opens sentences is a name when an apposition says what kind it is
    ("en", "OSLO — Varmsted, one of Norway's largest insurers, said on Monday that it had sent member files to "
           "the wrong bank.\n\nVarmsted has apologised to the members concerned."),
    ("fr", "OSLO — Varmsted, l'un des principaux assureurs norvégiens, a indiqué lundi avoir envoyé des fichiers "
           "de membres à la mauvaise banque.\n\nVarmsted a présenté ses excuses aux membres concernés."),
])
def test_org_a_sentence_initial_name_with_a_kind_apposition(lang, text):
    assert breachnlp.extract(text, lang=lang, published="2024-03-12").organization == "Varmsted"


@pytest.mark.parametrize("lang,text,victim", [
    # a place followed by the lower-case word of its local government names that government
    ("en", "Lindesnes municipality said on Friday that a school app had shown pupils' addresses to other parents. "
           "Lindesnes municipality has reported the error to the data protection authority.", "Lindesnes municipality"),
    ("fr", "Lindesnes kommune a indiqué vendredi qu'une application scolaire avait montré les adresses d'élèves à "
           "d'autres parents. Lindesnes kommune a présenté ses excuses aux familles.",
     "Lindesnes kommune"),
])
def test_org_a_place_and_its_local_government_word(lang, text, victim):
    assert breachnlp.extract(text, lang=lang, published="2024-03-12").organization == victim


@pytest.mark.parametrize("lang,text", [
    # a name the gazetteer holds whole is not cut at its common words ("Have I Been Pwned" is no "Have")
    ("en", "so the Marlow Water dump is now in Have I Been Pwned. 41k customers, names and phone numbers. marlow water "
           "says it is looking into it."),
    ("fr", "bon, le fichier de Marlow Eau est maintenant dans Have I Been Pwned. 41k clients, noms et numéros de "
           "téléphone. marlow eau dit qu'elle regarde."),
])
def test_org_a_gazetteer_name_is_kept_whole(lang, text):
    result = breachnlp.extract(text, lang=lang, published="2024-03-12")
    assert result.organization != "Have" and not any(o.name == "Have" for o in result.organizations)


@pytest.mark.parametrize("lang,text,victim", [
    # the verb after a name is no part of it: « X a signalé l'erreur à l'autorité de protection des données »
    # does not make X the data-protection authority
    ("fr", "La mairie de Lindesnes a indiqué vendredi qu'une application scolaire avait montré les adresses d'élèves. "
           "La mairie de Lindesnes a signalé l'erreur à l'autorité de protection des données.", "mairie de Lindesnes"),
    ("en", "Lindesnes Council said on Friday that a school app had shown pupils' addresses. Lindesnes Council "
           "has reported the error to the data protection authority.", "Lindesnes Council"),
])
def test_org_a_verb_after_the_name_does_not_give_it_a_role(lang, text, victim):
    result = breachnlp.extract(text, lang=lang, published="2024-03-12")
    assert result.organization is not None and result.organization.lower() == victim.lower()


@pytest.mark.parametrize("lang,text,victim", [
    # a personal-information protection commission is a regulator by the shape of its name
    ("en", "The Personal Information Protection Commission fined the retailer Halden Goods on Tuesday after "
           "intruders copied about 52,000 member records from its shop.", "Halden Goods"),
    ("fr", "La Commission de protection des renseignements personnels a sanctionné mardi le détaillant Halden "
           "Goods après le vol d'environ 52 000 fiches de membres dans sa boutique.", "Halden Goods"),
])
def test_org_a_personal_information_commission_is_a_regulator(lang, text, victim):
    record = breachnlp.extract(text, lang=lang, published="2023-07-12")
    assert record.organization == victim
    assert any(o.role == "regulator" for o in record.organizations if "ommission" in o.name)


@pytest.mark.parametrize("lang,text", [
    # a name whose staff the text quotes is an employer, whatever the NER calls it
    ("en", "Lucía Ferrán has admitted that attackers got into its loyalty database. Ferrán's operations manager "
           "said about 48,000 customers were in it."),
    ("fr", "Lucía Ferrán a reconnu que des pirates avaient accédé à son fichier de fidélité. Selon le directeur "
           "technique de Ferrán, environ 48 000 clients y figuraient."),
])
def test_org_a_name_whose_staff_is_quoted_is_an_organization(lang, text):
    assert breachnlp.extract(text, lang=lang, published="2023-07-12").organization == "Lucía Ferrán"


@pytest.mark.parametrize("lang,text", [
    # "A and B" twice in a list of parties, each also written alone: two names, not one
    ("en", "Regulator fines Corvo Fashion, Tillet and Brakspur\n\nThe regulator fined Corvo Fashion, Tillet and "
           "Brakspur on Monday. Corvo Fashion sent wrong gift links that exposed 2,100 records. Tillet reported a "
           "late notice. Brakspur was warned."),
    ("fr", "Le régulateur sanctionne Corvo Fashion, Tillet et Brakspur\n\nLe régulateur a sanctionné lundi Corvo "
           "Fashion, Tillet et Brakspur. Corvo Fashion a envoyé de mauvais liens qui ont exposé 2 100 fiches. "
           "Tillet a déclaré une fuite en retard. Brakspur a reçu un avertissement."),
])
def test_org_a_pair_of_names_each_written_alone_is_two_names(lang, text):
    names = [o.name for o in breachnlp.extract(text, lang=lang, published="2023-07-12").organizations]
    assert "Brakspur" in names and not any(" and " in n or " et " in n for n in names)


def test_org_a_brand_written_with_s_keeps_it_where_the_language_has_no_possessive():
    # French has no "'s" possessive: « Tully's » is the chain's name, not Tully's something
    text = ("Fuite de données : Tully's reste muet. Une base présentée comme celle des clients de la chaîne "
            "Tully's est en vente. Tully's n'a ni confirmé ni démenti.")
    assert breachnlp.extract(text, lang="fr", published="2022-03-01").organization == "Tully's"
    # in English it is the possessive mark
    text = "Hackers broke into the network of Harwick Dental Clinic. Harwick Dental Clinic's manager said 2,000 patients were affected."
    assert breachnlp.extract(text, lang="en", published="2022-03-01").organization == "Harwick Dental Clinic"


@pytest.mark.parametrize("lang,text,victim", [
    # a term defined for a whole list names the list's first name, its head, not the last one
    ("en", "Dear Member,\n\nBellweather Care Group, Inc. and its affiliated clinics, Orrin Valley Clinic Company "
           "and Pike Hill Clinic Corporation (together, \"Bellweather\"), are writing to tell you about an "
           "incident. Bellweather found that an intruder had copied patient files on March 3, 2023.\n\n"
           "Sincerely,\nBellweather", "Bellweather Care Group"),
    ("fr", "Madame, Monsieur,\n\nLe groupe Vasseur Santé et ses cliniques affiliées, Clinique Orrin et Clinique "
           "du Mont Pike (ensemble, « Vasseur »), vous informent d'un incident. Vasseur a constaté le 3 mars 2023 "
           "qu'un intrus avait copié des dossiers de patients.\n\nVasseur", "Vasseur Santé"),
])
def test_org_a_term_defined_together_for_a_list_names_its_head(lang, text, victim):
    assert breachnlp.extract(text, lang=lang, published="2023-04-01").organization.startswith(victim)


@pytest.mark.parametrize("lang,text", [
    # a letter's first line over an address line is its sender, whatever person the NER reads in it
    ("en", "Lorna Whitcombe\n14-18 Keel Street\nLeeds LS1 4PQ\n\n3 March 2024\n\nDear Customer,\n\nWe are writing to "
           "tell you that an intruder reached part of our systems on 1 March 2024 and saw your name and email "
           "address.\n\nYours sincerely,\n\nCustomer Care\nLorna Whitcombe"),
    ("fr", "Lorna Whitcombe\n14 rue de la Quille\n69002 Lyon\n\nLe 3 mars 2024\n\nMadame, Monsieur,\n\nNous vous "
           "informons qu'un intrus a accédé le 1er mars 2024 à une partie de nos systèmes et a vu vos nom et adresse "
           "électronique.\n\nService clients\nLorna Whitcombe"),
])
def test_org_a_letterhead_over_an_address_is_the_sender(lang, text):
    assert breachnlp.extract(text, lang=lang, published="2024-03-15").organization == "Lorna Whitcombe"


def test_org_a_weekday_dating_a_forum_post_is_no_name():
    text = ("brambleknit wrote on Thu Mar 14, 2024 8:02 pm:\n\nanyone else get the email from Yarnhollow? they say "
            "someone got into the shop database and took names and addresses.\n\nwoolgather wrote on Thu Mar 14, "
            "2024 8:30 pm:\n\nyep got it too, Yarnhollow says cards were not stored")
    record = breachnlp.extract(text, lang="en", published="2024-03-15")
    assert record.organization == "Yarnhollow"
    assert not any(o.name.startswith("Thu") for o in record.organizations)


@pytest.mark.parametrize("lang,text,victim", [
    # a caption's label and its credit name no organization of the story
    ("en", "Corbel Freight recovers from ransomware\n\n(Photo illustration: Getty)\n\nCorbel Freight Ltd said on "
           "Monday that hackers had encrypted its servers and copied staff files. Corbel Freight has told the police.",
     "Corbel Freight Ltd"),
    ("fr", "Corbel Logistique se remet d'un rançongiciel\n\n(Photo d'illustration : Getty)\n\nLe transporteur Corbel "
           "Logistique a indiqué lundi que des pirates avaient chiffré ses serveurs et copié des fichiers du "
           "personnel.", "Corbel Logistique"),
])
def test_org_a_bracketed_caption_label_and_credit_are_no_names(lang, text, victim):
    record = breachnlp.extract(text, lang=lang, published="2024-03-15")
    assert record.organization == victim
    assert not any(o.name in ("Photo", "Getty") for o in record.organizations)


@pytest.mark.parametrize("lang,text", [
    # a legal form right after a name makes it a company's, whatever person the NER reads in it
    ("en", "DATA PROTECTION COMMISSION\n\nUndertaking — summary\n\nOrganisation: Tan Wei Ming (Private) Limited (the "
           "\"Organisation\")\n\n1. On 3 May 2024 the Organisation told the Commission that hackers had copied customer "
           "records from its web shop."),
    ("fr", "COMMISSION DE PROTECTION DES DONNÉES\n\nEngagement — synthèse\n\nOrganisation : Tan Wei Ming (Private) "
           "Limited (ci-après « l'Organisation »)\n\n1. Le 3 mai 2024, l'Organisation a informé la Commission que des "
           "pirates avaient copié des fiches de clients de sa boutique en ligne."),
])
def test_org_a_name_before_a_legal_form_is_a_company(lang, text):
    assert breachnlp.extract(text, lang=lang, published="2024-06-01").organization == "Tan Wei Ming"


@pytest.mark.parametrize("lang,text", [
    # a decision's numbered section headings and their numbers are its structure, no names
    ("en", "Decision of the data protection authority concerning Garnet Parcels\n\nI. Facts\n\n1. Garnet Parcels "
           "reported on 3 May 2024 that hackers had copied its customer file.\n\nII. Findings\n\n2. The authority "
           "found that Garnet Parcels had not encrypted the file."),
    ("fr", "Délibération de l'autorité de protection des données concernant Garnet Colis\n\nI. Faits\n\n1. Garnet Colis "
           "a signalé le 3 mai 2024 que des pirates avaient copié son fichier clients.\n\nII. Manquements\n\n2. "
           "L'autorité a constaté que Garnet Colis n'avait pas chiffré le fichier."),
])
def test_org_numbered_section_headings_are_no_names(lang, text):
    names = {o.name for o in breachnlp.extract(text, lang=lang, published="2024-06-01").organizations}
    assert not names & {"Facts", "Faits", "Findings", "Manquements", "II", "I"}


@pytest.mark.parametrize("lang,text,victim,acronym", [
    # an acronym of a name without the place that ends it ("RNI" / "Royal Naval Institute of Canada") is that name
    ("en", "KINGSTON — Hackers knocked the computers of the Royal Naval Institute of Canada offline on July 3. The RNI "
           "campus network is still down.\n\nIn August, files that appear to come from RNI turned up on a leak site. "
           "RNI is run by the Department of Marine Affairs (DMA), which has not confirmed the files are genuine.",
     "Royal Naval Institute of Canada", "RNI"),
    ("fr", "KINGSTON — Des pirates ont mis hors ligne le 3 juillet les ordinateurs de l'Académie Navale Royale du "
           "Canada. Le réseau du campus de l'ANR est toujours coupé.\n\nEn août, des fichiers qui semblent provenir de "
           "l'ANR sont apparus sur un site de fuite. L'ANR dépend du ministère des Affaires maritimes (MAM), qui n'a "
           "pas confirmé leur authenticité.", "Académie Navale Royale du Canada", "ANR"),
])
def test_org_an_acronym_without_the_names_place_is_that_name(lang, text, victim, acronym):
    record = breachnlp.extract(text, lang=lang, published="2024-09-01")
    assert record.organization == victim and acronym in record.organization_aliases


@pytest.mark.parametrize("lang,text,victim", [
    # a language is no organization; a capitalized local-government tail makes a name one (the same head
    # in two languages, « Kommun » and "Municipality", names one organization: the body's form names it)
    ("en", "Swedish Data Protection Authority\nNews, 3 May 2023 — unofficial English translation\n\nVellinge Kommun "
           "fined SEK 80,000 over a lost laptop\n\nIn March 2022 a work laptop belonging to Vellinge Municipality was "
           "stolen from a car. It held the personal data of about 900 pupils.", "Vellinge Municipality"),
    ("fr", "Autorité suédoise de protection des données\nActualité, 3 mai 2023 — traduction non officielle en "
           "français\n\nVellinge Kommun condamnée à 80 000 couronnes pour un ordinateur perdu\n\nEn mars 2022, un "
           "ordinateur portable de la commune de Vellinge a été volé dans une voiture. Il contenait les données "
           "d'environ 900 élèves.", "commune de Vellinge"),
    # a legal form alone after a comma closes a name written in capitals (a name: its line is not shouted);
    # the form names nothing itself
    ("en", "Spanish Data Protection Agency (AEPD) – Resolution PS/00112/2025\n\nParty concerned: CALZADOS MIRAMAR DEL "
           "NORTE, S.L. (hereinafter \"Miramar\")\n\n1. On 3 March 2024 Miramar found that its servers had been "
           "encrypted and customer files copied.", "CALZADOS MIRAMAR DEL NORTE"),
    ("fr", "Agence espagnole de protection des données (AEPD) – Résolution PS/00112/2025\n\nPartie visée : CALZADOS "
           "MIRAMAR DEL NORTE, S.L. (ci-après « Miramar »)\n\n1. Le 3 mars 2024, Miramar a constaté que ses serveurs "
           "avaient été chiffrés et des fichiers clients copiés.", "CALZADOS MIRAMAR DEL NORTE"),
])
def test_org_languages_and_lone_legal_forms_are_no_names(lang, text, victim):
    record = breachnlp.extract(text, lang=lang, published="2024-06-01")
    assert record.organization == victim
    assert not any(o.name in ("S.L.", "S.L") for o in record.organizations)


@pytest.mark.parametrize("lang,title,site_name", [
    # a site name followed by its motto closes the headline: the motto is no part of the headline's words
    ("en", "Korvel Bank Confirms Second Card Breach Hitting 300 Branches | Cyberwire Daily | Your morning digest of "
           "security news", "Cyberwire Daily"),
    ("fr", "Korvel Banque Confirme Une Deuxième Fuite Touchant 300 Agences | Le Veilleur | Le quotidien de la "
           "sécurité numérique", "Le Veilleur"),
])
def test_org_a_site_name_with_its_motto_closes_the_headline(lang, title, site_name):
    from breachnlp.components.org.rules import org_rules

    text = title + "\n\nKorvel Bank said that payment systems at 300 branches were breached."
    headline = org_rules(lang).headline(text)
    assert text[headline.site:].startswith(" | " + site_name)


def test_org_a_title_case_headline_closed_by_a_site_and_its_motto_is_cut_to_the_name():
    title = ("Korvel Bank Confirms Second Card Breach Hitting 300 Branches | Cyberwire Daily | Your morning digest "
             "of security news")
    text = "Korvel Bank said late last week that payment systems at more than 300 of its branches were breached."
    assert breachnlp.extract(text, title=title, lang="en", published="2025-05-06").organization == "Korvel Bank"


@pytest.mark.parametrize("lang,text,name", [
    # a person's title and its "of" are no part of the organization the run goes on to name
    ("en", "On Monday, the Chief Financial Officer of Marlow Freight Systems, LLC received a phishing email.",
     "Marlow Freight Systems, LLC"),
    ("fr", "Lundi, le Directeur Général de Marlow Fret Systèmes SAS a reçu un courriel piégé.",
     "Marlow Fret Systèmes SAS"),
])
def test_org_a_title_of_an_organization_is_cut_from_its_name(lang, text, name):
    from breachnlp.components.org.rules import org_rules

    names = [m.text for m in org_rules(lang).mentions(text)]
    assert name in names and not any("Officer" in n or "Directeur" in n for n in names)


@pytest.mark.parametrize("lang,text,entity,name", [
    # the NER may run an organization's entity on over the date after it
    ("en", "The researchers said they warned Tessaly Foods Canada on March 12 about the open server.",
     "Tessaly Foods Canada on March 12", "Tessaly Foods Canada"),
    ("fr", "Les chercheurs disent avoir prévenu Tessaly Aliments le 12 mars du serveur ouvert.",
     "Tessaly Aliments le 12 mars", "Tessaly Aliments"),
])
def test_org_a_date_the_ner_ran_an_entity_on_over_is_cut(lang, text, entity, name):
    from breachnlp.components.org.rules import org_rules

    start = text.index(entity)
    names = [m.text for m in org_rules(lang).mentions(text, [(start, start + len(entity), "ORG")])]
    assert name in names and entity not in names


@pytest.mark.parametrize("lang,text,name", [
    # a connector and its article join the words of one name ("Agency for the Safety of ...")
    ("en", "Officials said the Agency for the Protection of Coastal Waters was hit by ransomware.",
     "Agency for the Protection of Coastal Waters"),
    ("fr", "Selon les responsables, la Caisse de la Protection des Eaux Côtières a été visée par un rançongiciel.",
     "Caisse de la Protection des Eaux Côtières"),
])
def test_org_a_connector_with_its_article_joins_one_name(lang, text, name):
    from breachnlp.components.org.rules import org_rules

    assert name in [m.text for m in org_rules(lang).mentions(text)]


@pytest.mark.parametrize("lang,text,victim", [
    # a rubric before a dash opens the sentence: the capital of the word after it is the sentence's
    ("fr", "Santé – Onze cliniques du groupe privé Norlenia sont paralysées par un rançongiciel depuis samedi.",
     "Norlenia"),
    ("en", "Health – Eleven clinics of the private group Norlenia have been crippled by ransomware since Saturday.",
     "Norlenia"),
])
def test_org_a_number_word_after_a_rubric_is_no_name(lang, text, victim):
    assert breachnlp.extract(text, lang=lang, published="2025-05-06").organization == victim


@pytest.mark.parametrize("lang,text", [
    # a function word shouted in capitals is no acronym
    ("fr", "salut, un type dit qu'il a aspiré TOUTE la base de la mutuelle kervalis, genre 2M de personnes"),
    ("en", "hey, some guy says he pulled EVERYTHING from the kervalis insurance portal, like 2M people"),
])
def test_org_a_shouted_function_word_is_no_acronym(lang, text):
    from breachnlp.components.org.rules import org_rules

    names = [m.text for m in org_rules(lang).mentions(text)]
    assert not any(n.isupper() for n in names)


@pytest.mark.parametrize("lang,text", [
    # a letter signed by the customer desk of the firm it names alone: the firm, not the desk
    ("en", "Dear customer,\n\nWe are writing about an incident at Norvale Bank that may involve your card application."
           " Norvale Bank learned that a file was left open.\n\nSincerely,\n\nNorvale Bank Customer Care"),
    ("fr", "Madame, Monsieur,\n\nNous vous écrivons au sujet d'un incident chez Norvale Bank qui peut concerner votre "
           "demande de carte. Norvale Bank a appris qu'un fichier était resté ouvert.\n\nCordialement,\n\n"
           "Norvale Bank Customer Support"),
])
def test_org_a_letter_signed_by_the_firms_customer_desk_names_the_firm(lang, text):
    assert breachnlp.extract(text, lang=lang, published="2025-05-06").organization == "Norvale Bank"


@pytest.mark.parametrize("lang,text,long_form,short_form", [
    # an acronym with the place that ends the long name ("TU München") is that name
    ("en", "Hackers broke into the exam system of Technische Hochschule Varnau last week. TH Varnau said grades of "
           "4,000 students were exposed, and TH Varnau has told the regulator.", "Technische Hochschule Varnau",
     "TH Varnau"),
    ("fr", "Des pirates ont pénétré le système d'examens de l'École Supérieure Norvik la semaine dernière. "
           "ES Norvik indique que les notes de 4 000 étudiants ont été exposées, et ES Norvik a prévenu le "
           "régulateur.", "École Supérieure Norvik", "ES Norvik"),
])
def test_org_an_acronym_with_the_place_ending_the_name_is_the_same_organization(lang, text, long_form, short_form):
    result = breachnlp.extract(text, lang=lang, published="2025-05-06")
    assert result.organization == long_form and short_form in result.organization_aliases


@pytest.mark.parametrize("lang,text,victim", [
    # a regulator named in the other language is still a regulator
    ("fr", "La National Privacy Commission (NPC) a convoqué lundi l'Université Korvane après le piratage de son site. "
           "Selon la NPC, les noms et adresses de 2 000 étudiants ont été publiés. La NPC enquête.", "Université Korvane"),
    ("en", "The Commission nationale de l'informatique et des libertés fined Korvane Clinic over the theft of patient "
           "files. The Commission nationale de l'informatique et des libertés said 2,000 patients of Korvane Clinic "
           "were affected, and the Commission nationale de l'informatique et des libertés published its decision.",
     "Korvane Clinic"),
])
def test_org_a_regulator_named_in_the_other_language_is_no_victim(lang, text, victim):
    assert breachnlp.extract(text, lang=lang, published="2025-05-06").organization == victim


@pytest.mark.parametrize("lang,name", [
    ("fr", "National Privacy Commission"), ("fr", "Polish DPA"), ("fr", "Information Commissioner's Office"),
    ("en", "Commission nationale de l'informatique et des libertés"), ("en", "Polish DPA"),
    ("en", "Préposé fédéral à la protection des données"),
])
def test_org_the_shape_of_a_regulators_name_in_the_other_language_gives_its_role(lang, name):
    from breachnlp.components.org.rules import org_rules
    from breachnlp.text import fold

    assert org_rules(lang)._role_by_shape(fold(name)) == "regulator"


def test_org_a_headline_name_the_body_writes_after_an_elided_article_is_a_name():
    # « l'Ulmavie » capitalizes the name inside a sentence: the headline's « Ulmavie : » is no sentence's capital
    # (French only: English elides no article before a name)
    text = ("Ulmavie : des relevés d'assurés affichés dans les comptes d'autres clients\n\nDes centaines d'assurés ont "
            "découvert ce week-end les relevés d'autres personnes dans leur espace en ligne. Sollicitée, l'Ulmavie a "
            "reconnu une erreur de paramétrage.")
    assert breachnlp.extract(text, lang="fr", published="2025-05-06").organization == "Ulmavie"


@pytest.mark.parametrize("lang,text,word", [
    # one word of a heading in capitals that the text never writes again names no organization
    ("en", "DATA PROTECTION AUTHORITY\nPENALTY NOTICE — FINDINGS\n\nThe authority fined Norvale Bank after a "
           "server holding customer files was stolen. Norvale Bank had left the server unlocked.", "FINDINGS"),
    ("fr", "AUTORITÉ DE PROTECTION DES DONNÉES\nDÉCISION DE SANCTION — SYNTHÈSE\n\nL'autorité a sanctionné Norvale "
           "Banque après le vol d'un serveur de fichiers clients. Norvale Banque avait laissé le serveur sans "
           "verrou.", "SYNTHÈSE"),
])
def test_org_one_word_of_a_capitalized_heading_is_no_name(lang, text, word):
    from breachnlp.components.org.rules import org_rules

    names = [m.text for m in org_rules(lang).mentions(text)]
    assert word not in names and any(n.startswith("Norvale") for n in names)


@pytest.mark.parametrize("lang,text,word", [
    # a data word capitalized for emphasis ("The Email") that the text also writes in lower case is no name
    ("en", "ok so has anyone else had The Email from Korvane Bank?? the email says our account numbers leaked.",
     "Email"),
    ("fr", "quelqu'un a reçu Le Courriel ?? le courriel envoyé par Korvane Banque dit que nos numéros de compte ont "
           "fuité.",
     "Courriel"),
])
def test_org_a_capitalized_data_word_the_text_writes_in_lower_case_is_no_name(lang, text, word):
    from breachnlp.components.org.rules import org_rules

    names = [m.text for m in org_rules(lang).mentions(text)]
    assert word not in names and any(n.startswith("Korvane") for n in names)


@pytest.mark.parametrize("lang,text", [
    # a data term in capitals inside a list of data is an item of the list, no organization
    ("en", "Depending on the client, the files of Korvane Bank contained the name, postal address, IBAN, securities "
           "account data and a copy of the identity card."),
    ("fr", "Selon les clients, les fichiers de Korvane Banque contenaient le nom, l'adresse postale, IBAN, les données "
           "du compte-titres et une copie de la carte d'identité."),
])
def test_org_a_data_acronym_in_a_list_of_data_is_no_name(lang, text):
    from breachnlp.components.org.rules import org_rules

    names = [m.text for m in org_rules(lang).mentions(text)]
    assert "IBAN" not in names and any(n.startswith("Korvane") for n in names)


@pytest.mark.parametrize("lang,text,name", [
    # a brand in camel case opening with a lower-case word of up to six letters ("loanDepot")
    ("en", "Mortgage lender loanDepot said on Tuesday that the data of 2 million customers was taken.", "loanDepot"),
    ("fr", "Le prêteur hypothécaire loanDepot a indiqué mardi que les données de 2 millions de clients ont été volées.",
     "loanDepot"),
    # a currency's code before a sum is no part of the name before it
    ("en", "Regulator fines Korvane Bank EUR 2.1 million after leak of debtor data", "Korvane Bank"),
    ("fr", "Le régulateur inflige une amende à Korvane Banque EUR 2,1 millions après une fuite", "Korvane Banque"),
])
def test_org_camel_case_brands_and_a_currency_code_after_a_name(lang, text, name):
    from breachnlp.components.org.rules import org_rules

    names = [m.text for m in org_rules(lang).mentions(text)]
    assert name in names and not any(n.endswith(" EUR") for n in names)


@pytest.mark.parametrize("lang,text,victim", [
    # a case caption the NER runs over: each capitalised party is a name of its own, a word that
    # stands for a party (« Plainte », "Complainant") none
    ("fr", "Objet : Plainte c. Centre de services scolaire des Mille-Étangs\n\nLe centre a transmis par erreur à "
           "un fournisseur la liste des adresses de 300 élèves en mars 2014.",
     "Centre de services scolaire des Mille-Étangs"),
    ("en", "Subject: Complainant v. Marston Medical Associates\n\nThe practice sent the files of 300 patients to a "
           "supplier in March 2014, the commissioner found.", "Marston Medical Associates"),
])
def test_org_a_case_caption_parts_its_parties(annotate, lang, text, victim):
    record = annotate(lang, text)._.breach
    assert record.organization == victim
    assert [o.name for o in record.organizations] == [victim]


@pytest.mark.parametrize("lang,text,victim", [
    # a name with an organization word written after a locative preposition is the place broken
    # into, and may be the victim (a place name there never is)
    ("fr", "Les voleurs se sont introduits dimanche dans la clinique Santa Lucía, côté rue Belgrano, et ont "
           "emporté deux ordinateurs contenant les dossiers de 300 patients.", "clinique Santa Lucía"),
    ("en", "Two computers holding the files of 300 patients were stolen on Sunday in the Rawson Hospital, the "
           "police said.", "Rawson Hospital"),
])
def test_org_a_named_organization_broken_into_is_the_victim(annotate, lang, text, victim):
    assert annotate(lang, text)._.breach.organization == victim


@pytest.mark.parametrize("lang,text,victim", [
    # a name right after a street word in lower case is a street, not an organization
    ("fr", "MENDOZA – Des cambrioleurs sont entrés dimanche à l'aube dans l'hôpital Lagomaggiore en forçant une "
           "grille côté avenue Alvear. Ils ont emporté deux ordinateurs.", "hôpital Lagomaggiore"),
    ("en", "Thieves broke into the Marlow Health Centre on avenue Belgrano on Sunday and took two computers "
           "holding the files of 300 patients.", "Marlow Health Centre"),
])
def test_org_a_street_is_no_organization(annotate, lang, text, victim):
    record = annotate(lang, text)._.breach
    assert record.organization == victim
    assert [o.name for o in record.organizations] == [victim]


@pytest.mark.parametrize("lang,text,victim", [
    # a first line over a place-and-date line is a letterhead: the name whole, whatever its capitals
    # and whatever the NER runs into the line under it; the place under it is where, not who
    ("en", "Harlow Valley Family Care\nHarlow Valley, Oregon\n\nMarch 2021\n\nDear Patient,\n\nWe are writing about "
           "an incident involving our practice. On February 2, 2021 an outsider reached a server holding the names "
           "of our patients. We have told the FBI.", "Harlow Valley Family Care"),
    ("fr", "Harlow Valley Family Care\nHarlow Valley, Oregon\n\nMars 2021\n\nMadame, Monsieur,\n\nNous vous écrivons "
           "au sujet d'un incident touchant notre cabinet. Le 2 février 2021, un tiers a accédé à un serveur contenant "
           "les noms de nos patients. Nous avons prévenu le FBI.", "Harlow Valley Family Care"),
    ("en", "Marrowfield County Department of Public Health Services\nBrenton Falls, April 3, 2022\n\nDear Resident,\n\n"
           "We are writing because a letter about your benefits may have been sent to another household. On March 14, "
           "a mailing error put some letters in the wrong envelopes.",
     "Marrowfield County Department of Public Health Services"),
    ("fr", "Marrowfield County Department of Public Health Services\nBrenton Falls, le 3 avril 2022\n\nMadame, "
           "Monsieur,\n\nNous vous écrivons parce qu'un courrier relatif à vos prestations a pu être envoyé à un autre "
           "foyer. Le 14 mars, une erreur d'envoi a glissé des lettres dans de mauvaises enveloppes.",
     "Marrowfield County Department of Public Health Services"),
])
def test_org_a_letterhead_over_a_place_line(annotate, lang, text, victim):
    record = annotate(lang, text)._.breach
    assert record.organization == victim
    assert not any(o.name in ("Harlow Valley", "Brenton Falls") for o in record.organizations)


@pytest.mark.parametrize("lang,text", [
    # a correspondent's line names where the story was written, not an organization of it
    ("fr", "Des dossiers de patients en accès libre\n\nCorrespondance, Manaus\n\nDes noms et des numéros de téléphone "
           "de patients étaient consultables en ligne, a révélé mardi un journal local. En première ligne figure le "
           "Centro Médico Rio Negro, qui a retiré les fichiers."),
    ("en", "Patient files left open online\n\nSpecial correspondent, Manaus\n\nNames and telephone numbers of patients "
           "could be read online, a local paper reported on Tuesday. The Centro Medico Rio Negro took the files down."),
])
def test_org_a_correspondents_place_line_names_no_organization(annotate, lang, text):
    record = annotate(lang, text)._.breach
    assert record.organization.startswith("Centro M")
    assert "Manaus" not in [o.name for o in record.organizations]


@pytest.mark.parametrize("lang,text", [
    # an organization's whole name written again and again, and once with a unit's word after it
    # (its sheriff, its courthouse in a caption): the name is the whole name, not the unit's
    ("en", "Marlow County says residents' data may have been taken\n\nMarlow County has begun mailing letters to "
           "12,000 residents whose names and Social Security numbers sat on a server reached by an intruder in "
           "March. Marlow County said it found no sign of misuse. Calls went to the Marlow County Sheriff from "
           "people who thought the letters were a scam."),
    ("fr", "Le comté de Marlow prévient ses habitants\n\nLe Marlow County a commencé à écrire aux 12 000 habitants "
           "dont les noms et numéros de sécurité sociale se trouvaient sur un serveur visité par un intrus en mars. "
           "Le Marlow County dit n'avoir vu aucun signe d'usage frauduleux. Des appels sont arrivés au Marlow County "
           "Sheriff de la part de gens qui croyaient à une arnaque."),
])
def test_org_a_whole_name_written_more_often_than_its_units_names_the_victim(annotate, lang, text):
    assert annotate(lang, text)._.breach.organization == "Marlow County"


@pytest.mark.parametrize("lang,text,victim", [
    # an acronym beside a kind of number names that number, not an organization
    ("en", "Hackers copied the civil registration (CPR) numbers of 300 residents of Vorde Kommune. A CPR number "
           "could be seen in 120 cases.", "Vorde Kommune"),
    ("fr", "Des pirates ont copié les numéros PESEL de 300 patients de l'hôpital de Kalisz. Chaque numéro PESEL "
           "était visible.", "hôpital de Kalisz"),
])
def test_org_an_acronym_beside_a_kind_of_number_is_no_organization(lang, text, victim):
    record = breachnlp.extract(text, lang=lang, published="2025-06-01")
    assert record.organization == victim
    assert not any(o.name in ("CPR", "PESEL") for o in record.organizations)


@pytest.mark.parametrize("lang,text,furniture", [
    # a dateline with a double hyphen, and a region's abbreviation after the city
    ("en", "ASHBURN -- The Tillmore Health Unit shut down its email after suspicious activity, the unit said.",
     "ASHBURN"),
    ("en", "KENORA, Ont. -- Tillmore Public Health says the cyberattack that took its servers offline is over.",
     "Ont"),
    ("fr", "GATINEAU, Qc -- La clinique Tillmore a fermé sa messagerie après une activité suspecte.", "Qc"),
    ("fr", "RIMOUSKI -- La clinique Tillmore a fermé sa messagerie après une activité suspecte, a-t-elle indiqué.",
     "RIMOUSKI"),
    # a section number the name pattern took in, and a document's number
    ("en", "Data Protection Authority\nDecision 12/2023\n\nI. Facts\n1. The Tillmore Clinic sent the test results of a "
           "patient to the wrong person by email.", "I. Facts"),
    ("fr", "Autorité de protection des données\nDécision 12/2023\n\nI. Faits\n1. La clinique Tillmore a envoyé les "
           "résultats d'analyse d'une patiente à une autre personne.", "I. Faits"),
    ("en", "Privacy Bulletin\n\nPHIPA Decision 41 -- Tillmore Family Clinic\n\nThe Tillmore Family Clinic mailed a "
           "patient's chart to the wrong address.", "PHIPA Decision 41"),
    ("fr", "Bulletin\n\nDélibération n° 2022-118 – Clinique Tillmore\n\nLa clinique Tillmore a envoyé le dossier d'un "
           "patient à une mauvaise adresse.", "Délibération n° 2022-118"),
    # ... whose letters are glued to its figures
    ("en", "Investigation Report HR-19-004\nRe: Tillmore Family Clinic\n\nThe Tillmore Family Clinic mailed a patient's "
           "chart to the wrong address.", "Report HR-19-004"),
    ("fr", "Rapport d'enquête\n\nDécision DR-21-007 – Clinique Tillmore\n\nLa clinique Tillmore a envoyé le dossier d'un "
           "patient à une mauvaise adresse.", "Décision DR-21-007"),
])
def test_org_page_furniture_of_datelines_and_decisions_names_no_organization(lang, text, furniture):
    record = breachnlp.extract(text, lang=lang, published="2025-06-01")
    assert "Tillmore" in (record.organization or "")
    assert not any(o.name == furniture for o in record.organizations)


@pytest.mark.parametrize("lang,text,victim", [
    # a plus joins the parts of a name as "&" does
    ("en", "Hackers broke into the billing system of Heel + Toe Podiatry of Marlow, exposing the records of 3,000 "
           "patients.", "Heel + Toe Podiatry of Marlow"),
    ("fr", "La clinique Santé + Sport de Lorient a signalé une intrusion touchant 2 500 patients.",
     "clinique Santé + Sport de Lorient"),
])
def test_org_a_plus_joins_a_name(lang, text, victim):
    assert breachnlp.extract(text, lang=lang, published="2024-01-01").organization == victim


@pytest.mark.parametrize("lang,text,victim,regulator", [
    # an acronym in brackets takes the role its description gives, whatever its letters (the
    # authority's name in its own language)
    ("fr", "BUCAREST, 3 mars – L'autorité roumaine de protection des données (ANSPDCP) a infligé une amende à la "
           "clinique Vitalis Med, dont un employé avait envoyé les dossiers de 300 patients à un mauvais destinataire.",
     "clinique Vitalis Med", "ANSPDCP"),
    ("fr", "VIENNE – L'autorité autrichienne de protection des données (Datenschutzbehörde, DSB) a sanctionné la "
           "société Kremser Logistik GmbH pour une fuite de données de clients.", "Kremser Logistik GmbH", "DSB"),
    ("en", "ZAGREB - The Croatian Personal Data Protection Agency (AZOP) fined Jadran Dental Polyclinic after "
           "patient files were left in a public bin.", "Jadran Dental Polyclinic", "AZOP"),
    ("en", "Lisbon's data protection watchdog, the privacy commission (CNPD-PT), says Ribeira Eye Clinic lost a "
           "laptop holding 800 patient files.", "Ribeira Eye Clinic", "CNPD-PT"),
])
def test_org_an_acronym_described_as_a_regulator_is_one(lang, text, victim, regulator):
    record = breachnlp.extract(text, lang=lang, published="2024-03-05")
    assert record.organization == victim
    assert (regulator, "regulator") in [(o.name, o.role) for o in record.organizations]


@pytest.mark.parametrize("lang,text,acronym", [
    # a description that ends before another name describes none of it (here an acronym of the
    # name in its own language, whose letters do not spell the name written)
    ("en", "Last year the data protection authority fined Poliklinika Kovačić (PKZ) after a laptop with 2,000 "
           "patient files was stolen.", "PKZ"),
    ("fr", "L'an dernier, l'autorité de protection des données a sanctionné la Poliklinika Kovačić (PKZ) après le "
           "vol d'un ordinateur portable contenant 2 000 dossiers de patients.", "PKZ"),
    # an acronym that spells the name right before it is that name's, whatever the sentence says
    ("en", "Bulgaria's data protection regulator has fined the country's Varna Revenue Agency (VRA) over a leak "
           "of 5,000 taxpayers' files.", "Varna Revenue Agency"),
    ("fr", "L'autorité de protection des données a sanctionné l'Office cantonal des impôts (OCI) après une fuite "
           "touchant 5 000 contribuables.", "Office cantonal des impôts"),
])
def test_org_a_regulators_object_in_brackets_is_no_regulator(lang, text, acronym):
    record = breachnlp.extract(text, lang=lang, published="2024-03-05")
    roles = [o.role for o in record.organizations if o.name == acronym]
    assert roles and "regulator" not in roles


@pytest.mark.parametrize("lang,text,victim,thing", [
    # an acronym that a common noun phrase spells out in brackets names a procedure, not an
    # organization, and leaves the sentence's data to the victim
    ("fr", "OKAYAMA – Le Centre cardiologique Hinode a perdu une clé USB. Elle concernait des patients ayant subi un "
           "remplacement de la valve aortique par cathéter (TAVI) ou une fermeture de l'auricule gauche (LAAC) : nom, "
           "identifiant patient, âge et résultats d'examens.", "Centre cardiologique Hinode", "TAVI"),
    ("en", "OSAKA - Kiyomizu Cardiac Clinic lost a USB stick. The files covered patients given a transcatheter valve "
           "implant (TVIX), with names, patient numbers, ages and test results.", "Kiyomizu Cardiac Clinic", "TVIX"),
])
def test_org_an_acronym_of_a_common_noun_phrase_is_no_organization(lang, text, victim, thing):
    record = breachnlp.extract(text, lang=lang, published="2024-03-05")
    assert record.organization == victim
    assert thing not in [o.name for o in record.organizations]
    assert record.phi.get("name") == "affirmed"


def test_org_a_name_in_brackets_in_its_own_language_is_the_same_organization():
    # the original name in brackets after its translation: one organization, named more often
    text = ("HARTFORD, 17 mars – Le procureur général a demandé des explications au département de la Santé de "
            "l'État (Vermont Department of Health) après l'envoi par erreur des numéros de sécurité sociale de "
            "300 employés.")
    record = breachnlp.extract(text, lang="fr", published="2024-05-04")
    assert record.organization == "Vermont Department of Health"
    assert [o.role for o in record.organizations].count("victim") == 1
    assert "other_victim" not in [o.role for o in record.organizations]


@pytest.mark.parametrize("lang,text,victim,group", [
    # a group in brackets is written in the text's language: no translation, no merge
    ("fr", "La clinique Saint-Roch (Groupe Santé Vivalis) a signalé le vol d'un ordinateur contenant les dossiers de "
           "300 patients. Le Groupe Santé Vivalis détient douze cliniques.", "clinique Saint-Roch", "Groupe Santé Vivalis"),
    ("en", "Kestrel Eye Clinic (Norvane Health Group) reported the theft of a laptop holding the files of 300 "
           "patients. Norvane Health Group owns twelve clinics.", "Kestrel Eye Clinic", "Norvane Health Group"),
])
def test_org_a_group_in_brackets_stays_an_organization_of_its_own(lang, text, victim, group):
    record = breachnlp.extract(text, lang=lang, published="2024-05-04")
    assert record.organization == victim and group not in record.organization_aliases
    assert group in [o.name for o in record.organizations]


@pytest.mark.parametrize("lang,text,expected", [
    # a name of two words ending in another language's head is whole: the descriptor only describes it…
    ("fr", "La clinique Ridgeway Neurology, à Dayton, a prévenu 812 patients après le vol d'un ordinateur portable.",
     "Ridgeway Neurology"),
    ("fr", "Le centre hospitalier Maplecrest Health a été frappé par un rançongiciel le 3 mai.", "Maplecrest Health"),
    ("en", "Hackers hit the clinic Klinik Seeblick in Zurich on May 3, stealing patient files.", "Klinik Seeblick"),
    # …a name in the text's own language keeps its descriptor
    ("fr", "Le laboratoire Lumora Santé a subi une fuite de données en mai.", "laboratoire Lumora Santé"),
])
def test_org_a_descriptor_before_a_name_in_another_language_only_describes_it(annotate, lang, text, expected):
    assert annotate(lang, text)._.breach.organization == expected


@pytest.mark.parametrize("lang,text,victim", [
    # a kind with lower-case words qualifying it right before a name (French puts them after the
    # kind): the name is that organization's, though the NER reads a person in it
    ("fr", "DOUAI, 3 mars – Le groupe de transport Girard Fauchon a été victime samedi dernier d'un "
           "rançongiciel, selon Le Courrier picard. Les pirates réclament une rançon.", "Girard Fauchon"),
    ("fr", "L'entreprise pharmaceutique Hervé Castaing a été visée par une cyberattaque et a porté plainte.",
     "Hervé Castaing"),
    ("en", "DOUAI, March 3 – The French haulage group Girard Fauchon was hit by ransomware last Saturday, "
           "according to Le Courrier picard. The attackers want a ransom.", "Girard Fauchon"),
])
def test_org_a_qualified_kind_before_a_name_makes_it_an_organization(lang, text, victim):
    assert breachnlp.extract(text, lang=lang, published="2024-03-05").organization == victim


def _victim_features(doc, name):
    return next(s._.breach_features["victim"] for s in doc.spans["breach_org"] if s._.org_name == name)


@pytest.mark.parametrize("lang,text,taken_up,named_only", [
    # a story names its victim once, then says "the hospital": each sentence that does counts for
    # the nearest organization named before it with that head; an investigator named twice gets none
    ("en", "Hackers got into the servers of the Velmora Recovery Hospital in December. Prosecutors at the Karst "
           "Crime Office are investigating, the hospital's director said. Karst Crime Office experts have not "
           "decrypted the files. Until then the hospital cannot bill for its care.",
     "Velmora Recovery Hospital", "Karst Crime Office"),
    ("fr", "Des pirates ont pénétré les serveurs de la Clinique Sainte-Odile en décembre. Les enquêteurs de "
           "l'Office Karst contre la criminalité enquêtent, a indiqué la directrice de la clinique. Les experts de "
           "l'Office Karst contre la criminalité n'ont pas déchiffré les fichiers. D'ici là, la clinique ne peut "
           "pas facturer ses soins.",
     "Clinique Sainte-Odile", "Office Karst"),
])
def test_org_a_kind_taking_up_a_name_counts_for_it(annotate, lang, text, taken_up, named_only):
    doc = annotate(lang, text, "2024-01-10")
    assert _victim_features(doc, taken_up).get("kind_anaphors") == 2
    assert not _victim_features(doc, named_only).get("kind_anaphors")


@pytest.mark.parametrize("lang,text,name", [
    # "The Hospital for …", « L'Hôpital Nord »: a kind written with a capital is a name, not a take-up
    ("en", "Orlen Eye Clinic lost a laptop. The Hospital for Sick Animals, a neighbour, lost none.", "Orlen Eye Clinic"),
    ("fr", "La Clinique Orlen a perdu un ordinateur. La Clinique Bellevue, voisine, n'en a perdu aucun.", "Clinique Orlen"),
])
def test_org_a_capitalized_kind_is_no_take_up(annotate, lang, text, name):
    doc = annotate(lang, text, "2024-01-10")
    assert not _victim_features(doc, name).get("kind_anaphors")


@pytest.mark.parametrize("lang,text,victim", [
    # a Nordic name whose head is a lower-case local word ("… universitetssjukhus", "… läns landsting")
    ("en", "Västerås universitetssjukhus has told 40 patients that a nurse read their files without cause.",
     "Västerås universitetssjukhus"),
    ("fr", "Le Jönköpings läns landsting a prévenu 40 patients qu'une infirmière avait consulté leurs dossiers "
           "sans raison.", "Jönköpings läns landsting"),
])
def test_org_a_local_lower_case_head_ends_the_name(lang, text, victim):
    assert breachnlp.extract(text, lang=lang, published="2024-03-05").organization == victim


@pytest.mark.parametrize("lang,text,thing", [
    # a device, a program or a virus named in the story is no organization
    ("en", "Pupils' health notes turn up on a classmate's iPad\n\nA file from Larkfield Grammar School listing "
           "pupils' medical conditions was found on a girl's iPad.", "iPad"),
    ("fr", "Des notes de santé d'élèves retrouvées sur l'iPad d'une camarade\n\nUn fichier du collège Larkfield "
           "listant les pathologies des élèves a été retrouvé sur l'iPad d'une élève.", "iPad"),
    ("en", "Slides shown at a course in PowerPoint held X-ray images of nine patients of Brightwater Hospital.",
     "PowerPoint"),
])
def test_org_a_device_or_program_is_no_organization(lang, text, thing):
    record = breachnlp.extract(text, lang=lang, published="2024-03-05")
    assert record.organization != thing and thing not in [o.name for o in record.organizations]


@pytest.mark.parametrize("lang,text,office", [
    # a person's name joined to an office by "of the" / « de l' » is no part of the office's name
    ("en", "A doctor at Velmora Hospital has been charged. According to prosecutor Jonas Berglund of the "
           "National Fraud Office in Malmo, the doctor read the files.", "National Fraud Office"),
    ("fr", "Un médecin de l'hôpital Velmora a été inculpé. Selon le procureur Jonas Berglund de l'Office "
           "national des fraudes, le médecin a lu les dossiers.", "Office national des fraudes"),
])
def test_org_a_person_before_of_is_no_part_of_the_office(lang, text, office):
    names = [o.name for o in breachnlp.extract(text, lang=lang, published="2024-03-05").organizations]
    assert office in names and not any("Berglund" in n for n in names)


@pytest.mark.parametrize("lang,text,victim,credit", [
    # a name alone in brackets after a finished sentence, ending its line, is a caption's credit
    ("fr", "Une employée a consulté des dossiers sans raison. (Fotolia Images)\n\nLAHOLM – Une employée de la "
           "Clinique Vasa qui consultait sans raison des dossiers de patients a été licenciée.",
     "Clinique Vasa", "Fotolia Images"),
    ("en", "An employee read patient files without cause. (Fotolia Images)\n\nLAHOLM – An employee of Vasa Clinic "
           "who read patients' files without cause has been dismissed.", "Vasa Clinic", "Fotolia Images"),
])
def test_org_a_credit_in_brackets_is_no_victim(lang, text, victim, credit):
    record = breachnlp.extract(text, lang=lang, published="2023-11-27")
    assert record.organization == victim
    assert [o.role for o in record.organizations if o.name == credit] in ([], ["media"])


@pytest.mark.parametrize("lang,text,place", [
    # a kind placed by a preposition or a place name after a qualified kind stays a place
    ("en", "A university hospital in Okayama says the details of 3,000 patients were stolen. Tenjin Medical "
           "University Hospital said on Monday it had found the intrusion.", "Okayama"),
    ("fr", "Les données de 3 000 patients ont fuité, a indiqué l'agence régionale de santé Bretagne, sans "
           "préciser le nom de l'établissement.", "Bretagne"),
])
def test_org_a_place_after_a_qualified_kind_stays_a_place(lang, text, place):
    assert breachnlp.extract(text, lang=lang, published="2024-03-05").organization != place


@pytest.mark.parametrize("lang,text,victim", [
    # a hospital named by its kind and its place, in lower case (« hôpital de district », « hôpital
    # régional ») is a name
    ("fr", "Deux infirmiers de l'hôpital de district de Mbalmayo ont été suspendus après avoir publié en ligne "
           "les photos d'un patient. La décision a été prise par le ministre.", "hôpital de district de Mbalmayo"),
    ("en", "Two nurses at Mbalmayo District Hospital were suspended after posting a patient's photos online. The "
           "minister took the decision.", "Mbalmayo District Hospital"),
])
def test_org_a_hospital_named_by_kind_and_place(lang, text, victim):
    assert breachnlp.extract(text, lang=lang, published="2024-03-05").organization == victim


@pytest.mark.parametrize("lang,text,victim", [
    # a decision's reference, letters and numbers joined by dots, is no organization
    ("fr", "Office de protection des données (ODP), Lituanie\nDécision n° KBR.4411.12.2023 du 3 mars 2024\nSanction : "
           "amende de 20 000 euros\n\nL'Hôpital régional de Klaipėda a laissé un dossier médical accessible à un tiers.",
     "Hôpital régional de Klaipėda"),
    ("en", "Data Protection Office (DPO), Lithuania\nDecision No. KBR.4411.12.2023 of 3 March 2024\nSanction: fine of "
           "EUR 20,000\n\nKlaipeda Regional Hospital let a third party see a patient's medical file.",
     "Klaipeda Regional Hospital"),
])
def test_org_a_dotted_reference_is_no_name(lang, text, victim):
    assert breachnlp.extract(text, lang=lang, published="2024-03-05").organization == victim

