## unionplan's messages in English. Each message is `code = words`; `{ $name }` is a piece of
## data the program gives. Codes are stable: `check --format json` prints them, the README
## lists them, and zh-CN.ftl has the same codes with the same data.
##
## Words from the plan (keys, month names, quoted text) stay in the plan's own words, inside
## backticks or quotes.

### The shape of every message

severity-error = error
severity-warning = warning
# A problem at a place in a file: the severity word, `file:line:col`, what is wrong.
diagnostic-at = { $severity }: { $place }: { $message }
# A problem with a file as a whole, or with the command.
diagnostic-whole = { $severity }: { $message }

untranslated = { $text }

### Did you mean

did-you-mean = did you mean `{ $name }`?
one-of = expected one of { $names }

### Reading a plan file (load)


### What a key takes (types and values)


### Checking the plan (validate)

# How a message names a plan's period: the value `期间` takes, as the plan writes it.
period-year = `全年` (year)
period-first-half = `上半年` (first-half)
period-second-half = `下半年` (second-half)
period-autumn-term = `上学期` (autumn-term, `9月`–`1月`)
period-spring-term = `下学期` (spring-term, `2月`–`7月`)
period-school-year = `学年` (school-year, `9月`–`8月`)

# The plan could not be read; the reason is said by the error itself.
plan-not-read = { $error }

unknown-key = unknown key `{ $key }`
key-at-wrong-level = unknown key `{ $key }`
key-at-wrong-level-hint = `{ $key }` is a key of `{ $parent }`: indent it under `{ $parent }:`

shorthand-beside-sections = `{ $key }` (`{ $chinese }`) cannot be used together with `sections`
shorthand-beside-sections-hint = move it into `sections` as a section, or drop `sections`
no-sections = the plan has no sections
no-sections-hint = add `sections:` or the shorthand keys `guiding_ideology`, `goals`, `key_tasks`, `schedule`

school-year-same-year = the school year { $school_year } names one year twice
school-year-backwards = the school year { $school_year } runs backwards
school-year-not-consecutive = the years of the school year { $school_year } do not follow each other
school-year-not-consecutive-hint = a school year runs from September into the next year: write two years in a row, such as `学年: { $first }—{ $next }`
school-year-on-non-school-plan = `school_year` (`学年`) belongs to `上学期`, `下学期` or `学年` plans, and this plan is { $period }
school-year-on-non-school-plan-hint = set `期间` to `上学期`, `下学期` or `学年`, or give a calendar year's plan its year as `年度: { $first }`
year-disagrees-with-school-year = `year` (`年度`) { $year } disagrees with `school_year` (`学年`) { $school_year }, which starts in { $first }
year-disagrees-with-school-year-hint = a school's `年度` is the year its school year starts: write `年度: { $first }`, or drop `年度` and keep `学年: { $school_year }`

numbering-no-number = numbering marker `{ $marker }` holds no number one (`一`, 1 or `①`)
numbering-no-number-hint = give the marker of each level's first item, such as `一、` `（一）` `1.` `（1）`
numbering-not-first = numbering marker `{ $marker }` is not the first marker of its level
numbering-not-first-hint = write the marker of the level's first item, numbered one: `一、` `（一）` `1.` `（1）` `①`
numbering-several-levels = numbering marker `{ $marker }` holds the markers of several levels
numbering-several-levels-hint = give one marker for each level, as a list: `[一、, （一）, 1、]`

control-character = the text holds an invisible control character, { $character }
control-character-hint = remove the invisible control character { $character }: a plan's text may not hold one
control-character-tab-hint = replace the tab (U+0009, an invisible control character) with a space
control-character-cr-hint = remove the invisible control character U+000D (CR): to start a new paragraph, write `\n` or give the paragraph an entry of its own
more-control-characters = more control characters not shown: remove the first { $shown } and check again
more-warnings = { $more } more warnings not shown: fix the first { $shown } and check again
many-more-warnings = many more warnings not shown: fix the first { $shown } and check again

month-range-backwards = the months { $first }-{ $last } run backwards, from `{ $first }月` back to `{ $last }月`
# The first half of the hints below: the order the period's months run in.
month-range-runs-forward = a range runs forward, as a { $period } plan does (`{ $start }月`…`{ $end }月`)
month-range-backwards-hint = { $forward }: write `{ $last }-{ $first }` (`{ $last_chinese }至{ $first_chinese }月`) or list the months one by one
month-range-backwards-list-hint = { $forward }: list the months one by one, each in an entry of its own

# Values a key of the plan refuses, as the plan's own types read them.
text-reads-as-number = this text reads as a number: put it in quotes to keep it as written
year-out-of-range = year { $year } is out of range: write the four-digit year, such as 2027
not-a-year = `{ $text }` is not a year: write it as a number such as 2027
school-year-one-year = `{ $year }` is one year: a school year is written with both of its years, such as { $year }—{ $next }
not-a-school-year = `{ $text }` is not a school year: write both of its years, such as 2026—2027
item-is-a-list = an item cannot be a list: put the list under the item's `items:` key
month-out-of-range = month { $month } does not exist: months run from 1 to 12
lunar-month = `{ $month }` is a month of the lunar calendar: write the calendar month it falls in, such as 2 or `二月`
months-not-a-run = `{ $text }` are months that do not follow one another: give each its own entry, or write a run such as `七、八月`
not-a-month = `{ $text }` is not a month: write 7, `7月` or `七月`, or a run such as 7-8 or `七、八月`
month-range-length = a month range is two months, the first and the last: [7, 8]
not-a-date = `{ $text }` is not a date: write it as 2027-01-05 or `2027年1月5日`
date-year-not-four-digits = `{ $text }` is not a date: write the year with four digits, not { $year }
date-month-out-of-range = `{ $text }` is not a date: month { $month } does not exist, months run from 1 to 12
impossible-date = `{ $text }` is not a date: { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year } has { $days } days
marker-not-first = `{ $marker }` is not the first marker of a level: write 1. (or "1.")


### Warnings (lint)


### Running: files, outputs and the command line

