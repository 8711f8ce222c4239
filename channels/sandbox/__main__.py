"""`python -m channels.sandbox --port N`."""

from channels.sandbox.server import main

main()
