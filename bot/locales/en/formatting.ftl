# Patterns and words for bot/formatting.py. Dates: Babel (CLDR) patterns, https://babel.pocoo.org/en/latest/dates.html
date_pattern = d MMM y
date_pattern_month = MMM y
dur_days = { $n } d
dur_hours = { $n } h
dur_minutes = { $n } min
dur_seconds = { $n } s
# $number: digits already formatted; $unit: the word from money_unit_*, with its leading space, or nothing
money = { $currency ->
        [RUB] RUB{" "}
        [EUR] €
       *[INR] ₹
    }{ $number }{ $unit }
money_crore = ₹{ $number } crore
money_unit_short = { $unit ->
        [billion] bn
        [million] m
        [thousand] k
       *[none] {""}
    }
money_unit_words = { $unit ->
        [billion] {" "}billion
        [million] {" "}million
       *[none] {""}
    }
# "RUB 3–5 million": both ends share the unit, written once
money_range_numbers = { $low }–{ $high }
money_range_same_unit = { $money }
