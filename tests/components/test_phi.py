"""Data categories and their status, French and English side by side."""
import pytest

import breachnlp

CASES = [
    # (id, lang, text, expected {category: status})
    ("fr-list", "fr", "Les noms, prénoms, sexe et âge des patients ont été volés.",
     {"name": "affirmed", "sex": "affirmed", "age": "affirmed"}),
    ("en-list", "en", "Names, addresses and dates of birth of patients were stolen.",
     {"name": "affirmed", "address": "affirmed", "date_of_birth": "affirmed"}),
    ("fr-negated-preceding", "fr", "Aucun dossier médical n'a été dérobé lors de l'attaque.", {"medical_record": "negated"}),
    ("en-negated-preceding", "en", "No Social Security numbers were involved in the breach.", {"national_id": "negated"}),
    ("fr-negated-following", "fr", "Les coordonnées bancaires n'ont pas été touchées par la fuite.", {"financial": "negated"}),
    ("en-negated-following", "en", "Financial information was not affected by the breach.", {"financial": "negated"}),
    ("fr-negated-ni", "fr", "Ni les IBAN ni les numéros de sécurité sociale n'ont été volés.",
     {"financial": "negated", "national_id": "negated"}),
    ("en-negated-did-not", "en", "The stolen files did not include passwords.", {"credentials": "negated"}),
    ("fr-hedged-conditional", "fr", "Des numéros de sécurité sociale auraient même été dérobés.", {"national_id": "hedged"}),
    ("en-hedged-may", "en", "The exposed data may have included Social Security numbers.", {"national_id": "hedged"}),
    ("fr-hedged-claim", "fr", "Selon les pirates, les mots de passe des clients ont été copiés.", {"credentials": "hedged"}),
    ("en-hedged-claim", "en", "The hackers claim they stole passwords of customers.", {"credentials": "hedged"}),
    ("fr-pseudo", "fr", "Les pirates ont volé non seulement les noms mais aussi les adresses e-mail.",
     {"name": "affirmed", "email": "affirmed"}),
    ("en-pseudo", "en", "The hackers stole not only names but also email addresses.",
     {"name": "affirmed", "email": "affirmed"}),
    ("fr-clause-scope", "fr", "Les noms ont été volés, mais aucune donnée bancaire n'a été dérobée.",
     {"name": "affirmed", "financial": "negated"}),
    ("en-clause-scope", "en", "Names were stolen, but no bank account numbers were taken.",
     {"name": "affirmed", "financial": "negated"}),
]


@pytest.mark.parametrize("case_id,lang,text,expected", CASES, ids=[c[0] for c in CASES])
def test_phi_categories_and_status(annotate, case_id, lang, text, expected):
    assert dict(annotate(lang, text)._.breach.phi) == expected


@pytest.mark.parametrize("lang,text", [
    ("fr", "Nous vous recommandons de changer vos mots de passe et de surveiller vos comptes bancaires."),
    ("en", "We recommend that you change your passwords and monitor your bank account statements."),
    ("fr", "Les données de santé sont parmi les plus sensibles qui soient."),
    ("en", "Health information is among the most sensitive data there is."),
    # a warning against phishing after an intrusion names data nobody took
    ("en", "Our Galway campus was hit by an intrusion on Monday. Please treat unexpected emails or calls that ask "
           "for passwords or bank details with caution."),
    ("fr", "Notre campus de Galway a subi une intrusion lundi. Traitez avec prudence les courriels ou appels "
           "inattendus qui vous demandent vos mots de passe ou vos coordonnées bancaires."),
])
def test_phi_advice_and_background_are_not_exposed_data(annotate, lang, text):
    assert annotate(lang, text)._.breach.phi == {}


@pytest.mark.parametrize("lang,text", [
    # an advice cue inside brackets is an aside on one item, not advice framing the list
    ("en", "Our review shows that these details were exposed: your name, your loyalty number (if you joined the "
           "scheme), your phone number and your postal address."),
    ("fr", "Notre enquête montre que ces données ont été exposées : votre nom, votre numéro de téléphone (en cas de "
           "commande en ligne) et votre adresse postale."),
    # ... nor in a sentence the previous one tells is about the exposed files
    ("fr", "Des chercheurs ont trouvé un serveur de la boutique Tessary qui laissait ses fichiers exposés. Pour les "
           "acheteurs, on y trouve le nom complet, le téléphone, l'adresse postale et le détail des achats (article, "
           "prix, date)."),
])
def test_phi_a_bracketed_condition_is_no_advice(annotate, lang, text):
    assert dict(annotate(lang, text)._.breach.phi) == {"name": "affirmed", "phone": "affirmed", "address": "affirmed"}


@pytest.mark.parametrize("lang,text", [
    ("fr", "Les noms ont peut-être été volés. Les noms des patients ont été publiés sur le dark web."),
    ("en", "Names may have been stolen. The names of patients were posted on a leak site."),
])
def test_phi_document_rule_affirmed_beats_hedged(annotate, lang, text):
    assert annotate(lang, text)._.breach.phi == {"name": "affirmed"}


@pytest.mark.parametrize("lang,text", [
    # an insider reading records exposes them, whatever the verb of reading
    ("en", "A billing clerk at Harwell Clinic looked through the medical records of her neighbours for months."),
    ("en", "Over two years, a porter at Lindmoor Hospital dug through patient charts with no work reason."),
    ("en", "A radiographer opened the health records of a television presenter at Brackley Infirmary."),
    ("fr", "Pendant des mois, une secrétaire de la clinique Vermont a fouillé dans les dossiers médicaux de ses voisins."),
])
def test_phi_records_read_by_an_insider_are_exposed(annotate, lang, text):
    assert annotate(lang, text)._.breach.phi == {"medical_record": "affirmed"}


def test_phi_explain_gives_the_cue_that_decided(annotate):
    doc = annotate("fr", "Aucun numéro de sécurité sociale n'a été volé.")
    span = [s for s in doc.spans["breach_phi"] if s._.phi_category == "national_id"][0]
    assert span._.phi_status == "negated"
    cue_start, cue_end, kind = span._.phi_cues[0]
    assert doc.text[cue_start:cue_end] == "Aucun" and kind == "preceding_negation"


@pytest.mark.parametrize("lang,text,status", [
    # what the attacker managed to do is stated as done; "may have been" is a hedge
    ("fr", "Le pirate a pu extraire les noms des patients de la clinique Ormeau.", "affirmed"),
    ("en", "The hacker was able to extract the names of Ormeau Clinic's patients.", "affirmed"),
    ("fr", "Les noms des patients de la clinique Ormeau ont pu être téléchargés.", "hedged"),
    ("en", "The names of Ormeau Clinic's patients may have been downloaded.", "hedged"),
    # a modal of possibility in the present hedges a list of data, as "may include" does
    ("fr", "Une intrusion a visé le centre Varenne. Il peut s'agir de votre nom et de votre date de naissance.", "hedged"),
    ("fr", "Une intrusion a visé le centre Varenne. Les fichiers volés peuvent notamment contenir votre nom.", "hedged"),
    ("en", "An intrusion hit the Varenne Center. The files may include your name and date of birth.", "hedged"),
    # ... with any verb of holding, the list after a colon too
    ("fr", "Une intrusion a visé le centre Varenne. Selon les cas, les fichiers peuvent comporter un ou plusieurs des "
     "éléments suivants : nom, adresse, date de naissance.", "hedged"),
    ("fr", "Une intrusion a visé le centre Varenne. Les documents copiés peuvent renfermer votre nom.", "hedged"),
    # ... in the imperfect too (« pouvaient contenir »), as "could contain" does
    ("fr", "Une intrusion a visé le centre Varenne. Selon les patients, les documents volés pouvaient contenir leur "
     "nom.", "hedged"),
    ("en", "An intrusion hit the Varenne Center. Depending on the patient, the stolen documents could contain their "
     "name.", "hedged"),
    ("en", "An intrusion hit the Varenne Center. Depending on the person, the files may contain one or more of the "
     "following: name, address, date of birth.", "hedged"),
    # a denial with "ne peut" is no modal of possibility over the data
    ("fr", "Une intrusion a visé le centre Varenne. Le centre ne peut que confirmer le vol de votre nom.", "affirmed"),
    # the conditional of any verb hedges (French), as "would" + a verb of holding does (English)
    ("fr", "D'après un consultant, l'archive du centre Varenne renfermerait le nom des résidents.", "hedged"),
    ("fr", "Dans les tableurs du centre Varenne figureraient le nom et l'adresse des résidents.", "hedged"),
    ("en", "A consultant said the Varenne Center archive would hold each resident's name.", "hedged"),
    # ... not the imperfect of a verb in -érer, nor the month of May
    ("fr", "Le pirate opérait depuis l'étranger ; il a dérobé le nom des résidents du centre Varenne.", "affirmed"),
    ("en", "The names of Varenne Center residents were copied by the intruder in May.", "affirmed"),
    ("en", "The names of Varenne Center residents were copied by the intruder in early May, the center said.",
     "affirmed"),
])
def test_phi_modals_hedge_by_their_voice_and_mood(annotate, lang, text, status):
    assert annotate(lang, text, "2024-06-14")._.breach.phi.get("name") == status


@pytest.mark.parametrize("lang,text,status", [
    # the doubt in one sentence, the inventory in another: what the systems held is possibly exposed
    ("en", "Lindqvist Dental cannot determine whether the intruder opened any file. The server held patient "
           "names and home addresses.", "hedged"),
    ("fr", "La mutuelle Orvalle ne sait pas si les fichiers ont été consultés. Le serveur attaqué abritait les "
           "noms et adresses de ses adhérents.", "hedged"),
    ("fr", "La mutuelle Orvalle n'a trouvé aucune trace que des documents aient été copiés. Les noms et adresses "
           "des adhérents y étaient stockés.", "hedged"),
    # the doubt in the conditional of a passive: "auraient pu être consultés", "could have been viewed"
    ("fr", "Les courriels du cabinet Ostrelle auraient pu être consultés par un tiers. La boîte contenait les noms "
           "et les numéros de téléphone de patients.", "hedged"),
    ("en", "The mailbox of the Ostrelle practice could have been viewed by an outsider. It contained the names and "
           "phone numbers of patients.", "hedged"),
    # a sentence that names data as taken settles the doubt
    ("en", "The intruder copied patient names. Lindqvist Dental cannot determine whether anyone opened the other "
           "folders, which held home addresses.", "affirmed"),
    ("fr", "Les noms des adhérents ont été dérobés. La mutuelle Orvalle ne sait pas si les autres dossiers ont "
           "été ouverts.", "affirmed"),
    # a doubt about others than the one who saw it, or about which people, is no doubt about the access
    ("en", "Lindqvist Dental found no evidence that anyone other than the auditor accessed the server. The server "
           "held patient names.", "affirmed"),
    ("en", "Lindqvist Dental could not determine which patients were in the mailbox. The mailbox held patient "
           "names.", "affirmed"),
    # the organization disputes the leak others report: what they list is possibly exposed
    ("en", "Lindqvist Dental says the intrusion took place on May 2 but insists no patient data was compromised. A "
           "local paper reported that patient names and addresses were among the files.", "hedged"),
    ("fr", "La mutuelle Orvalle affirme qu'aucune donnée d'adhérent n'a été compromise. Selon un quotidien, les noms "
           "et adresses des adhérents figurent dans les fichiers.", "hedged"),
    # ... unless the text states the data as taken
    ("en", "Lindqvist Dental insists no patient data was compromised, but the hackers posted patient names online.",
     "affirmed"),
    # the doubt as what cannot be ruled out, or as "nothing suggests"; the inventory held apart
    ("en", "The Brackwater clinic's file server, which held patient names and birth dates, was scrambled by "
           "ransomware. Nothing so far suggests the attackers looked at the records, but the clinic cannot rule "
           "that out.", "hedged"),
    ("fr", "Le serveur du cabinet Ostrelle contenait les noms et les dates de naissance des patients. Le cabinet "
           "reconnaît ne pas pouvoir déterminer si ces fichiers ont été consultés.", "hedged"),
    ("fr", "Le serveur du cabinet Ostrelle contenait les noms des patients. Rien n'indique un vol, mais le cabinet "
           "ne peut pas l'exclure.", "hedged"),
    ("fr", "Le serveur du cabinet Ostrelle contenait les noms des patients. L'enquête n'a pas pu dire si ces "
           "fichiers avaient été copiés.", "hedged"),
    # data the text says were open to others are exposed, whatever the doubt on who looked at them
    ("en", "In the breach, a spreadsheet with every member's name and phone number was open to all staff of the "
           "Brackwater agency for a year. The agency cannot rule it out that someone looked at it.", "affirmed"),
    # a claim the text calls unconfirmed
    ("en", "The gang says it took the Brackwater clinic's patient names and addresses. None of this is confirmed.",
     "hedged"),
])
def test_phi_doubt_about_the_access_hedges_the_inventory(annotate, lang, text, status):
    assert annotate(lang, text, "2024-06-14")._.breach.phi.get("name") == status


@pytest.mark.parametrize("lang,text,expected", [
    # forum register: a "sample" or "dump" of the data is its exposure
    ("en", "someone dropped a sample of the Ormeau dump: names, phone numbers and blood tests.",
     {"name": "affirmed", "phone": "affirmed", "test_result": "affirmed"}),
    ("fr", "un échantillon du fichier d'Ormeau circule : noms, numéros de téléphone et bilans sanguins.",
     {"name": "affirmed", "phone": "affirmed", "test_result": "affirmed"}),
    # the email that notifies patients is no exposed email address
    ("en", "Ormeau patients received an email telling them that their names were stolen.", {"name": "affirmed"}),
    ("fr", "Les patients d'Ormeau reçoivent un courriel les informant que leurs noms ont été volés.", {"name": "affirmed"}),
    # what a record says about the care: the reason for the visit, the type of diabetes, surgery reports
    ("en", "The stolen files held the reason for the visit, the type of diabetes and operative reports.",
     {"condition": "affirmed", "treatment": "affirmed"}),
    ("fr", "Les fichiers volés contenaient le motif des consultations, le type de diabète et des comptes rendus "
           "opératoires.", {"condition": "affirmed", "treatment": "affirmed"}),
])
def test_phi_forum_words_medium_and_care_details(annotate, lang, text, expected):
    assert annotate(lang, text, "2024-06-14")._.breach.phi == expected


REAL_WORDING = [
    # a data list without a verb of exposure counts
    # a list of data with no verb of exposure, after a sentence that says data was seen
    ("fr", "Des pirates ont consulté le serveur de la clinique Brenwick. Il s'agit de vos nom, prénom et numéro "
           "de sécurité sociale.", {"name": "affirmed", "national_id": "affirmed"}),
    ("en", "Intruders viewed files on a Brenwick Health server. Your name, date of birth and Social Security "
           "number, in short.", {"name": "affirmed", "date_of_birth": "affirmed", "national_id": "affirmed"}),
    # a long enough list says by itself what was exposed, with its own doubt
    ("fr", "La clinique Brenwick a subi une attaque. Noms, numéros de téléphone, adresses et numéros de dossier "
           "pourraient être en cause.", {"name": "hedged", "phone": "hedged", "address": "hedged",
                                         "patient_id": "hedged"}),
    ("en", "Brenwick Health suffered an attack. Names, phone numbers, home addresses and chart numbers could be "
           "in play.", {"name": "hedged", "phone": "hedged", "address": "hedged"}),
    # a list heading gives its bullets their status
    ("en", "Names were exposed in the breach at Morency Clinic.\nNot affected:\n- bank account numbers\n"
           "- Social Security numbers", {"name": "affirmed", "financial": "negated", "national_id": "negated"}),
    ("fr", "Les noms ont été exposés lors de la fuite à la clinique Morency.\nNe sont pas concernés :\n"
           "- les coordonnées bancaires\n- les numéros de sécurité sociale",
     {"name": "affirmed", "financial": "negated", "national_id": "negated"}),
    ("en", "Morency Clinic was hacked.\nInformation that may have been involved:\n- names\n- dates of birth",
     {"name": "hedged", "date_of_birth": "hedged"}),
    # ... and so does a sentence that names data itself before its colon
    ("en", "An intruder copied files at Morency Clinic. The files may have held your name and any of the "
           "following:\n- home address\n- date of birth", {"name": "hedged", "address": "hedged",
                                                          "date_of_birth": "hedged"}),
    ("fr", "Un pirate a copié des fichiers de la clinique Morency. Les fichiers volés peuvent contenir votre nom et l'un "
           "des éléments suivants :\n- adresse postale\n- date de naissance", {"name": "hedged", "address": "hedged",
                                                                          "date_of_birth": "hedged"}),
    ("en", "An intruder copied files at Morency Clinic. The files held your name and the following:\n"
           "- home address\n- date of birth", {"name": "affirmed", "address": "affirmed",
                                              "date_of_birth": "affirmed"}),
    # a clause ending in a colon gives the list after it its status, in the same sentence; a clause
    # with a verb of its own after the colon keeps its own
    ("fr", "Les noms des adhérents de la mutuelle Garance ont fuité. Le prestataire précise que d'autres données "
           "n'étaient pas sur ce serveur et ne sont donc pas touchées : vos coordonnées bancaires, votre numéro de "
           "téléphone et votre adresse électronique.",
     {"name": "affirmed", "financial": "negated", "phone": "negated", "email": "negated"}),
    ("en", "Names of Garance Health members were leaked. The vendor says other data were never stored on that "
           "server and were not involved: bank account numbers, phone numbers or email addresses.",
     {"name": "affirmed", "financial": "negated", "phone": "negated", "email": "negated"}),
    ("en", "Garance Health was not the only target this spring: the hackers stole member names and phone numbers.",
     {"name": "affirmed", "phone": "affirmed"}),
    ("fr", "La clinique Garance n'a pas été la seule visée : les pirates ont volé les noms et les numéros de "
           "téléphone des patients.", {"name": "affirmed", "phone": "affirmed"}),
    # "sauf que", "except that" join clauses and deny nothing
    ("fr", "Le serveur servait à des jeux, sauf qu'il contenait les données des patients : noms, adresses et "
           "numéros de téléphone.", {"name": "affirmed", "address": "affirmed", "phone": "affirmed"}),
    ("en", "The server hosted games, except that it also held patient data: names, addresses and phone numbers.",
     {"name": "affirmed", "address": "affirmed", "phone": "affirmed"}),
    # neither nor and out of reach deny
    ("en", "Names were taken. Lab results were neither viewed nor copied, Morency Clinic said.",
     {"name": "affirmed", "test_result": "negated"}),
    ("fr", "Les noms ont été volés, mais les dossiers médicaux sont restés hors d'atteinte, selon la clinique Morency.",
     {"name": "affirmed", "medical_record": "negated"}),
    # a head noun shared by two categories
    ("en", "The intruder copied the home and email addresses of Morency Clinic patients.",
     {"address": "affirmed", "email": "affirmed"}),
    ("en", "Names were taken; no clinical or payment information was involved.",
     {"name": "affirmed", "health_info": "negated", "financial": "negated"}),
    ("fr", "Le pirate a copié les adresses postale et électronique des patients de la clinique Morency.",
     {"address": "affirmed", "email": "affirmed"}),
    # a counted identifier is still exposed data
    ("en", "Hackers took 2.3 million passport numbers from Morency Travel.", {"id_document": "affirmed"}),
    ("fr", "Les pirates ont récupéré 15 000 numéros de carte bancaire chez Morency Voyages.", {"financial": "affirmed"}),
]


@pytest.mark.parametrize("lang,text,expected", REAL_WORDING)
def test_phi_real_wording(annotate, lang, text, expected):
    """Structures and words of real notices: verbless lists, list headings, a shared head noun,
    counted identifiers, "neither … nor"."""
    phi = dict(annotate(lang, text)._.breach.phi)
    assert {k: phi.get(k) for k in expected} == expected


@pytest.mark.parametrize("lang,text,expected", [
    # regional identifiers and clinical paraphrases of real notices
    ("fr", "Les pirates ont dérobé les numéros d'assurance sociale et les renseignements de nature clinique des "
           "patients de la clinique Morency.", {"national_id": "affirmed", "health_info": "affirmed"}),
    ("fr", "Les numéros de carte d'assurance maladie des usagers ont été volés.", {"insurance": "affirmed"}),
    ("en", "Hackers stole the NHS numbers and doctors' charts of patients of the Morency surgery.",
     {"patient_id": "affirmed", "medical_record": "affirmed"}),
    ("en", "The leaked files held NRIC numbers of the clinic's patients.", {"national_id": "affirmed"}),
])
def test_phi_regional_identifiers_and_clinical_paraphrases(annotate, lang, text, expected):
    phi = dict(annotate(lang, text)._.breach.phi)
    assert {k: phi.get(k) for k in expected} == expected
    assert "financial" not in phi


# Words about what the organization does or uses, not about what leaked: each list pairs them with
# sentences where the same category is exposed, so the cases fail both ways.
PROCESSING_AND_SERVICES = [
    # the data-protection sense of "traitement" (processing) is no medical treatment
    ("fr", "Selon l'autorité, le responsable du traitement a laissé fuiter les noms et les adresses "
           "de 3 200 adhérents de la mutuelle Vernaise.", {"name": "affirmed", "address": "affirmed"}),
    ("fr", "La société Quelmar a été sanctionnée : son traitement automatisé exposait les noms des clients.",
     {"name": "affirmed"}),
    # a patient's treatments still are
    ("fr", "Les pirates ont dérobé les noms des patients de la clinique Vernaise et leurs traitements en cours.",
     {"name": "affirmed", "treatment": "affirmed"}),
    # the compliance sense of "procedures" and care the organization gives are none either
    ("en", "Hackers took the names and emails of patients of Vernay Eye Clinic. The clinic has since updated "
           "its policies and procedures.", {"name": "affirmed", "email": "affirmed"}),
    ("en", "The attack on the surgery chain Quelmar Health exposed patient names.", {"name": "affirmed"}),
    ("en", "Hackers took patient names and details of the treatments they received at Vernay Eye Clinic.",
     {"name": "affirmed", "treatment": "affirmed"}),
]
REMEDIATION_AND_MEASURES = [
    # a reset, a password rule or an authentication measure is what the organization did, not what leaked
    ("fr", "Les pirates ont copié les noms des patients du cabinet Vernaise, qui a depuis réinitialisé les mots de "
           "passe et mis en place une authentification renforcée.", {"name": "affirmed"}),
    ("en", "Hackers copied the names of Quelmar Dental patients; the practice then reset passwords and added "
           "multi-factor authentication.", {"name": "affirmed"}),
    # leaked passwords still are
    ("fr", "Les pirates ont publié les noms et les mots de passe des clients de la pharmacie Vernaise.",
     {"name": "affirmed", "credentials": "affirmed"}),
    ("en", "The attackers posted the names and passwords of Quelmar Dental patients.",
     {"name": "affirmed", "credentials": "affirmed"}),
]
MESSAGES_AND_MAILBOXES = [
    # messages, mailboxes and the channel of a notice are no exposed email addresses
    ("fr", "Les pirates sont entrés par un courriel piégé et ont copié les noms des patients du centre Vernaise.",
     {"name": "affirmed"}),
    ("fr", "Les pirates ont emporté des milliers de courriels et de contrats internes de la société Quelmar, "
           "ainsi que les noms de ses clients.", {"name": "affirmed"}),
    ("en", "Hackers copied internal emails and the names of patients of Quelmar Dental.", {"name": "affirmed"}),
    ("en", "The names of Vernay Eye Clinic patients were stolen; the clinic will reach them by email or letter.",
     {"name": "affirmed"}),
    # email addresses still are
    ("fr", "Les noms et les adresses électroniques des patients du centre Vernaise ont été copiés.",
     {"name": "affirmed", "email": "affirmed"}),
    ("en", "The names and email addresses of Quelmar Dental patients were copied.",
     {"name": "affirmed", "email": "affirmed"}),
]

SYSTEMS_BUSINESSES_AND_NAMES = [
    # a data word that modifies a vendor, a business or a place names no data
    ("en", "Orlen Labs, a medication wholesaler's software vendor, said the names of its clients' customers were "
           "stolen.", {"name": "affirmed"}),
    ("en", "Hackers who hit an EHR vendor stole the names of Tavish Clinic patients.", {"name": "affirmed"}),
    ("fr", "Un distributeur de médicaments, Orlenpharm, a confirmé le vol des noms de ses clients.", {"name": "affirmed"}),
    ("fr", "Les pirates ont dérobé les noms des personnes passées par le centre de vaccination de Tavèze.",
     {"name": "affirmed"}),
    ("en", "Hackers broke into Covena, an online insurance marketplace, and stole the names of its users.",
     {"name": "affirmed"}),
    ("fr", "Des pirates ont visé Covena, un courtier en assurance en ligne, et volé les noms de ses utilisateurs.",
     {"name": "affirmed"}),
    # a capitalised word of care after a capitalised word is a business name in running text
    ("en", "Patients of Brightwell Physical Therapy were told that hackers took their names.", {"name": "affirmed"}),
    # ... not an identifier after the word that opens the sentence, nor a headline in title case
    ("en", "Your Social Security number was copied by the intruder.", {"national_id": "affirmed"}),
    ("en", "Tavish Clinic Says Hackers Stole Patient Names And Treatment Details",
     {"name": "affirmed", "treatment": "affirmed"}),
    # the same words as data
    ("en", "The hackers stole patient names and the medications each customer of Orlen Labs bought.",
     {"name": "affirmed", "medication": "affirmed"}),
    ("fr", "Les pirates ont dérobé les noms et les dates de vaccination des patients de Tavèze.",
     {"name": "affirmed", "treatment": "affirmed"}),
]


@pytest.mark.parametrize("lang,text,expected", PROCESSING_AND_SERVICES + REMEDIATION_AND_MEASURES
                         + MESSAGES_AND_MAILBOXES + SYSTEMS_BUSINESSES_AND_NAMES)
def test_phi_what_the_organization_does_or_uses_is_no_exposed_data(annotate, lang, text, expected):
    assert annotate(lang, text)._.breach.phi == expected


@pytest.mark.parametrize("lang,text,category", [
    # what an attacker's advert lists, or what it says it posted, is a claim: hedged
    ("fr", "Un pirate a mis en vente une base de la mutuelle Orvalis. Dans son annonce, il cite les noms, les adresses "
           "postales et les numéros de téléphone de 20 000 adhérents.", "address"),
    ("en", "The gang posted what it said were passport scans of Harlow Clinic patients on its leak site.", "id_document"),
    # the seller's words, in the participle too
    ("en", "A seller listed a Harlow Clinic database on a forum on Monday, claiming it held patients' home addresses.",
     "address"),
    ("fr", "Un vendeur a mis en ligne une base de la clinique Harlow lundi, prétendant qu'elle contenait les adresses "
           "postales des patients.", "address"),
])
def test_phi_what_an_attacker_lists_or_says_it_posted_is_hedged(lang, text, category):
    record = breachnlp.extract(text, lang=lang, published="2025-05-06")
    assert record.phi.get(category) == "hedged"


@pytest.mark.parametrize("lang,text,expected", [
    # a question ends a clause, and "no idea" / "no answer" deny nothing
    ("fr", "La mutuelle Ormeau a été piratée. Dans le lot : nom, adresse postale et mot de passe. chiffré ? "
           "aucune idée, même la presse n'a pas eu la réponse.",
     {"name": "affirmed", "address": "affirmed", "credentials": "affirmed"}),
    ("en", "Ormeau Credit Union was hacked. Stolen: names, home addresses and passwords. hashed? no idea, even the "
           "press got no answer.", {"name": "affirmed", "address": "affirmed", "credentials": "affirmed"}),
])
def test_phi_a_question_and_no_idea_negate_nothing(lang, text, expected):
    phi = breachnlp.extract(text, lang=lang).phi
    assert {k: phi.get(k) for k in expected} == expected


@pytest.mark.parametrize("lang,text,expected", [
    # a denial with no verb of its own still speaks of the breach; a health card is insurance
    ("fr", "Le dossier des patients de la clinique Ormeau a été volé : noms et numéros de carte santé. Selon la "
           "clinique, aucune info financière.", {"insurance": "affirmed", "financial": "negated"}),
    ("en", "Files of Ormeau Clinic patients were stolen: names and health card numbers. According to the clinic, "
           "no financial information.", {"insurance": "affirmed", "financial": "negated"}),
])
def test_phi_a_verbless_denial_and_health_cards(lang, text, expected):
    phi = breachnlp.extract(text, lang=lang).phi
    assert {k: phi.get(k) for k in expected} == expected


@pytest.mark.parametrize("lang,text,category", [
    # the organization cannot be sure the files were taken: what they held is possibly exposed
    ("en", "The details of Ormeau Pension Fund members may have been stolen in the attack on its administrator. "
           "The fund could not yet be certain whether the information had been taken. The files contain names and "
           "dates of birth.", "date_of_birth"),
    ("fr", "Un rançongiciel a verrouillé les fichiers de la clinique Ormeau, qui contenaient les noms et les dates "
           "de naissance des patients. Nous n'avons trouvé aucune trace indiquant qu'un intrus ait ouvert ces "
           "fichiers.", "date_of_birth"),
])
def test_phi_an_inventory_under_doubt_is_hedged(lang, text, category):
    assert breachnlp.extract(text, lang=lang).phi.get(category) == "hedged"


@pytest.mark.parametrize("lang,text", [
    # a device's password is its protection, "not encrypted" no denial, the home it was taken from no address,
    # and the data word in the victim's own name ("Soins") no data
    ("fr", "L'ordinateur portable d'une infirmière d'Arvel Soins à domicile a été volé à son domicile le 3 mai. "
           "Protégé par un mot de passe, il contenait les noms de 900 patients."),
    ("en", "The laptop of a nurse at Arvel Home Care was stolen from her car on May 3. The laptop, protected by a "
           "password but not encrypted, held the names of 900 patients."),
])
def test_phi_a_devices_protection_and_where_it_was_stolen_are_no_data(lang, text):
    import breachnlp

    assert breachnlp.extract(text, lang=lang, published="2024-06-14").phi == {"name": "affirmed"}


@pytest.mark.parametrize("lang,text,expected", [
    # the company speaking ("selon le groupe", "according to the group") is no attacker's claim
    ("fr", "Selon le groupe hôtelier Arvel, les noms et les adresses électroniques de clients ont été consultés.",
     {"name": "affirmed", "email": "affirmed"}),
    ("en", "According to the group, which runs the Arvel hotels, guests' names and email addresses were accessed.",
     {"name": "affirmed", "email": "affirmed"}),
    # an ellipsis ends the clause: a conditional after it hedges nothing before it
    ("fr", "les fichiers volés à la clinique Arvel contiennent le nom et le téléphone du client... certains dossiers "
           "remonteraient à 2020.",
     {"name": "affirmed", "phone": "affirmed"}),
    ("en", "the files stolen from Arvel Clinic hold the owner's name and phone number... some of them might go back "
           "to 2020.",
     {"name": "affirmed", "phone": "affirmed"}),
    # "ont pu avoir accès", "may have had access": possibly exposed
    ("fr", "Les pirates ont pu avoir accès aux noms des patients de la clinique Arvel.", {"name": "hedged"}),
    ("en", "The hackers may have had access to the names of Arvel Clinic patients.", {"name": "hedged"}),
])
def test_phi_the_company_speaking_an_ellipsis_and_could_have(lang, text, expected):
    import breachnlp

    phi = breachnlp.extract(text, lang=lang, published="2024-06-14").phi
    assert {k: phi.get(k) for k in expected} == expected


@pytest.mark.parametrize("lang,text,expected", [
    # a general term with its details in brackets names the details only
    ("fr", "Les informations volées à la clinique Arvel comprennent les coordonnées (adresse électronique, numéro de "
           "téléphone) des patients.", {"email": "affirmed", "phone": "affirmed"}),
    ("en", "Hackers stole the contact details (email addresses, phone numbers) of Arvel Clinic patients.",
     {"email": "affirmed", "phone": "affirmed"}),
    # but a denial in brackets leaves the term standing
    ("en", "The files taken from Arvel Clinic included your name and bank account number (without any PIN).",
     {"name": "affirmed", "financial": "affirmed", "credentials": "negated"}),
    ("fr", "Les fichiers volés à la clinique Arvel comprenaient votre nom et votre RIB (sans aucun mot de passe).",
     {"name": "affirmed", "financial": "affirmed", "credentials": "negated"}),
])
def test_phi_a_general_term_with_its_details_in_brackets(lang, text, expected):
    import breachnlp

    assert breachnlp.extract(text, lang=lang, published="2024-06-14").phi == expected


@pytest.mark.parametrize("lang,text,expected", [
    # an identifier explained in brackets is no umbrella: it keeps its category, and the word that
    # explains it (« l'identifiant ») is no data of its own
    ("fr", "Chez l'éditeur Ravelin, les pirates ont copié les noms et les numéros AVS (l'identifiant attribué à "
           "chaque assuré) des clients.", {"name": "affirmed", "national_id": "affirmed"}),
    ("en", "The stolen Ravelin files held names and Medicare numbers (which for some members are their Social "
           "Security numbers).", {"name": "affirmed", "national_id": "affirmed", "insurance": "affirmed"}),
    ("fr", "Les fichiers volés chez Ravelin contenaient les noms et les numéros de carte Vitale (qui reprennent le "
           "numéro de sécurité sociale) des assurés.", {"name": "affirmed", "national_id": "affirmed",
                                                       "insurance": "affirmed"}),
])
def test_phi_an_identifier_explained_in_brackets_keeps_its_category(lang, text, expected):
    import breachnlp

    assert breachnlp.extract(text, lang=lang, published="2024-06-14").phi == expected


@pytest.mark.parametrize("lang,text,expected", [
    # a negation after an adverb set off by commas, or with a pronoun between "ne" and "pas", still denies;
    # member, group and policy numbers are insurance identifiers
    ("en", "A laptop of Arvel Health Plan was stolen. It held names and member numbers. Medical records, however, "
           "were not on the device.", {"name": "affirmed", "insurance": "affirmed", "medical_record": "negated"}),
    ("fr", "Un portable de la mutuelle Arvel a été volé. Y figuraient les noms et les numéros de membre des assurés. "
           "Les dossiers médicaux, eux, ne se trouvaient pas sur l'appareil.",
     {"name": "affirmed", "insurance": "affirmed", "medical_record": "negated"}),
    ("fr", "Chez l'assureur Arvel, les pirates ont copié les noms et les numéros de police d'assurance des clients.",
     {"name": "affirmed", "insurance": "affirmed"}),
])
def test_phi_a_denial_around_an_incise_and_insurance_numbers(lang, text, expected):
    import breachnlp

    assert breachnlp.extract(text, lang=lang, published="2024-06-14").phi == expected


@pytest.mark.parametrize("text,expected", [
    # "had not been compromised" denies like "were not compromised"
    ("Hackers stole the names of 2,000 Arvel Clinic patients. The clinic said medical records had not been "
     "compromised.", {"name": "affirmed", "medical_record": "negated"}),
    ("Hackers stole the names of 2,000 Arvel Clinic patients. Medical records have never been accessed, it said.",
     {"name": "affirmed", "medical_record": "negated"}),
])
def test_phi_a_negated_perfect_denies(text, expected):
    import breachnlp

    assert breachnlp.extract(text, lang="en", published="2024-06-14").phi == expected


def test_phi_a_negated_pluperfect_denies_in_french():
    import breachnlp

    text = ("Des pirates ont volé les noms de 2 000 patients de la clinique Arvel. Selon la clinique, les dossiers "
            "médicaux n'avaient pas été compromis.")
    assert breachnlp.extract(text, lang="fr", published="2024-06-14").phi == {"name": "affirmed",
                                                                               "medical_record": "negated"}


@pytest.mark.parametrize("lang,text,expected", [
    # a short pointer ending with a colon ("Il s'agit de :", "These are:") carries the exposure of the
    # sentence before it to the bullets after it
    ("fr", "Madame, Monsieur,\n\nLe 3 mars, des pirates ont copié des fichiers de la mutuelle Arvel. Il s'agit de :\n"
           "• vos nom et prénom ;\n• votre numéro de téléphone ;\n• votre adresse postale.\n\nMutuelle Arvel",
     {"name": "affirmed", "phone": "affirmed", "address": "affirmed"}),
    ("en", "Dear Member,\n\nOn March 3, hackers copied files of Arvel Health Plan. These are:\n• your name;\n"
           "• your phone number;\n• your postal address.\n\nArvel Health Plan",
     {"name": "affirmed", "phone": "affirmed", "address": "affirmed"}),
    # no pointer after a sentence about something else
    ("en", "Arvel Health Plan opened a new office in March. These are:\n• your name;\n• your phone number.",
     {}),
])
def test_phi_a_short_pointer_carries_the_exposure_to_its_list(lang, text, expected):
    import breachnlp

    assert breachnlp.extract(text, lang=lang, published="2024-06-14").phi == expected


@pytest.mark.parametrize("lang,text,expected", [
    # records found unprotected, papers found among others: exposed
    ("en", "Staff of a neighbouring practice came across unprotected medical records in the empty building of "
           "Arvel Surgery.", {"medical_record": "affirmed"}),
    ("en", "The regulator fined Arvel Surgery. Among the papers were patients' prescriptions and lab results.",
     {"medication": "affirmed", "test_result": "affirmed"}),
    ("fr", "Le personnel d'un cabinet voisin est tombé sur des dossiers médicaux non protégés dans l'ancien local "
           "du cabinet Arvel.", {"medical_record": "affirmed"}),
])
def test_phi_records_found_unprotected_or_among_papers_are_exposed(lang, text, expected):
    import breachnlp

    assert breachnlp.extract(text, lang=lang, published="2024-06-14").phi == expected


@pytest.mark.parametrize("lang,text,expected", [
    # the claim stays unconfirmed in a sentence of its own: the whole inventory is possibly exposed
    ("en", "A seller posted a listing offering files of Arvel Clinic with names, phone numbers and diagnoses. "
           "None of this has been confirmed by the clinic.",
     {"name": "hedged", "phone": "hedged", "condition": "hedged"}),
    ("fr", "Un vendeur a mis en vente des fichiers de la clinique Arvel avec les noms, les numéros de téléphone et "
           "les diagnostics des patients. Aucune de ces affirmations n'a pu être vérifiée.",
     {"name": "hedged", "phone": "hedged", "condition": "hedged"}),
    # in the list's own sentence, only that list; an unknown count is no doubt on the data
    ("en", "Arvel Clinic confirmed that names and phone numbers were stolen. The gang says it also took diagnoses, "
           "claims the clinic has not confirmed.",
     {"name": "affirmed", "phone": "affirmed", "condition": "hedged"}),
    ("en", "Hackers stole names and phone numbers of Arvel Clinic patients. The clinic has not confirmed how many "
           "people were affected.", {"name": "affirmed", "phone": "affirmed"}),
])
def test_phi_an_unconfirmed_claim_hedges_what_it_lists(lang, text, expected):
    import breachnlp

    assert breachnlp.extract(text, lang=lang, published="2024-06-14").phi == expected


@pytest.mark.parametrize("lang,text", [
    # denying a lawsuit's claims is no doubt that the data was reached
    ("en", "Ormeau Clinic said the server the intruders reached held the names and Social Security numbers of 3,000 "
           "patients. In the class action that followed, Ormeau denied every claim but agreed to a $300,000 settlement."),
    ("fr", "La clinique Ormeau indique que le serveur atteint par les intrus contenait les noms et numéros de sécurité "
           "sociale de 3 000 patients. Dans le procès qui a suivi, la clinique a nié toute responsabilité dans le vol "
           "mais a accepté un règlement."),
])
def test_phi_denying_a_lawsuits_claims_leaves_the_data_affirmed(lang, text):
    phi = breachnlp.extract(text, lang=lang, published="2024-06-14").phi
    assert phi == {"name": "affirmed", "national_id": "affirmed"}


@pytest.mark.parametrize("lang,text", [
    # a forum post in lower case ends its sentences all the same: the denial of one sentence does not
    # reach the list of the sentence before it
    ("fr", "posté par kestrel le 3 mars.\n\nbon, la clinique ostrelle s'est fait chiffrer. sur les serveurs il y "
           "avait les noms, les adresses et les diagnostics des patients. pas de coordonnées bancaires dedans selon eux. "
           "ils offrent un an de surveillance. rien sur une rançon."),
    ("en", "posted by kestrel on march 3.\n\nso the ostrelle clinic got encrypted. the servers had patient names, "
           "addresses and diagnoses. no bank details in there according to them. they offer a year of monitoring. "
           "nothing about a ransom."),
])
def test_phi_a_lower_case_post_ends_its_sentences(annotate, lang, text):
    phi = annotate(lang, text, "2024-03-05")._.breach.phi
    assert phi.get("financial") == "negated"
    assert phi.get("name") == "affirmed" and phi.get("condition") == "affirmed"


@pytest.mark.parametrize("lang,text", [
    # the victim's noun anaphor ("the company") speaks in a sentence that also names another organization (a
    # magazine here): the data it lists is still the breach's; a pronoun ("their") may be anyone's
    ("en", "Harlow Water said on Monday that hackers had broken into its billing servers. According to the "
           "company, the data taken includes the names and bank details of 4,000 subscribers to the AQUA magazine."),
    ("fr", "Harlow Eaux a annoncé lundi que des pirates étaient entrés dans ses serveurs de facturation. Selon "
           "l'entreprise, les données volées comprennent les noms et coordonnées bancaires de 4 000 abonnés du "
           "magazine AQUA."),
])
def test_phi_the_victims_anaphor_keeps_a_sentence_naming_another_organization(lang, text):
    phi = breachnlp.extract(text, lang=lang, published="2024-06-14").phi
    assert phi == {"name": "affirmed", "financial": "affirmed"}


@pytest.mark.parametrize("lang,text", [
    # national numbers of other countries are national identifiers
    ("en", "Hackers took the names and resident registration numbers of 3,000 Varenne Travel customers."),
    ("en", "The leaked files held the names and taxpayer registration numbers of Varenne Bank clients."),
    ("fr", "Les pirates ont volé les noms et numéros de service citoyen de 3 000 clients de Varenne Voyages."),
    ("fr", "Les fichiers volés contenaient les noms et numéros PESEL des clients de Varenne Télécom."),
    # the same numbers in both languages (India's Aadhaar, Singapore's NRIC, Switzerland's AVS number)
    ("fr", "Des pirates ont dérobé les noms et les numéros Aadhaar de 20 000 candidats à un logement de Varenne."),
    ("fr", "Les fichiers volés contenaient les noms et numéros NRIC de 800 patients de la clinique Varenne."),
    ("en", "Hackers stole the names and AVS numbers of 3,000 clients of Varenne Insurance."),
])
def test_phi_national_numbers_of_other_countries(lang, text):
    assert breachnlp.extract(text, lang=lang, published="2024-06-14").phi == {"name": "affirmed", "national_id": "affirmed"}


@pytest.mark.parametrize("lang,text", [
    # extracting data is exposing it: "no extraction of X" denies X
    ("en", "Names were copied. We have found no extraction of payment information or postal addresses."),
    ("fr", "Les noms ont été copiés. Nous n'avons constaté aucune extraction des informations de paiement ni des "
           "adresses postales."),
])
def test_phi_no_extraction_denies_the_data(lang, text):
    assert breachnlp.extract(text, lang=lang, published="2024-06-14").phi == \
        {"name": "affirmed", "address": "negated", "financial": "negated"}


@pytest.mark.parametrize("lang,text", [
    # "what may have left" heading a list: the listed data is possibly exposed
    ("fr", "Varenne a été piratée. Ce qui a pu fuiter lors du piratage :\n- nom, adresse\n- date de naissance"),
    ("en", "Varenne was hacked. What could have leaked in the hack:\n- name, address\n- date of birth"),
])
def test_phi_what_may_have_left_hedges_its_list(lang, text):
    assert breachnlp.extract(text, lang=lang, published="2024-06-14").phi == \
        {"name": "hedged", "address": "hedged", "date_of_birth": "hedged"}


@pytest.mark.parametrize("lang,text,doubted", [
    # doubt read on the parse: a doubting adverb on the verb that governs the data, wherever it stands
    ("en", "According to a forum post, the leaked dump supposedly has full names, phone numbers and passwords of "
           "Calder Bank customers.", {"name", "phone", "credentials"}),
    ("fr", "Le fichier mis en vente contient prétendument les noms et les mots de passe des clients de la banque "
           "Calder.", {"name", "credentials"}),
    # a verb of saying with an infinitive ("said to hold"), a claim whose clause holds the data
    ("en", "A file said to hold 2 million email addresses of Calder Bank customers was posted on Tuesday.", {"email"}),
    ("en", "Posts on social media claim bank details of Calder staff were taken in the attack.", {"financial"}),
    ("fr", "Des messages sur les réseaux sociaux prétendent que les coordonnées bancaires du personnel de Calder "
           "ont été dérobées.", {"financial"}),
])
def test_phi_a_clause_in_doubt_on_the_parse_is_hedged(lang, text, doubted):
    phi = breachnlp.extract(text, lang=lang, published="2025-03-14").phi
    assert {c for c, status in phi.items() if status == "hedged"} == doubted


@pytest.mark.parametrize("lang,text", [
    # no doubt: a claim of responsibility beside the data, a noun read as a verb, a plain statement
    ("en", "On Friday, a group claiming responsibility emailed several newspapers documents that included names and "
           "phone numbers of Calder Bank customers."),
    ("en", "Hackers stole names, addresses and insurance claims information of Calder Health members."),
    ("fr", "Des pirates ont dérobé les noms et numéros de téléphone des clients de la banque Calder, a indiqué la banque."),
])
def test_phi_no_doubt_without_a_doubting_clause(lang, text):
    phi = breachnlp.extract(text, lang=lang, published="2025-03-14").phi
    assert phi and all(status == "affirmed" for status in phi.values())


@pytest.mark.parametrize("lang,text", [
    # a heading that names data in general heads the list of what was involved, whatever its verb
    ("en", "An employee mailbox at Varenne School was hijacked.\n\nIf you studied with us between 2015 and 2020, the "
           "following information about you was rerouted:\n\n- your full name;\n- your date of birth;\n- your gender."),
    ("fr", "Un employé de l'école Varenne a vu sa boîte de courriel piratée.\n\nSi vous avez étudié chez nous entre 2015 "
           "et 2020, les informations suivantes vous concernant ont été réacheminées :\n\n- votre nom complet ;\n- "
           "votre date de naissance ;\n- votre sexe."),
])
def test_phi_a_data_heading_heads_its_list(lang, text):
    assert breachnlp.extract(text, lang=lang, published="2025-06-01").phi == \
        {"name": "affirmed", "date_of_birth": "affirmed", "sex": "affirmed"}


@pytest.mark.parametrize("lang,text", [
    # "could not prevent" the release of the data: a double negation, the data is out
    ("en", "Our service suffered an intrusion. We could not prevent the publication, on May 3, of the following "
           "data:\n\n- your full name;\n- your postal address."),
    ("fr", "Notre service a subi une intrusion. Nous n'avons pas pu empêcher la diffusion, le 3 mai, des données "
           "suivantes :\n\n– vos nom et prénom ;\n– votre adresse postale."),
])
def test_phi_not_preventing_a_release_affirms_it(lang, text):
    assert breachnlp.extract(text, lang=lang, published="2025-06-01").phi == {"name": "affirmed", "address": "affirmed"}


@pytest.mark.parametrize("lang,text,expected", [
    # a pro-form negation after a list ("… ne le sont pas") and "nothing indicates that" deny the data
    ("fr", "Les noms des abonnés pourraient être concernés. En revanche, les adresses électroniques et les mots de passe "
           "ne le sont pas, assure la société.", {"name": "hedged", "email": "negated", "credentials": "negated"}),
    ("en", "Subscribers' names may be involved. Their email addresses and passwords, however, were not, the company "
           "says.", {"name": "hedged", "email": "negated", "credentials": "negated"}),
    ("fr", "Des pirates ont copié les noms des clients. Rien n'indique que des numéros de sécurité sociale aient été "
           "compromis.", {"name": "affirmed", "national_id": "negated"}),
    ("en", "Hackers copied customers' names. There is no evidence that Social Security numbers were compromised.",
     {"name": "affirmed", "national_id": "negated"}),
])
def test_phi_pro_form_and_no_indication_negate(lang, text, expected):
    assert breachnlp.extract(text, lang=lang, published="2025-06-01").phi == expected


@pytest.mark.parametrize("lang,text", [
    # "no." is the number's abbreviation, no negation ("passport no.", « n° de passeport »)
    ("en", "The stolen file holds each traveller's passport no., full name and gender."),
    ("fr", "Le fichier volé contient le n° de passeport, le nom complet et le sexe de chaque voyageur."),
])
def test_phi_a_number_abbreviation_negates_nothing(lang, text):
    phi = breachnlp.extract(text, lang=lang, published="2025-06-01").phi
    assert phi.get("name") == "affirmed" and phi.get("sex") == "affirmed"


@pytest.mark.parametrize("lang,text,expected", [
    # a question that asks what was exposed heads the bullets after it as a colon does
    ("fr", "Madame, Monsieur,\n\nNotre prestataire Orvane a subi une intrusion.\n\nQuelles données vous concernant ont été "
           "touchées ?\n- votre nom ;\n- votre date de naissance ;\n- votre numéro de sécurité sociale.",
     {"name": "affirmed", "date_of_birth": "affirmed", "national_id": "affirmed"}),
    ("en", "Dear member,\n\nOur contractor Orvane suffered an intrusion.\n\nWhich of your details were affected?\n"
           "- your name;\n- your date of birth;\n- your Social Security number.",
     {"name": "affirmed", "date_of_birth": "affirmed", "national_id": "affirmed"}),
])
def test_phi_a_question_heading_a_bulleted_list(lang, text, expected):
    assert breachnlp.extract(text, lang=lang, published="2025-06-01").phi == expected


@pytest.mark.parametrize("lang,text", [
    # a country's national identity number, however it is written
    ("fr", "Le tableur volé comptait des noms et des numéros d'identité nationaux."),
    ("en", "The stolen spreadsheet held names and national identity numbers of the members."),
])
def test_phi_national_identity_numbers(lang, text):
    assert breachnlp.extract(text, lang=lang, published="2025-06-01").phi.get("national_id") == "affirmed"


@pytest.mark.parametrize("lang,text", [
    # data said not to be in the file: a clitic between « n' » and the verb, "not in it", "do not appear"
    ("fr", "Le fichier mis en vente contient les noms des adhérents. Les numéros de téléphone n'y figurent pas."),
    ("en", "The file offered for sale holds members' names. Phone numbers and emails are not in it, the seller says."),
    ("en", "The file offered for sale holds members' names. Phone numbers do not appear in the sample."),
])
def test_phi_data_said_not_to_be_in_the_file_is_negated(lang, text):
    phi = breachnlp.extract(text, lang=lang, published="2025-06-01").phi
    assert phi.get("name") == "affirmed" and phi.get("phone") == "negated"


@pytest.mark.parametrize("lang,text", [
    # a numbered section heading's doubt carries to the plain lines under it, up to the next heading
    ("fr", "Madame, Monsieur,\n\nNotre prestataire de paiement nous a signalé un problème le 2 mai 2024, et nous vous "
           "écrivons pour vous dire ce que nous savons.\n\n2. Informations susceptibles d'avoir été consultées\n\n"
           "Coordonnées des clients : nom, adresse postale et numéro de téléphone.\n\n3. Ce que nous faisons\n\n"
           "Nous avons fermé la boutique."),
    ("en", "Dear Customer,\n\nOur payment provider told us of a concern on 2 May 2024, and we are writing to report "
           "what we know.\n\n2. Information that may have been accessed\n\nCustomer details: name, postal address "
           "and telephone number.\n\n3. What we are doing\n\nWe have closed the shop."),
])
def test_phi_a_section_headings_doubt_hedges_the_lines_under_it(annotate, lang, text):
    phi = dict(annotate(lang, text)._.breach.phi)
    assert phi["name"] == phi["address"] == phi["phone"] == "hedged"


@pytest.mark.parametrize("lang,text", [
    # "if true": the condition that the claim holds is doubt about what it lists
    ("fr", "Les noms et les numéros de téléphone des clients de Kervane sont en vente sur un forum, si c'est vrai."),
    ("en", "Names and phone numbers of Kervane customers are for sale on a forum, if the claim is true."),
])
def test_phi_a_condition_that_the_claim_is_true_hedges_the_data(lang, text):
    import breachnlp

    assert breachnlp.extract(text, lang=lang, published="2025-05-06").phi == {"name": "hedged", "phone": "hedged"}


@pytest.mark.parametrize("lang,text,phi", [
    # "on y trouve", "what was in there": the inventory of a file the text just named
    ("fr", "Le pirate a publié un échantillon de la base de la mutuelle Kervane. On y trouve des noms complets, des "
           "numéros de téléphone et le solde du compte des adhérents.",
     {"name": "affirmed", "phone": "affirmed", "financial": "affirmed"}),
    ("en", "the kervane insurance database sat open for weeks.\n\nwhat was in there per the researchers:\n"
           "- full names\n- phone numbers\n- account balances\n",
     {"name": "affirmed", "phone": "affirmed", "financial": "affirmed"}),
])
def test_phi_an_inventory_of_what_a_file_holds_is_exposed(lang, text, phi):
    import breachnlp

    assert breachnlp.extract(text, lang=lang, published="2025-05-06").phi == phi


@pytest.mark.parametrize("lang,text,phi", [
    # "also" adds data to the breach's inventory: no other incident
    ("fr", "La mutuelle Kervane a été victime d'une intrusion. Les noms et adresses des adhérents ont pu être consultés. "
           "Pour quelques adhérents, les coordonnées bancaires ont également pu être exposées.",
     {"name": "hedged", "address": "hedged", "financial": "hedged"}),
    ("en", "Kervane Insurance suffered an intrusion. Names and addresses of members were accessed. For a few members, "
           "bank account details have also been exposed.",
     {"name": "affirmed", "address": "affirmed", "financial": "affirmed"}),
])
def test_phi_data_also_exposed_belong_to_the_same_breach(lang, text, phi):
    import breachnlp

    assert breachnlp.extract(text, lang=lang, published="2025-05-06").phi == phi


@pytest.mark.parametrize("lang,text", [
    # a letter's inventory in its reader's words ("your health"), insurance details as such
    ("fr", "Les fichiers consultés par le tiers non autorisé contenaient vos informations d'assurance maladie et "
           "d'autres informations liées à votre santé."),
    ("en", "The files the unauthorized party viewed held your health insurance information and other information "
           "related to your health."),
])
def test_phi_a_letters_inventory_of_insurance_and_health_details(lang, text):
    import breachnlp

    assert breachnlp.extract(text, lang=lang, published="2025-05-06").phi == {"insurance": "affirmed",
                                                                                "health_info": "affirmed"}


@pytest.mark.parametrize("lang,text", [
    # "without the school knowing": no denial of the data that follows
    ("fr", "L'employé conservait sur son ordinateur volé, sans que l'école le sache, les dossiers des candidats : "
           "noms, adresses et numéros de téléphone."),
    ("en", "The employee kept on his stolen laptop, without the school knowing, the files of applicants: names, "
           "addresses and phone numbers."),
])
def test_phi_without_someone_knowing_denies_no_data(lang, text):
    import breachnlp

    phi = breachnlp.extract(text, lang=lang, published="2025-05-06").phi
    assert phi and "negated" not in phi.values()


@pytest.mark.parametrize("lang,text,kept", [
    # credentials the intruder used, or a staff member's own, are how the intruder got in, not data
    # exposed: the parse shows the verb, the preposition or the holder they hang on
    ("en", "On June 6 an intruder signed in with an employee's username and password and copied the names and "
           "addresses of 4,000 patients.", {"name", "address"}),
    ("en", "Hackers used stolen administrator credentials to reach the server and took the names and Social "
           "Security numbers of 9,000 members.", {"name", "national_id"}),
    ("fr", "Le 6 juin, un intrus s'est connecté avec les identifiants d'un employé et a copié les noms et adresses "
           "de 4 000 patients.", {"name", "address"}),
    ("fr", "Les pirates ont utilisé des identifiants volés pour accéder au serveur et ont copié les noms de 9 000 "
           "adhérents.", {"name"}),
    # the customers' own passwords taken in the breach stay exposed data
    ("en", "The hackers stole the usernames and passwords of 2 million customers.", {"credentials"}),
    ("fr", "Les pirates ont dérobé les identifiants et mots de passe de 2 millions de clients.", {"credentials"}),
])
def test_phi_credentials_used_to_get_in_are_no_exposed_data(annotate, lang, text, kept):
    phi = annotate(lang, text)._.breach.phi
    assert {c for c, s in phi.items() if s == "affirmed"} == kept


@pytest.mark.parametrize("lang,text", [
    # an identity card's number is an identity document, not a payment card's number
    ("fr", "Le portable volé contenait les noms et les numéros de carte d'identité de 380 patients de la clinique "
           "Harbourview."),
    ("en", "The stolen laptop held the names and ID card numbers of 380 patients of Harbourview Clinic."),
])
def test_phi_an_identity_card_number_is_an_identity_document(annotate, lang, text):
    assert dict(annotate(lang, text)._.breach.phi) == {"name": "affirmed", "id_document": "affirmed"}


@pytest.mark.parametrize("lang,text", [
    # a denial inside an aside between commas that names no data is about the aside ("neither
    # encrypted nor protected"), not about the data the sentence then lists
    ("fr", "La clé, ni chiffrée ni protégée par un mot de passe, renfermait le nom et le diagnostic de 59 patients "
           "de l'hôpital Rivermead."),
    ("en", "The drive, neither encrypted nor password-protected, held the names and diagnoses of 59 patients of "
           "Rivermead Hospital."),
])
def test_phi_a_denial_in_an_aside_does_not_deny_the_data(annotate, lang, text):
    assert dict(annotate(lang, text)._.breach.phi) == {"name": "affirmed", "condition": "affirmed"}


@pytest.mark.parametrize("lang,text,expected", [
    # "info", « infos »: the short form of "information" a forum or a quote writes
    ("en", "Hackers copied patients' names at Ormeau Clinic. No health info and no banking info was accessed.",
     {"name": "affirmed", "health_info": "negated", "financial": "negated"}),
    ("fr", "Des pirates ont copié les noms des patients de la clinique Ormeau. Aucune info médicale ni info bancaire "
           "n'a été consultée.", {"name": "affirmed", "health_info": "negated", "financial": "negated"}),
])
def test_phi_info_is_information(lang, text, expected):
    assert breachnlp.extract(text, lang=lang, published="2025-06-01").phi == expected


@pytest.mark.parametrize("lang,text,expected", [
    # the lines of one bulleted list are one inventory: a line with a single kind of data and no verb
    # was exposed when another line of the list says so by its length
    ("en", "A researcher found an open server belonging to Alder Clinic. Here is what he listed:\n"
           "- diagnoses and assessments\n- full names, phone numbers, home addresses, dates of birth\n",
     {"condition": "affirmed", "name": "affirmed", "phone": "affirmed", "address": "affirmed",
      "date_of_birth": "affirmed"}),
    ("fr", "Un chercheur a trouvé un serveur ouvert de la clinique des Aulnes. Voici ce qu'il a relevé :\n"
           "- diagnostics\n- noms, numéros de téléphone, adresses postales, dates de naissance\n",
     {"condition": "affirmed", "name": "affirmed", "phone": "affirmed", "address": "affirmed",
      "date_of_birth": "affirmed"}),
])
def test_phi_the_lines_of_one_list_are_one_inventory(lang, text, expected):
    assert breachnlp.extract(text, lang=lang, published="2025-06-01").phi == expected


@pytest.mark.parametrize("lang,text", [
    # the personal numbers of the Nordic countries are national identifiers
    ("en", "Hackers copied the civil registration (CPR) numbers of 300 residents of Vorde Kommune."),
    ("en", "Hackers stole the names and personal identity codes of 2,000 patients of Kallio Clinic."),
    ("fr", "Des pirates ont volé les noms et le numéro CPR de 300 habitants de la commune de Vorde."),
    ("fr", "Des pirates ont dérobé le personnummer de 2 000 patients de la clinique Sundby."),
])
def test_phi_nordic_personal_numbers_are_national_ids(lang, text):
    assert breachnlp.extract(text, lang=lang, published="2025-06-01").phi.get("national_id") == "affirmed"


@pytest.mark.parametrize("lang,text,expected", [
    # data said to circulate, or described as published, was exposed
    ("en", "A spreadsheet from Alder Clinic is floating around online. Names and test results, all of it.",
     {"name": "affirmed", "test_result": "affirmed"}),
    ("fr", "Une fuite touche la clinique des Aulnes. Les données publiées indiquent le nom et la date de naissance "
           "de chaque patient.", {"name": "affirmed", "date_of_birth": "affirmed"}),
])
def test_phi_data_said_to_circulate_or_published_was_exposed(lang, text, expected):
    assert breachnlp.extract(text, lang=lang, published="2025-06-01").phi == expected


@pytest.mark.parametrize("lang,text,expected", [
    # what someone was able to see was exposed: "could" of a past ability is no doubt (French writes it
    # in the imperfect, no hedge), while "could have seen" stays one
    ("en", "A clerk at Brenwick Clinic snooped for months. The files the clerk could view held patients' names and "
           "phone numbers.", {"name": "affirmed", "phone": "affirmed"}),
    ("fr", "Une secrétaire de la clinique Brenwick a fouiné pendant des mois. Les dossiers qu'elle pouvait consulter "
           "contenaient les noms et numéros de téléphone des patients.", {"name": "affirmed", "phone": "affirmed"}),
    ("en", "A clerk at Brenwick Clinic could have viewed patients' names and phone numbers.",
     {"name": "hedged", "phone": "hedged"}),
    # what the data could serve for is a consequence, not a doubt on the theft
    ("en", "A laptop of Brenwick Clinic was taken from a car. The files on it included patients' names and home "
           "addresses, an officer said, warning they could be used for scams.", {"name": "affirmed", "address": "affirmed"}),
    ("fr", "Un portable de la clinique Brenwick a été pris dans une voiture. Les fichiers comprenaient les noms et "
           "adresses des patients, a dit un policier, en prévenant qu'ils pourraient être utilisés pour des arnaques.",
     {"name": "affirmed", "address": "affirmed"}),
])
def test_phi_an_ability_or_a_use_is_no_doubt_on_the_exposure(lang, text, expected):
    assert breachnlp.extract(text, lang=lang, published="2025-06-01").phi == expected


@pytest.mark.parametrize("lang,text", [
    # no sign of identity theft is about misuse: the stolen inventory stays exposed
    ("en", "A laptop was taken from the car of a Brenwick Clinic nurse. It held patients' names and dates of birth. "
           "The clinic has seen no sign of identity theft."),
    ("fr", "Un portable a été pris dans la voiture d'une infirmière de la clinique Brenwick. Il contenait les noms et "
           "dates de naissance des patients. La clinique n'a relevé aucune trace de vol d'identité."),
])
def test_phi_no_sign_of_identity_theft_doubts_nothing(lang, text):
    assert breachnlp.extract(text, lang=lang, published="2025-06-01").phi == \
        {"name": "affirmed", "date_of_birth": "affirmed"}


@pytest.mark.parametrize("lang,text,expected", [
    # the same kinds of data are named in both languages: an insurer's name, the day of a visit or an
    # examination, a patient's identifier, a care plan, symptoms and measurements
    ("en", "Thieves took a box of intake sheets from Tamsworth Cardiology. The sheets showed the name of their "
           "insurer, the exam date, patient identifiers, the treatment plan, symptoms and measurement results.",
     {"insurance": "affirmed", "appointment": "affirmed", "patient_id": "affirmed", "treatment": "affirmed",
      "condition": "affirmed", "test_result": "affirmed"}),
    ("fr", "Des voleurs ont emporté un carton de fiches d'accueil de Cardiologie Tamsworth. Les fiches indiquaient "
           "le nom de leur assureur, la date de leur passage, les identifiants de patients, les orientations "
           "thérapeutiques, les symptômes et les résultats des mesures.",
     {"insurance": "affirmed", "appointment": "affirmed", "patient_id": "affirmed", "treatment": "affirmed",
      "condition": "affirmed", "test_result": "affirmed"}),
])
def test_phi_the_same_kinds_of_data_in_both_languages(lang, text, expected):
    assert breachnlp.extract(text, lang=lang, published="2025-06-01").phi == expected


@pytest.mark.parametrize("lang,text", [
    # a sentence that names the breach by a definite noun ("the leak", « la fuite ») speaks of it, whatever
    # other organizations it names (the group that revealed it, a radio station)
    ("en", "Harlow Pharmacy said on Monday that its ordering site had been misconfigured for months.\n\n"
           "According to the advocacy group Datenwacht, which revealed the leak with radio station KRNX, any "
           "visitor could read the names and home addresses of customers."),
    ("fr", "La pharmacie Harlow a reconnu lundi que son site de commande était mal configuré depuis des mois.\n\n"
           "D'après l'association Datenwacht, qui a révélé la fuite avec la radio KRNX, n'importe quel visiteur "
           "pouvait lire les noms et les adresses postales des clients."),
])
def test_phi_a_sentence_naming_the_breach_is_about_it(lang, text):
    assert breachnlp.extract(text, lang=lang, published="2022-02-14").phi == {"name": "affirmed", "address": "affirmed"}


@pytest.mark.parametrize("lang,text", [
    # a notice's doubt in a sentence of its own hedges the inventory of another: "may have been subject
    # to unauthorized access", "could not establish which messages, if any, were opened"
    ("en", "Kestrel Dental Group is writing about an incident involving an employee mailbox. The mailbox held "
           "patients' names, Social Security numbers and insurance details. This information may have been "
           "subject to unauthorized access."),
    ("en", "Kestrel Dental Group found that an employee mailbox had been entered by an outsider. Our review could "
           "not establish which messages, if any, were actually opened. The mailbox held patients' names, Social "
           "Security numbers and insurance details."),
    ("fr", "Le cabinet dentaire Kestrel informe ses patients d'un incident touchant une messagerie. La messagerie "
           "contenait les noms, les numéros de sécurité sociale et les mutuelles des patients. Ces informations "
           "ont pu faire l'objet d'un accès non autorisé."),
    ("fr", "Le cabinet dentaire Kestrel a constaté l'intrusion d'un tiers dans une messagerie. L'enquête n'a pas "
           "pu établir quels messages ont été consultés. La messagerie contenait les noms, les numéros de "
           "sécurité sociale et les mutuelles des patients."),
])
def test_phi_a_notices_doubt_of_its_own_hedges_the_inventory(lang, text):
    assert breachnlp.extract(text, lang=lang, published="2024-03-05").phi == {
        "name": "hedged", "national_id": "hedged", "insurance": "hedged"}


@pytest.mark.parametrize("lang,text", [
    # an insider reading files: the files are medical records, read "without cause" / « sans motif »
    # (the reason is what is missing, not the data), "looked up", « s'est connectée à »
    ("en", "Orsa Clinic said an intern looked up patient journals without cause."),
    ("en", "Orsa Clinic said a clerk viewed patients' records without a legitimate reason."),
    ("fr", "La clinique Orsa indique qu'une employée a consulté sans motif des dossiers de patients."),
    ("fr", "Une employée de la clinique Orsa s'est connectée à des dossiers de patients sans raison."),
])
def test_phi_an_insider_reading_files_without_cause(lang, text):
    assert breachnlp.extract(text, lang=lang, published="2024-03-05").phi == {"medical_record": "affirmed"}


@pytest.mark.parametrize("lang,text", [
    # … while "without" / « sans » before the data itself still denies it
    ("en", "Orsa Clinic said the intruder left without any patient records."),
    ("fr", "La clinique Orsa indique que l'intrus est reparti sans aucun dossier médical."),
])
def test_phi_without_before_the_data_still_denies_it(lang, text):
    assert breachnlp.extract(text, lang=lang, published="2024-03-05").phi.get("medical_record") in (None, "negated")


@pytest.mark.parametrize("lang,text", [
    # a passive after "without" / « sans » has no object: the shredding is denied, not the data
    ("fr", "Des cartons de la clinique Verlaine ont été retrouvés dans une benne. Parmi les feuilles jetées sans avoir "
           "été déchiquetées figuraient des adresses, des numéros de téléphone et des diagnostics de patients."),
    ("en", "Boxes from Verlaine Clinic were found in a dumpster. Among the pages thrown out without being shredded "
           "were addresses, phone numbers and diagnoses of patients."),
    ("en", "Boxes from Verlaine Clinic were found in a dumpster. The pages had been thrown out without having been "
           "shredded, and they held addresses, phone numbers and diagnoses of patients."),
])
def test_phi_a_passive_after_without_denies_the_verb_not_the_data(lang, text):
    assert breachnlp.extract(text, lang=lang, published="2024-03-05").phi == {
        "address": "affirmed", "phone": "affirmed", "condition": "affirmed"}
