"""Which backups retention keeps: the newest of each of the last N days and of each
of the last M ISO weeks that have a backup (the scheme restic and borg call
--keep-daily / --keep-weekly)."""


def kept_backups(backups, keep_daily, keep_weekly):
    """`backups` maps a name to the backup's datetime; return the names to keep."""
    newest_first = sorted(backups, key=lambda name: (backups[name], name), reverse=True)
    kept = set()
    periods = (
        (keep_daily, lambda moment: moment.date()),
        (keep_weekly, lambda moment: tuple(moment.isocalendar())[:2]),
    )
    for count, period_of in periods:
        seen = set()
        for name in newest_first:
            if len(seen) >= count:
                break
            period = period_of(backups[name])
            if period not in seen:
                seen.add(period)
                kept.add(name)
    return kept
