"""Small rules every feature uses: today and who is working, dates, text checks, plurals."""
