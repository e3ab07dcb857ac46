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


@pytest.mark.parametrize("lang,text,other_sentence", [
    # "the second breach it has reported this year; in June …": the sentence is about the earlier one
    ("en", "Arvel Health found on Sept. 4 that a mailing vendor had mixed up letters. It is the second breach Arvel "
           "Health has reported this year; in June it disclosed the theft of a laptop.", 1),
    ("fr", "Arvel Santé a découvert le 4 septembre que son imprimeur avait mélangé des lettres. C'est la deuxième fuite "
           "qu'Arvel Santé signale cette année ; en juin, elle a révélé le vol d'un portable.", 1),
    # a pluperfect with "already" in the plural: an earlier leak, in the past of the telling
    ("fr", "Le constructeur Arvel a annoncé lundi avoir reçu une demande de rançon. En octobre, des plans internes "
           "d'Arvel avaient déjà été publiés en ligne.", 1),
    ("en", "Arvel Motors said on Monday it had received a ransom demand. In October, other internal plans of Arvel "
           "had been posted online previously.", 1),
    # "X is not the first carrier hit": the passage after it tells the others
    ("en", "Arvel Air said on Monday that hackers had stolen passenger files. Arvel Air is not the first carrier in "
           "Asia to be hit this year. In May, another airline said the records of 4.5 million travellers were taken.",
     {1, 2}),
    ("fr", "Arvel Air a annoncé lundi le vol de fichiers de passagers. Arvel Air n'est pas la première compagnie de la "
           "région touchée cette année. En mai, une autre compagnie a annoncé le vol des données de 4,5 millions de "
           "voyageurs.", {1, 2}),
    # "X is not the only hospital …", « X n'est pas un cas isolé » open a passage on other cases
    ("en", "Arvel Health found on Sept. 4 that a mailing vendor had mixed up letters. Arvel Health is not the only "
           "hospital hit this year.", 1),
    ("fr", "Arvel Santé a découvert le 4 septembre que son imprimeur avait mélangé des lettres. Arvel Santé n'est pas "
           "un cas isolé.", 1),
])
def test_a_sentence_counting_earlier_breaches_is_about_another_incident(annotate, lang, text, other_sentence):
    from breachnlp.components.assemble.linking import AssemblySettings, _context

    doc = annotate(lang, text)
    context = _context(doc, list(doc.spans["breach_org"]), AssemblySettings(lang))
    expected = other_sentence if isinstance(other_sentence, set) else {other_sentence}
    assert context.other_incident_sentences == expected


@pytest.mark.parametrize("lang,text", [
    # a heading announcing other cases ("Not the only one", « Pas la seule ») heads a paragraph about them
    ("en", "Harwick Health said on Monday that a file on 4,100 patients had been posted in error to a public server on "
           "March 3. Harwick Health has apologised.\n\nNot the only one\n\nIn Ohio, Lake Ridge County said it had "
           "emailed test results for 9,800 residents to the wrong contacts. The county found the problem on June 2.\n\n"
           "Harwick Health said names and dates of birth were in its file."),
    ("fr", "Harwick Santé a indiqué lundi qu'un fichier concernant 4 100 patients avait été publié par erreur sur un "
           "serveur public le 3 mars. Harwick Santé s'est excusé.\n\nPas la seule\n\nDans l'Ohio, le comté de Lake Ridge "
           "a envoyé les résultats de 9 800 habitants aux mauvais destinataires. Le comté a découvert l'erreur le 2 juin."
           "\n\nHarwick Santé précise que les noms et dates de naissance figuraient dans son fichier."),
])
def test_a_heading_on_other_cases_keeps_their_dates_out(annotate, lang, text):
    result = annotate(lang, text, "2024-06-20")._.breach
    assert result.records.value == 4100
    assert (result.date.occurred, result.date.discovered) == ("2024-03-03", None)


@pytest.mark.parametrize("lang,text", [
    # a paragraph that opens on another organization goes on about it: its figure is not the count
    ("en", "Norvale Water said on Tuesday that an intruder had reached its billing server, and it is still "
           "checking whose details were on it.\n\nOthers have been through the same.\n\nBrackton Council, a rural "
           "authority in Wales, spotted an intrusion on its payroll system in May. It later wrote to 6,240 "
           "residents about the theft."),
    ("fr", "Le distributeur d'eau Norvale a indiqué mardi qu'un intrus avait atteint son serveur de facturation ; "
           "Norvale vérifie encore quelles données s'y trouvaient.\n\nD'autres sont passés par là.\n\nLa commune de "
           "Brackton, en Bretagne, a repéré une intrusion dans son logiciel de paie en mai. Elle a ensuite écrit à "
           "6 240 habitants au sujet du vol."),
])
def test_a_paragraph_about_another_organization_keeps_its_count_out(annotate, lang, text):
    result = annotate(lang, text, "2024-09-12")._.breach
    assert result.records is None


@pytest.mark.parametrize("lang,text,count", [
    # its opening sentence speaks of the victim by a definite description: the paragraph is still about it
    ("en", "Norvale Water admitted on Tuesday that an intruder had reached its billing server.\n\nThe utility "
           "company, a subsidiary of Marbeck Holdings, said the names of 18,300 customers were on it.", 18300),
    ("fr", "Norvale Eau a reconnu mardi qu'un intrus avait atteint son serveur de facturation.\n\nL'entreprise, "
           "filiale de Marbeck Holdings, indique que les noms de 18 300 clients y figuraient.", 18300),
])
def test_a_paragraph_opening_on_a_definite_description_stays_on_the_victim(annotate, lang, text, count):
    result = annotate(lang, text, "2024-09-12")._.breach
    assert result.records is not None and result.records.value == count


@pytest.mark.parametrize("lang,text", [
    # the only figure stands in a sentence that names another organization and not the victim
    ("en", "Harwick Dental confirmed on Friday that a former employee had copied its appointment book. Last year, "
           "Pellam Orthodontics reported a breach affecting more than 400,000 patients."),
    ("fr", "Le cabinet Harwick Dentaire a confirmé vendredi qu'un ancien salarié avait copié son agenda. L'an dernier, "
           "la clinique Pellam Orthodontie avait signalé une fuite touchant plus de 400 000 patients."),
])
def test_a_lone_figure_about_another_organization_is_not_the_count(annotate, lang, text):
    result = annotate(lang, text, "2024-09-12")._.breach
    assert result.records is None


@pytest.mark.parametrize("lang,text", [
    # "the carrier" / « le transporteur » describes the name right after it, not the victim
    ("en", "Brisant Ferries said on Monday that its booking site had been breached. Travellers were told to change "
           "their passwords. In 2022, the carrier Orvel Air saw about 640,000 passenger files posted online."),
    ("fr", "Brisant Ferries a indiqué lundi que son site de réservation avait été piraté. Les voyageurs doivent "
           "changer leur mot de passe. En 2022, l'opérateur national Orvel Air avait vu près de 640 000 dossiers "
           "de passagers publiés en ligne."),
])
def test_a_description_apposed_to_another_name_is_no_anaphor_of_the_victim(annotate, lang, text):
    assert annotate(lang, text, "2024-05-20")._.breach.records is None


@pytest.mark.parametrize("lang,text", [
    # the only occurrence cue is in a sentence about other incidents: the breach's own occurrence is unknown
    ("en", "Corvane Rail said on Thursday that it had spotted an intruder in its booking system on March 2. "
           "Corvane Rail is not the first operator in the region to be hit this year: in January, another "
           "carrier was attacked by ransomware."),
    ("fr", "Corvane Rail a indiqué jeudi avoir repéré un intrus dans son système de réservation le 2 mars. "
           "Corvane Rail n'est pas le premier transporteur de la région touché cette année : en janvier, une "
           "autre compagnie a été attaquée par un rançongiciel."),
])
def test_a_date_about_other_incidents_does_not_state_the_occurrence(annotate, lang, text):
    result = annotate(lang, text, "2024-03-08")._.breach
    assert result.date.occurred is None
    assert result.date.discovered == "2024-03-02"


@pytest.mark.parametrize("lang,text", [
    # "its statement follows other attacks on the sector: X said …": the figure is the other victim's
    ("en", "Halvard Pharma said on Monday that its servers had been encrypted and that it was checking whether data "
           "had been taken. Its statement follows other attacks on the industry: lab operator Quenby Labs said last "
           "week that the data of about 1.8 million patients had been stolen."),
    ("fr", "Halvard Pharma a indiqué lundi que ses serveurs avaient été chiffrés et qu'il vérifiait si des données "
           "avaient été prises. Cette annonce fait suite à d'autres attaques contre le secteur : le laboratoire Quenby "
           "Labs a indiqué la semaine dernière que les données d'environ 1,8 million de patients avaient été volées."),
])
def test_a_sentence_following_other_attacks_is_about_them(annotate, lang, text):
    assert annotate(lang, text, "2024-05-06")._.breach.records is None


@pytest.mark.parametrize("lang,text", [
    # "this incident is separate from the phishing incident we wrote about in 2022": that one's figure is not ours
    ("en", "Dear Patient,\n\nWe are writing about an intrusion into our network that Redwell Clinics found on May 2, "
           "2024.\n\nPlease note that this incident is separate from the phishing incident we wrote to some patients "
           "about in 2022, which exposed the files of 4,100 patients.\n\nRedwell Clinics"),
    ("fr", "Madame, Monsieur,\n\nNous vous écrivons au sujet d'une intrusion dans notre réseau que les Cliniques "
           "Redwell ont constatée le 2 mai 2024.\n\nCet incident est distinct de l'incident d'hameçonnage dont nous "
           "avions informé certains patients en 2022, qui avait exposé les dossiers de 4 100 patients.\n\n"
           "Cliniques Redwell"),
])
def test_a_sentence_setting_another_incident_apart_is_about_it(annotate, lang, text):
    result = annotate(lang, text, "2024-05-20")._.breach
    assert result.records is None
    assert result.date.discovered == "2024-05-02"


@pytest.mark.parametrize("lang,text", [
    # a paragraph opening on another organization but in the victim's first person ("some of our
    # systems") still speaks of the victim: its figure is the count
    ("en", "Dear Customer,\n\nWe are writing because you placed at least one order with Quickcart.\n\nVolunteers of the "
           "Redbit collective found security flaws in some of our systems and reported them to the national cyber "
           "agency. The flaws exposed the order details of more than 150,000 customers.\n\nQuickcart"),
    ("fr", "Chère cliente, cher client,\n\nNous vous écrivons parce que vous avez passé au moins une commande auprès de "
           "Quickcart.\n\nDes bénévoles du collectif Redbit ont repéré des failles dans certains de nos systèmes et les "
           "ont signalées à l'agence nationale de cybersécurité. Ces failles exposaient les commandes de plus de "
           "150 000 clients.\n\nQuickcart"),
])
def test_a_paragraph_opening_in_the_first_person_stays_on_the_victim(annotate, lang, text):
    assert annotate(lang, text, "2021-05-07")._.breach.records.value == 150000
