"""therapist-directory: find massage therapists who help with sciatica and publish them."""

__version__ = "0.1.0"
