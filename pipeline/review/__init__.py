"""Review: a page where a person checks and corrects the output, and corrections that stick.

    reviews.py  the reviews store (OUT/_pipeline/reviews.json) and `apply_reviews`
    view.py     what the page shows (document list, one document's items and their status)
    server.py   `pipeline review`: the local web app (loopback, CSP, session token)
    static.py   `pipeline review --static FILE`: the same page as one self-contained file
    gold.py     `pipeline review --export-gold DIR`: reviewed documents as gold files
"""
from .reviews import apply_reviews, load_reviews

__all__ = ["apply_reviews", "load_reviews"]
