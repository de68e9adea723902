"""Small rules every feature uses: today and who is working, dates, text checks, plurals, the
clock (moments stored in UTC, shown in local time) and disclosure (what may be shown of a person)."""
