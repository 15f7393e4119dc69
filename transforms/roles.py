"""Titles and role nouns: what news writes before or around a person's name.

"NATO Secretary General Jens Stoltenberg", "President Putin", "Striker
Nicolas Anelka", "the alliance chief": titles, and the occupations news writes
as titles, are not part of a name, but they tell a reader who a later
"the secretary general" is.
"""

from __future__ import annotations

TITLE_WORDS = frozenset(
    """
    mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady rev rev. fr fr.
    president vice prime minister secretary general chancellor premier governor gov gov.
    senator sen sen. representative rep rep. congressman congresswoman mayor ambassador
    king queen prince princess pope cardinal bishop archbishop sheikh emir sultan
    chief chairman chairwoman chair ceo cfo director deputy spokesman spokeswoman
    spokesperson commissioner judge justice attorney colonel col col. general gen gen.
    lieutenant lt lt. major maj maj. captain capt capt. sergeant sgt sgt. admiral commander
    officer minister foreign defence defense interior finance health justice
    striker midfielder defender goalkeeper keeper winger forward skipper coach manager
    boss player batsman bowler golfer boxer sprinter athlete cyclist jockey trainer
    quarterback pitcher actor actress singer rapper author novelist presenter comedian
    """.split()
)

ROLE_NOUNS = frozenset(
    """
    president minister secretary chancellor premier governor senator mayor ambassador
    king queen pope chief chairman chairwoman chair ceo director spokesman spokeswoman
    spokesperson commissioner judge leader head official officer envoy diplomat negotiator
    commander general prosecutor lawyer attorney analyst expert economist researcher
    professor scientist manager founder owner boss coach captain striker player
    """.split()
)

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
