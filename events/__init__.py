"""events: an open conflict-event database coded from news articles."""
__version__ = "0.1.0"
