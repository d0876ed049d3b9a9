"""smcheck: how ready is an organisation for social media, and what to do first."""

__version__ = "0.1.0"
