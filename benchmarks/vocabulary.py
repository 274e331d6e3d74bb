"""Dutch words, phrases and sentence templates for the synthetic interview corpus."""

from __future__ import annotations

import gzip
import json
import random
import re
from functools import lru_cache
from importlib import resources

# Each list is ordered from common to rare: the generator draws with Zipf-like
# weights, so the first entries dominate and the last ones form a long tail,
# as in real transcripts.


def _words(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split("|") if part.strip())


NOUN_PHRASES = _words(
    "de docent|de student|de mentor|de stage|het beleid|de opleiding|de teamleider|het team|"
    "de visie|het loopbaangesprek|de loopbaanbegeleiding|de studieloopbaanbegeleider|de decaan|"
    "het overleg|de communicatie|de coördinatie|de coördinator|de stagebegeleider|het bedrijf|"
    "de praktijkopleider|het portfolio|het keuzedeel|de beroepspraktijkvorming|het rooster|"
    "de directie|de examencommissie|het curriculum|de leerlijn|de werkplek|de intake|"
    "de studiekeuze|de vervolgopleiding|de arbeidsmarkt|de werkdruk|de scholing|de reflectie|"
    "de motivatie|het ontwikkelgesprek|de stageplek|het leerbedrijf|de kwaliteitszorg|"
    "het jaarplan|de onderwijsmanager|de beroepsopdracht|de bpv-docent|de ouderavond|"
    "het studentvolgsysteem|de begeleidingsuren|de loopbaanreflectie|de zelfevaluatie|"
    "het ideeënbord|de financiële ruimte|de geïnterviewde|het privéleven|de cliënt"
)
PLURALS = _words(
    "studenten|docenten|mentoren|loopbaangesprekken|collega's|ouders|bedrijven|stages|"
    "teamleiders|opleidingen|gesprekken|opdrachten|afspraken|keuzedelen|werkgevers|"
    "praktijkopleiders|leerlingen|vakdocenten|eerstejaars|ideeën|coördinatoren|instellingen|"
    "examens|trainingen|werkplekken|vervolgopleidingen|stagebezoeken|portfolio's"
)
TOPICS = _words(
    "loopbaanbegeleiding|communicatie|overleg|beleid|samen leren|coördinatie|stage|"
    "loopbaanoriëntatie|studiekeuze|reflectie|motivatie|het mbo|de visie|professionalisering|"
    "samenwerking|burgerschap|de beroepspraktijk|talentontwikkeling|loopbaancompetenties|"
    "keuzebegeleiding|het hbo|doorstroom|uitval|welbevinden|zelfsturing|netwerken|"
    "financiële zaken|het rooster|de arbeidsmarkt|creëren van eigenaarschap|"
    "de aansluiting vmbo-mbo|schoolsucces|loopbaandossiers|praktijkleren"
)
ADJECTIVES = _words(
    "belangrijk|lastig|goed|moeilijk|waardevol|duidelijk|ingewikkeld|prettig|nodig|"
    "leuk|zwaar|handig|onduidelijk|efficiënt|persoonlijk|concreet|vrijblijvend|"
    "structureel|essentieel|ambitieus|rommelig|geïntegreerd|creatief|weerbarstig|"
    "tijdrovend|inspirerend|versnipperd|ideaal"
)
ADVERBS = _words(
    "eigenlijk|wel|gewoon|echt|ook|soms|vaak|natuurlijk|misschien|toch|best|"
    "heel|nog|vooral|altijd|zeker|meestal|steeds|nauwelijks|uiteindelijk|"
    "überhaupt|inmiddels|daadwerkelijk|enigszins"
)
TIMES = _words(
    "in het eerste jaar|tijdens de stage|aan het begin van het schooljaar|na de kerstvakantie|"
    "in periode twee|elke week|in de eerste weken|aan het eind van de opleiding|"
    "bij de intake|voor de zomer|in het tweede leerjaar|tijdens de studiedag|"
    "één keer per maand|na het stagebezoek|in de examenfase"
)
VERB_PHRASES = _words(
    "meer tijd krijgen|beter samenwerken|de gesprekken voeren|reflecteren op hun keuzes|"
    "de stage voorbereiden|het portfolio bijhouden|samen leren|met het bedrijf overleggen|"
    "een visie ontwikkelen|de loopbaangesprekken plannen|elkaar beter informeren|"
    "de coördinatie verbeteren|ouders erbij betrekken|het beleid uitvoeren|"
    "kijken wat werkt|de studenten laten kiezen|ideeën uitwisselen|de leerlijn vastleggen|"
    "feedback vragen|een netwerk opbouwen|de regie nemen"
)
PEOPLE = _words(
    "de teamleider|mijn collega|de decaan|een studieloopbaanbegeleider|de mentor|"
    "de praktijkopleider|de onderwijsmanager|de stagecoördinator|de ouders|de directeur|"
    "een vakdocent|de geïnterviewde van vorige keer"
)
FILLERS = _words("Nou|Ja|Eh|Kijk|Ja, nee|Weet je|Dus|Ehm|Goh|Tja|Nou ja|Oké")
NUMBERS = _words("twee|drie|vier|een paar|vijf|zes|tien")
CONSEQUENCES = _words(
    "haken ze af|weet niemand wat er moet gebeuren|blijft het bij praten|"
    "gaat het mis op de stage|kiezen ze de verkeerde opleiding|loopt het vast|"
    "zie je ze pas weer bij het examen"
)
QUOTES = _words(
    "Kijk nou eens wat je zelf wilt.|Waar word jij blij van?|Wat heb je geleerd op je stage?|"
    "Dat moet je zelf weten.|Wie ben ik en wat wil ik?|Hoe zie je jezelf over vijf jaar?|"
    "Daar hebben we geen tijd voor.|Dit is precies waar het om gaat.|Probeer het gewoon!"
)
NOTES = _words("[lacht]|[onverstaanbaar]|(stilte)|[telefoon gaat]|[lacht hardop]|(zucht)|[klopt op tafel]")
EMOJI = ("😊", "🙂", "👍", "😅", "🙈", "💡")
# Rare domain words: each occurs in only a few documents of a large corpus.
RARE = _words(
    "kwalificatiedossier|entreeopleiding|schakelprogramma|loopbaanportfolio|doorlopende leerlijn|"
    "talentenscan|beroepenveldcommissie|interessetest|meeloopdag|open dag|netwerkkaart|"
    "kapperszaak|zorgboerderij|scheepsbouw|bakkerij|hoefsmid|orthopedagoog|jongerenwerker|"
    "stagemarkt|bedrijfsbezoek|leerwerkbedrijf|verzuimcoördinator|jeugdhulpverlening|"
    "zelfreflectie-instrument|rollenspel|oud-studenten|reünie|coachingsvaardigheden|"
    "intervisie|casusbespreking|beroepsbeeld|praktijkverklaring|skillswedstrijd"
)

ANSWER_TEMPLATES = _words(
    "Ik denk dat {np} {adv} {adj} is.|{filler}, {np} is bij ons {adv} {adj}.|"
    "We willen {time} {vp}.|Dat gaat {adv} via {np}.|"
    "{Time} hebben we {adv} {num} {plural}.|Het gaat dan vooral over {topic} en {topic}.|"
    "Ik merk dat {plural} {adv} meer behoefte hebben aan {topic}.|"
    "Wat ik {adj} vind, is dat {np} niet altijd weet wat {np2} doet.|"
    "Met {person} hebben we {adv} overleg over {topic}.|Soms zeg ik tegen {plural}: ‘{quote}’|"
    "Dat is {adv} de visie van de opleiding.|{Person} zegt dan: ‘{quote}’|"
    "Eerlijk gezegd vind ik {topic} {adv} {adj}.|In het mbo is {topic} {adv} {adj}, zeker {time}.|"
    "Dan moet je {adv} {vp}, want anders {consequence}.|"
    "Bij {topic} moet je het samen doen, dat is echt samen leren.|Ja, samen leren is {adv} {adj}.|"
    "{filler}, dat weet ik {adv} niet precies.|Voor {plural} is {topic} {adv} {adj}.|"
    "Wij hebben daar {adv} een aparte coördinator voor, en die doet de coördinatie met {np}.|"
    "Als geïnterviewde zou ik zeggen dat {np} {adj} is.|"
    "{filler}, {topic} staat {adv} op de agenda van het overleg.|"
    "Het probleem is dat {plural} {adv} geen tijd hebben voor {topic}.|"
    "Laatst hadden we het nog over {rare}.|Dat hebben we {time} met {person} besproken.|"
    "Ik vind dat {np} {adv} moet {vp}.|Daar is {adv} één uur per week voor.|"
    "{filler}, de communicatie tussen {plural} en {plural2} kan {adv} beter.|"
    "Dat loopbaangesprek voer ik {adv} {time}.|We werken {adv} met {rare}."
)
QUESTION_TEMPLATES = _words(
    "Kun je iets meer vertellen over {topic}?|Hoe ziet {topic} er bij jullie uit?|"
    "Wat is jouw rol bij {topic}?|Wie is er verantwoordelijk voor {topic}?|"
    "Hoe vaak voeren jullie een loopbaangesprek?|En hoe gaat dat {time}?|"
    "Wat zou je willen veranderen aan {np}?|Hoe verloopt de communicatie met {person}?|"
    "Kun je daar een voorbeeld van geven?|Oké. En {np}?|Wat bedoel je precies met {topic}?|"
    "Hoe merk je dat bij {plural}?|Is daar beleid voor?|En wat vinden {plural} daarvan?|"
    "Wie doet de coördinatie van {topic}?|Wat betekent samen leren voor jou?"
)
QUESTION_OPENERS = _words("Oké.|Ja.|Duidelijk.|Interessant.|Mm-hm.|Dank je.")

FIRST_NAMES = _words(
    "Anouk|Sanne|Mohammed|Fatima|Daan|Lotte|Bram|Eline|Youssef|Mirjam|Kees|Ingrid|Sevda|Thijs|"
    "Noor|Jeroen|Annelies|Hatice|Ruud|Marieke|Chantal|Özlem|Sjoerd|Inès|Wouter|Esra|Gerrit|"
    "Lieke|Rachid|Floor|Hanneke|Joël|Priya|Bas|Zoë|Marloes|Kevin|Nadia|Tom|Renée"
)
ROLES = _words("Docent|Mentor|SLB'er|Teamleider|Decaan|Stagecoördinator|Student|Praktijkopleider")
SCHOOLS = _words(
    "ROC De Horst|Vakcollege Noord|Techniek College Oost|ROC Zeehaven|Groene Kennispoort|"
    "Zorgcollege Rijnmond|Media Academie Zuid|ROC Veenkoloniën"
)

# Short sentences that carry a word from the long tail ({tail}).
TAIL_TEMPLATES = _words(
    "Denk aan {tail}.|Bijvoorbeeld bij {tail}.|Ook {tail} speelt daarbij mee.|"
    "Dat zie je ook bij {tail}.|Of neem {tail} en {tail}.|Dat heeft met {tail} te maken."
)
_PLAIN_WORD = re.compile(r"[a-zà-ÿ]{4,20}")


@lru_cache(maxsize=1)
def long_tail(size: int = 40_000) -> tuple[str, ...]:
    """Real Dutch nouns for the long tail of rare words a large corpus has.

    Taken from spaCy's Dutch lemma index in spacy-lookups-data (a lobcoder
    dependency) as a fixed sample, so a seed gives the same corpus with the
    same package version. Empty if the package is missing.
    """
    try:
        data = resources.files("spacy_lookups_data") / "data" / "nl_lemma_index.json.gz"
        nouns = json.loads(gzip.decompress(data.read_bytes()))["noun"]
    except (ModuleNotFoundError, FileNotFoundError, KeyError, ValueError):
        return ()
    words = sorted(w for w in nouns if _PLAIN_WORD.fullmatch(w))
    return tuple(random.Random(0).sample(words, min(size, len(words))))
