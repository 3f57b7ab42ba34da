# Patterns and words for bot/formatting.py. Dates: Babel (CLDR) patterns, https://babel.pocoo.org/en/latest/dates.html
date_pattern = d MMMM y
date_pattern_month = LLLL y
dur_days = { $n } д
dur_hours = { $n } ч
dur_minutes = { $n } мин
dur_seconds = { $n } с
# $number: digits already formatted; $unit: the word from money_unit_*, with its leading space, or nothing
money = { $number }{ $unit } { $currency ->
        [RUB] ₽
        [EUR] €
       *[INR] ₹
    }
money_crore = { $number } крор рупий
money_unit_short = { $unit ->
        [billion] {" "}млрд
        [million] {" "}млн
        [thousand] {" "}тыс.
       *[none] {""}
    }
money_unit_words = { $unit ->
        [billion] {" "}млрд
        [million] {" "}млн
       *[none] {""}
    }
# "от 3 до 5 млн ₽": both ends share the unit, written once
money_range_numbers = { $low } до { $high }
money_range_same_unit = от { $money }
