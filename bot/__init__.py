"""Rasa-side code of the helpline assistant: text normalisation and custom NLU components.

`bot.text` is pure Python (no Rasa import) so the action server can reuse it.
"""
