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


### Warnings (lint)

# How a warning names the plan's period: a half-year, or a term with its months.
period-name = `{ $chinese }` ({ $id })
period-name-school = `{ $chinese }` ({ $id }, `{ $first }月–{ $last }月`)

placeholder = placeholder `{ $found }` left in the text
placeholder-hint = fill in the real value
date-without-numbers = date `{ $date }` has no numbers
date-without-numbers-hint = write the date, such as `3月12日`

# $months: the schedule's months the festival stands under (`4月`), a list.
festival-wrong-month = `{ $festival }` falls in `{ $month }月`, but it is scheduled under `{ $months }`
festival-wrong-month-hint = move it to the `{ $month }月` entry (preparing for it earlier is fine: `筹备`, `迎`…)
festival-date = `{ $festival }` is on `{ $month }月{ $day }日`, not `{ $written }`
festival-date-hint = write `{ $month }月{ $day }日`

month-outside-period = `{ $month }月` is outside the plan's period, { $period }
month-outside-period-hint = remove the entry, or set `period` to the span the plan covers
month-repeated = `{ $month }月` appears twice in the schedule
month-repeated-hint = merge the items into one entry for the month
month-out-of-order = `{ $month }月` comes after `{ $before }月`, out of the period's order
# $months: the period's months in order (9, 10, 11), a list.
month-out-of-order-hint = order the months as the period runs: { $months }
# $when, $span: the period as `年度` reads it (2027—2028学年第二学期, 2028年2月至7月).
signature-school-year = the signature is dated { $date }, { $months } months before the plan's period as read: `年度: { $year }` with `{ $period }` is `{ $when }`, `{ $span }`
# $when, $span: the same period a year earlier, which the plan was likely written for.
signature-school-year-hint = a school's `年度` is the year its school year starts; for `{ $when }`, `{ $span }`, write `学年: { $previous }—{ $year }` in place of `年度: { $year }`
signature-far-from-period = the signature is dated { $date }, more than three months outside the period
signature-far-from-period-hint = the period runs { $start } to { $end }

year-contradicts = { $found } contradicts the plan's year, { $year }
year-contradicts-hint = correct the year, or `year` if that is what is wrong

# $same: `yes` when the typed marker is the one the tool gives.
typed-marker = { $same ->
    [yes] marker `{ $typed }` typed by hand
   *[no] marker `{ $typed }` typed by hand, where the tool numbers this `{ $marker }`
 }
typed-marker-hint = the tool numbers this; remove `{ $typed }`
# $same: `yes` when the label names the item's own months, $months.
typed-month-label = { $same ->
    [yes] month `{ $typed }` typed into an item listed under it
   *[no] month `{ $typed }` typed into an item listed under `{ $months }`
 }
typed-month-label-hint = the item is already under its month; remove `{ $typed }`
typed-month-label-move-hint = move the item under its month, or remove `{ $typed }`

comment-ate-value = `{ $key }` is empty: YAML reads everything after ` #` as a comment, so `{ $comment }` is left out
comment-ate-value-hint = put the text in quotes: `{ $fix }`; a comment goes on a line of its own
comment-ate-text = the text after ` #` is left out: YAML reads `{ $comment }` as a comment, so the value ends at `{ $shown }`
comment-ate-text-hint = if `{ $comment }` belongs to the text, put the whole value in quotes: `{ $fix }`; if it is a comment, put it on a line of its own
comment-ate-text-lines-hint = if `{ $comment }` belongs to the text, put the whole value in quotes; if it is a comment, put it on a line of its own

empty-section-key = `{ $key }` is empty: the section is left out, and the sections after it are numbered one lower
empty-section-key-hint = write its content under it, indented, or remove the key
empty-key = `{ $key }` is empty
empty-key-hint = write its value after the colon (or under it, indented), or remove the key
empty-month = this month of the schedule has nothing in it
empty-month-hint = list what is done that month under `items:` (`事项`), or remove the month
empty-section = the section `{ $title }` has nothing under it
empty-section-hint = write its body or items under it (`内容`, `事项`), or remove it
# $numbered: `yes` when the tool gives it a number.
empty-untitled-section = { $numbered ->
    [yes] this section is empty: it would print as a number with nothing after it
   *[no] this section is empty
 }
empty-untitled-section-hint = write the section's text, or remove it
empty-item = { $numbered ->
    [yes] this item is empty: it would print as a number with nothing after it
   *[no] this item is empty
 }
empty-item-hint = write the item's text, or remove it

# $body: the body's first characters, with … when it goes on.
glued-title = the title runs into its body as one phrase: `{ $title }{ $body }`
glued-title-hint = end the title with `。` or `：` (`{ $title }。`), or give it its own line with `layout: heading` (`样式: 标题`)


### Running: files, outputs and the command line

