"""Cue words that introduce reported speech or thought in English news."""

from __future__ import annotations

SPEECH_VERBS = frozenset(
    """
    say tell state add stress underline underscore emphasise emphasize insist note
    warn urge call announce declare claim argue explain continue respond reply answer
    pledge vow promise acknowledge admit concede confirm deny reveal report disclose
    tweet post write comment remark observe suggest propose recommend predict
    mention describe assert maintain contend allege accuse charge complain criticise
    criticize praise thank ask demand question wonder urge caution reiterate repeat
    recall agree tell testify signal indicate point highlight boast joke quip
    estimate forecast project conclude implore plead mock shout yell scream exclaim
    whisper muse sigh scoff retort counter chide lament concur
    """.split()
)
THOUGHT_VERBS = frozenset(
    """
    believe think feel fear hope expect consider doubt suspect worry reckon
    """.split()
)
CUE_VERBS = SPEECH_VERBS | THOUGHT_VERBS
# Verbs that report a request or plan through an infinitive: "urged allies to send".
DIRECTIVE_VERBS = frozenset("urge call ask tell warn appeal order instruct implore".split())
ACCORDING_TO = "according to"
COLON = ":"
