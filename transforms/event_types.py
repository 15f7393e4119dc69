"""The event taxonomy: trigger lemma → event type.

Small on purpose: a reader filtering events wants a handful of types that
news actually reports. Speech verbs are statements (the quote itself lives in
`quotes`); anything not listed is `other`.
"""

from __future__ import annotations

from transforms.cues import SPEECH_VERBS

EVENT_TYPES = (
    "statement",
    "meeting",
    "military_action",
    "aid_supply",
    "sanction",
    "decision_agreement",
    "appeal_request",
    "election",
    "legal",
    "disaster",
    "other",
)

_BY_TYPE: dict[str, str] = {
    "meeting": """meet meeting summit talk talks visit conference session gathering
        negotiate negotiation host convene consult consultation dialogue hearing interview""",
    "military_action": """attack strike bomb shell invade invasion fire launch shoot kill
        wound offensive assault raid war fight fighting battle clash deploy deployment
        occupy occupation bombard bombardment airstrike missile operation capture seize
        destroy retreat withdraw withdrawal advance mobilise mobilize mobilisation""",
    "aid_supply": """supply supplies send deliver delivery provide provision donate aid
        equip ship shipment fund funding grant pledge give transfer replenish""",
    "sanction": """sanction sanctions embargo ban boycott freeze blacklist restrict
        restriction tariff""",
    "decision_agreement": """decide decision agree agreement approve approval adopt sign
        deal treaty accord ratify endorse accept reject veto vote pass resolve resolution
        settle settlement conclude commit""",
    "appeal_request": """appeal request plea demand urge ask call petition""",
    "election": """elect election poll campaign nominate nomination inaugurate
        inauguration referendum""",
    "legal": """arrest charge indict indictment sue lawsuit convict conviction sentence
        trial prosecute prosecution jail imprison investigate investigation rule ruling
        acquit appeal testify detain detention""",
    "disaster": """earthquake quake flood flooding storm hurricane typhoon cyclone
        tsunami wildfire fire eruption erupt crash collapse explosion explode outbreak
        derail derailment drought landslide avalanche""",
}

TRIGGER_TYPES: dict[str, str] = {}
for _type, _words in _BY_TYPE.items():
    for _word in _words.split():
        TRIGGER_TYPES.setdefault(_word, _type)

EVENTIVE_NOUNS = frozenset(
    """
    meeting summit talks visit conference session negotiation negotiations hearing
    attack strike invasion offensive assault raid war battle clash deployment occupation
    bombardment airstrike operation withdrawal mobilisation mobilization
    delivery shipment aid funding
    sanction sanctions embargo ban boycott
    decision agreement approval deal treaty accord vote resolution settlement
    appeal request plea demand petition
    election referendum campaign nomination inauguration
    arrest indictment lawsuit trial conviction investigation ruling detention
    earthquake quake flood storm hurricane typhoon cyclone tsunami wildfire eruption crash
    collapse explosion outbreak derailment drought landslide
    """.split()
)


# Words of war that news also uses for sport, business and politics ("a Six Nations
# clash", "launched a bid", "a 25-yard strike", "attacked the budget", "fired the
# coach"): military only where the sentence names armed forces or weapons.
SHARED_WITH_PEACE = frozenset(
    """attack strike fire launch shoot fight fighting battle clash capture seize destroy
    retreat withdraw withdrawal advance operation deploy deployment kill wound war
    assault raid occupy occupation bombard bombardment""".split()
)
ARMED = frozenset(
    """troop troops force forces army armies military soldier soldiers navy naval marine
    marines militant militants rebel rebels insurgent insurgents fighter fighters militia
    gunman gunmen jihadist jihadists guerrilla guerrillas jet jets warplane warplanes
    aircraft helicopter helicopters drone drones missile missiles rocket rockets artillery
    tank tanks shell shells shelling bomb bombs bomber bombers gun guns weapon weapons
    grenade grenades mortar mortars airstrike airstrikes ceasefire battalion brigade
    regiment infantry sniper snipers""".split()
)


def event_type(lemma: str, armed: bool = True) -> str:
    """Listed lemmas first, so "urge" is an appeal and "pledge" aid; other speech
    verbs are statements. `armed`: the sentence names armed forces or weapons,
    without which a word war shares with peace is no military action."""
    if lemma in SHARED_WITH_PEACE and not armed:
        return "other"
    if lemma in TRIGGER_TYPES:
        return TRIGGER_TYPES[lemma]
    return "statement" if lemma in SPEECH_VERBS else "other"
