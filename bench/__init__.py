"""The benchmark at pilot and national scale: `.venv/bin/python -m bench` (see README)."""
