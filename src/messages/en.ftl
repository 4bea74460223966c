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


### Did you mean

did-you-mean = did you mean `{ $name }`?
one-of = expected one of { $names }

### Reading a plan file (load)

file-too-large = is larger than { $mib } MiB, far beyond any plan: give the plan's YAML file
file-binary = is a binary file, not a plan: give the YAML file of the plan
file-not-text = cannot be read as text (not UTF-8, UTF-16 or GBK): save it as UTF-8
file-encoding = the file is encoded as { $encoding }, not UTF-8; it was read as { $encoding }
file-encoding-hint = save it as UTF-8 (“记事本 Notepad: 文件 › 另存为 › 编码: UTF-8”, File › Save As › Encoding: UTF-8; or `iconv -f GB18030 -t UTF-8`)
byte-not-utf8 = the byte { $byte } is not UTF-8, while the rest of the file is
byte-not-utf8-hint = this part was likely pasted from a file in another encoding: type the characters here again, or save the whole file as UTF-8
plan-empty = the plan is empty
plan-empty-hint = a plan needs at least `sections` (or the shorthand keys), usually with `organization` and `year`
nests-too-deep = the file nests too deeply (more than 128 levels)
nests-too-deep-hint = a plan needs a handful of levels: check the brackets
nests-too-deep-indent-hint = a plan needs a handful of levels: check the indentation
aliases-expand-too-far = aliases (*name) expand the file beyond what a plan can be
aliases-expand-too-far-hint = write the repeated parts out, or repeat fewer aliases
too-many-nodes = the plan holds more than { $count } keys, values and items (an alias counts as all it repeats); this is where it passes the bound
too-many-nodes-hint = a plan of ten thousand items holds about 55,000: split the plan into several files, or repeat fewer aliases
aliases-too-much-text = aliases repeat more than { $mib } MiB of text, more than a plan file may hold
aliases-too-much-text-hint = write the repeated text out, or repeat fewer aliases
tag-not-allowed = tags (`{ $tag }`) are not part of the plan format
tag-not-allowed-hint = remove the tag, and put the value in quotes if it must stay text
line-separator = the file holds an invisible line separator, { $char }
line-separator-hint = text pasted from Word or a web page brings it along: remove it, or press Enter where a new line or paragraph is meant
refused-control-character = the file holds an invisible control character, { $char }
refused-control-character-hint = remove the invisible control character { $char }: a plan's text may not hold one
refused-character = the file holds the character { $char }
refused-character-hint = remove { $char }: YAML does not allow it in a file
slip-full-width-colon = a full-width colon `：` after `{ $key }`: YAML does not read it as a key
slip-full-width-colon-hint = type a half-width `:` followed by a space: { $fix }
slip-full-width-indent = a full-width space (U+3000) in the indentation: YAML does not read it as one
slip-full-width-indent-hint = indent with half-width spaces only: delete the full-width space and type spaces instead
slip-full-width-after-colon = a full-width space (U+3000) after `{ $key }:`: YAML does not read it as a key
slip-full-width-after-colon-hint = type a half-width space after `:` instead: { $fix }
slip-full-width-after-dash = a full-width space (U+3000) after `-`: YAML does not read it as a list item
slip-full-width-after-dash-hint = type a half-width space after `-` instead: { $fix }
slip-no-space-after-dash = no space after `-`: YAML reads the line as text, not as a list item
slip-no-space-after-dash-hint = put a space after `-`: { $fix }
slip-no-space-after-colon = no space after `{ $key }:`: YAML reads the line as one text, not as a key and its value
slip-no-space-after-colon-hint = put a space after `:`: { $fix }
full-width-colon-hint = a key ends with an ASCII colon and a space (`单位: …`), not a full-width `：`
full-width-colon-line-hint = line { $line }: a key ends with an ASCII colon and a space (`单位: …`), not a full-width `：`
lost-to-comment-hint = YAML reads everything after ` #` as a comment, so the value here is empty: put the text in quotes, `{ $fix }`
unknown-key = unknown key `{ $key }`
# `same` is 1 when the key is written the same way both times.
duplicate-key = { $same ->
        [1] duplicate key `{ $key }`
       *[other] duplicate key `{ $key }`: the same key as `{ $first }`
    }
duplicate-key-hint = first at line { $line }; a key may appear once in its mapping: merge the two, or remove one
not-a-plan = this is not a plan: a plan's file holds keys such as `organization:` and `sections:`
not-a-plan-hint = write the plan as keys and values, not as the finished document: a plan starts `单位: 城南小学工会`, `年度: 2027`, `指导思想: 以…为指导。`, each on a line of its own, a space after each `:`; the README's plan format lists every key
yaml-tab = a tab in the indentation: YAML indents with spaces only
yaml-tab-hint = replace the tab with spaces, as many as the lines beside it use
backquote = a backquote
character = `{ $char }`
yaml-reserved-start = a value cannot start with { $char } unquoted: YAML gives the character a meaning of its own there
yaml-reserved-start-hint = put the value in quotes: `{ $fix }` (`@`, `%`, `&`, `*`, `!`, `|`, `>` and the backquote are reserved at the start of a value)
yaml-colon-in-value = a second `: ` on this line: YAML reads the value as another key
yaml-colon-in-value-hint = put a value that contains `: ` in quotes, `{ $fix }`; otherwise this key is indented differently from the keys beside it
yaml-list-misaligned = the items of this list are not lined up
yaml-list-misaligned-hint = line the list up: every item starts with `- ` in the same column, and the keys of an item stand under its first key
yaml-list-after-value = a list item `- ` stands where YAML expects a value on the same line
yaml-list-after-value-hint = a list goes on the lines below its key, each item on a line of its own that starts with `- `
yaml-text-after-quote = text follows a quoted value on its line
yaml-text-after-quote-hint = a value that starts with a quote must end with it: quote the whole value, or use Chinese quotes “…” inside the text; otherwise check that this line is indented like the keys beside it
yaml-missing-colon = this line is neither a key with `: ` nor a list item
yaml-missing-colon-hint = a key needs `: ` after it; text that runs over several lines goes in quotes or after `|`
yaml-unclosed = this quote or bracket is never closed
yaml-unclosed-hint = close it where the value ends, on the line it opens: `"…"`, `[…]`
yaml-unclosed-bracket = a list in brackets `[…]` is not closed
yaml-unclosed-bracket-hint = a list in brackets needs its closing `]` and commas between the items; quote an item that contains a comma
yaml-indent-mismatch = this line is indented differently from the keys beside it
yaml-indent-mismatch-hint = line the key up with the keys of its mapping, or put it on the lines below a key that ends in `:`, indented further
yaml-unknown-anchor = the alias names no anchor written before it
yaml-unknown-anchor-hint = an alias `*name` repeats a value marked `&name` earlier in the file: write the value out, or quote a text that starts with `*`
yaml-unknown-escape = an unknown escape after a backslash inside double quotes
yaml-unknown-escape-hint = inside double quotes a backslash starts an escape: write `\\`, or use single quotes
yaml-several-documents = the line `{ $line }` ends the plan and starts a second YAML document: a plan file holds one
yaml-several-documents-hint = remove the line; to draw a line in the document, leave it out of the plan
yaml-unreadable = YAML cannot read the file from here
yaml-unreadable-hint = check this line and the one before: a key is followed by `: `, a quote or bracket is closed, a list item starts with `- `


### What a key takes (types and values)

path-plan = the plan
path-key = `{ $key }`
path-key-in = { $path } `{ $key }`
path-entry = entry { $n }
path-entry-in = { $path } entry { $n }
key-takes = { $path } takes { $takes }
key-takes-hint = write it as { $example }
value-refused = { $path }: { $words }
value-refused-kind = the value of { $path } is not of the kind its key takes
unknown-value = { $path }: unknown value `{ $value }`
schedule-entry-without-month = { $path } has no `{ $month }`: each entry of a schedule gives its month
item-empty = { $path } is empty
item-is-a-list = { $path } is a list inside a list: put the list under the item's `{ $items }:` key
takes-text = a text on the same line
takes-year = a year, such as `2027`
takes-school-year = a school year, such as `2026—2027`
takes-choice = one of { $names }
takes-paragraphs = a text, or a list of paragraphs each starting with `- `
takes-content = a text, a list of items each starting with `- `, or a section's keys
takes-items = a list of items, each on a line of its own starting with `- `
takes-schedule = a list of entries, each with `{ $month }` and `{ $items }`
takes-months = a month or a run of months, such as `3`, `三月` or `7-8`
takes-date = a date, such as `2027-01-05`
takes-bool = `true` or `false`
takes-keys = the keys { $keys } on the lines below it, indented
takes-markers = a list of numbering markers, one per level


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
year-out-of-range = year { $year } is out of range: a plan's year lies between { $first } and { $last }
not-a-year = `{ $text }` is not a year: write it as a number such as 2027
school-year-one-year = `{ $year }` is one year: a school year is written with both of its years, such as { $year }—{ $next }
not-a-school-year = `{ $text }` is not a school year: write both of its years, such as 2026—2027
item-cannot-be-a-list = an item cannot be a list: put the list under the item's `items:` key
month-out-of-range = month { $month } does not exist: months run from 1 to 12
lunar-month = `{ $month }` is a month of the lunar calendar: write the calendar month it falls in, such as 2 or `二月`
months-not-a-run = `{ $text }` are months that do not follow one another: give each its own entry, or write a run such as `七、八月`
not-a-month = `{ $text }` is not a month: write 7, `7月` or `七月`, or a run such as 7-8 or `七、八月`
month-range-length = a month range is two months, the first and the last: `[7, 8]`
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

severity-note = note

# A file or a folder, as "is { $kind }" says it.
kind-file = a file
kind-folder = a folder
kind-named-pipe = a named pipe
kind-socket = a socket
kind-char-device = a character device
kind-block-device = a block device
kind-dangling = a link to nothing ({ $target })
kind-loop = a link that loops back on itself
kind-leads-out = a link that leads out of the folder (to { $target })
kind-other = not a regular file
entry-is = { $path } is { $kind }
stream-device = a device
stream-descriptor = a stream

# What the system said went wrong with a file.
io-not-regular = is { $kind }
io-not-found = no such file or folder
io-permission-denied = permission denied
io-already-exists = it exists already
io-is-a-folder = it is a folder
io-not-a-folder = a folder on the way is not a folder
io-folder-not-empty = the folder is not empty
io-read-only = the file system is read-only
io-storage-full = no space left on the disk
io-quota-exceeded = the disk quota is used up
io-file-too-large = the file is too large
io-invalid-data = the data is not valid
io-invalid-input = the system refused the request as invalid
io-invalid-file-name = the name is not a valid file name
io-interrupted = interrupted
io-broken-pipe = the reader of the output went away (broken pipe)
io-unexpected-end = the file ended unexpectedly
io-busy = the file is busy
io-timed-out = timed out
io-would-block = it would have to wait
io-too-many-links = too many links
io-crosses-devices = it would cross from one disk to another
io-out-of-memory = out of memory
io-unsupported = not supported here
io-other = { $detail }

# Files that cannot be read or written.
cannot-read = cannot read { $path }: { $reason }
cannot-decode = { $path }: { $detail }
invalid-plan = { $count ->
    [one] the plan has a problem
   *[other] the plan has { $count } problems
}
cannot-write = cannot write { $path }: { $reason }
under-a-file = cannot write { $path }: { $file } is { $kind }, not a folder
not-written-folder = { $path } is a folder, where the output is to be written: move the folder away, or write the output elsewhere
not-written-link = { $path } is a symbolic link (to { $target }): unionplan does not write through links; remove the link, or give its target as the output
not-written-pipe = { $path } is a named pipe with nothing reading it: start its reader first
not-written-socket = { $path } is a socket, where the output is to be written: remove it, or write the output elsewhere
not-written-disk = { $path } is a block device, a disk or a partition: unionplan writes no document over one; give -o a file name
check-through-link = { $path } is reached through a symbolic link: --check reads nothing through links, which could lead anywhere
check-through-link-real = { $path } is reached through a symbolic link: --check reads nothing through links, which could lead anywhere; give --out-dir the folder itself: { $real }
not-a-folder = { $path } is { $kind }, not a folder: give a folder to write the outputs into
folder-not-writable = cannot write into the folder { $path }: { $reason }: make it writable, or give another folder
no-plans = no plans (*.yaml, *.yml) in { $folder }
no-plans-skipped = no plans (*.yaml, *.yml) in { $folder }: { $entries }; a plan is a regular file, or a link to one
skipped-broken-link = { $kind }: skipped; restore its target or remove the link
skipped-leads-out = { $kind }: skipped; name the plan on the command line to render it from there
skipped-not-a-plan = { $kind }, not a plan file: skipped; rename it or move it out of the folder
docx-error = cannot build the Word document: { $detail }

# What the command line asks for that cannot be done.
usage-several-formats = several formats at once: give --out-dir DIR to write each to its own file
usage-format-from-name = cannot tell the format from `{ $path }`: give -f md, html, txt, json or docx
usage-several-plans = { $count } plans to render: give --out-dir DIR to write each to its own file
usage-no-file-name = { $plan } has no file name to name its output after
usage-same-output = { $first } and { $second } would both be written to { $out }: rename one of them
usage-output-is-plan = { $path } is the plan itself: writing there would overwrite it
usage-output-names-plan = -o { $path } names the plan itself: rendering would overwrite it
usage-check-needs-files = --check compares files: give -o FILE or --out-dir DIR
usage-docx-to-terminal = a Word document is not for the terminal: give -o plan.docx, or redirect the output
usage-cannot-watch = cannot watch: { $detail }
usage-cannot-watch-plans = cannot watch the plans: { $detail }
usage-no-template = there is no template `{ $name }`: `unionplan templates list` names them
usage-eject-would-overwrite = { $dir } already holds { $names }: pass --force to overwrite them
usage-eject-over-folders = { $dir } holds folders named { $names }: --force replaces files and links, not folders; move them away first

# Templates.
template-error = template `{ $name }`: { $fault }
template-error-at = template `{ $name }` line { $line }: { $fault }
template-engine = { $detail }
template-syntax = syntax error: { $detail }
template-loop-outside-recursion = { $fault } (inside a `for` of its own, `loop` is that loop: save the loop over the sections first, as schedule.<ext> does with `{"{"}% set nodes = loop %{"}"}`)
template-too-large = makes more than { $mib } MiB of output, far beyond any plan's document: check the template's loops
template-old-layout = is written for the templates of unionplan 0.1, which laid out sections with the macros `node` and `schedule`; the sections are now one recursive loop in node.<ext>: eject the built-ins again and carry your changes over (docs/templates.md)
templates-folder = cannot use { $path } as the templates folder: { $reason }
template-named = template `{ $name }` { $why }
template-outside = leads out of the templates folder
template-link-outside = is a link that leads out of the templates folder
template-broken-link = is { $kind }: restore its target{ $builtin ->
    [yes] , or remove it to use the built-in
   *[no] {""}
}
template-not-a-file = is { $kind }, not a template file: put the template there{ $builtin ->
    [yes] , or remove it to use the built-in
   *[no] {""}
}
template-unreadable = cannot be read: { $reason }
template-not-utf8 = is not UTF-8 text
template-replaces-nothing = { $name } in the templates folder replaces no built-in ({ $meant })
template-file-replaces-nothing = { $name } replaces no built-in ({ $meant })
docx-without-templates = Word documents are laid out without templates: --templates changes the md, html and txt outputs only
template-replaced-by = replaced by { $path }
template-builtin = built-in
templates-ejected = wrote { $count } templates into { $dir }; render with --templates { $dir }
filter-marker = the `marker` filter: { $reason }
filter-not-a-date = `{ $text }` is not a date written YYYY-MM-DD
filter-too-wide = { $filter }({ $width }): a line is at most { $max } characters wide (28 on the GB/T 9704 page)

# `render --check` and the summary of a run.
check-missing = missing: { $path }
check-stale = stale: { $path }
check-stale-why = stale: { $path } ({ $why })
stale-too-different = too different to show in full
stale-diff-too-long = the diff is too long to show in full
stale-too-large = too large to compare: over { $mib } MiB
stale-link = a link, not compared
stale-through-link = reached through a link, not compared
stale-stream = cannot compare with { $what }
diff-rendered = { $path } (rendered)
summary-written = { $written } written, { $unchanged } unchanged
summary-up-to-date = { $count } up to date
summary-stale = { $count ->
    [one] 1 output missing or stale: render again without --check
   *[other] { $count } outputs missing or stale: render again without --check
}
summary-failed = { $failed } of { $count } plans failed: { $plans }

# `render --watch`.
watch-watching = { $count ->
    [one] watching 1 plan; Ctrl-C to stop
   *[other] watching { $count } plans; Ctrl-C to stop
}
watch-gone = { $folder } is gone; waiting for it to come back
watch-back = { $folder } is back; watching it again
watch-removed = removed { $plan }
watch-rendered = rendered { $plan }
watch-failed = failed { $plan }

# The command line, where clap refuses it (clap's own words are shown in English).
cli-tip = tip: { $tip }
cli-usage = Usage: { $usage }
cli-more = For more information, try '--help'.
cli-unknown-argument = unexpected argument '{ $arg }' found
cli-unknown-subcommand = unrecognized subcommand '{ $name }'
cli-missing-value = a value is required for '{ $arg }' but none was supplied
cli-invalid-value = invalid value '{ $value }' for '{ $arg }'
cli-invalid-value-of = invalid value '{ $value }' for '{ $arg }': possible values are { $values }
cli-missing-argument = the following required arguments were not provided: { $args }
cli-missing-subcommand = a subcommand is required
cli-repeated = the argument '{ $arg }' is given more than once
cli-conflict = the argument '{ $arg }' cannot be used with '{ $other }'
cli-no-equals = '{ $arg }' takes its value after an equals sign
cli-values-count = '{ $arg }' was given the wrong number of values
cli-not-utf8 = an argument is not valid UTF-8
cli-other = { $detail }

### Import

# import: the genre
import-empty = is empty: there is no plan to import
import-binary = is a binary file, not a text: give the document of the plan
import-not-a-zip = is not a Word document (.docx): it is not a zip archive
import-encrypted = is an encrypted Word document: save it without a password and import that
import-no-text = holds no text to import
import-corrupt = cannot be read: { $detail }
import-summary = { $name }: { $sections ->
    [one] 1 section
   *[other] { $sections } sections
}, { $items ->
    [one] 1 item
   *[other] { $items } items
}, { $months ->
    [one] 1 month
   *[other] { $months } months
}; numbering `{ $numbering }`
import-summary-months = ; months written `{ $label }`
import-summary-date = ; dates written `{ $date }`
import-corrected = { $name }:{ $line }: corrected: { $what }
import-marker-repeated = `{ $marker }` repeats the number before it; numbered `{ $meant }`
import-marker-skipped = `{ $marker }` skips a number; numbered `{ $meant }`
import-marker-written = `{ $marker }` is written unlike its level; written `{ $meant }`
import-date-written = the date `{ $date }` is written `{ $meant }`, as a plan writes dates
import-level-inserted = `{ $marker }` stands above `{ $old }`: the items numbered `{ $old }` before it at its level are numbered `{ $marker }`
import-unplaced = { $name }:{ $line }: kept as a paragraph where it stood: { $text }
import-dropped = { $name }:{ $line }: dropped, not part of the plan: { $text }
import-more-documents = { $count ->
    [one] 1 more document follows on the page: give --split -o DIR to import each
   *[other] { $count } more documents follow on the page: give --split -o DIR to import each
}
import-document = { $file }: lines { $first }–{ $last }

## Values set by path (--set) and members (--each)
override-nowhere = `{ $path }` is not in the plan, and cannot be made in it
override-nowhere-hint = an entry given by number must be in the plan (`正文.3` needs three sections), and a key cannot be put under a text: set the whole list or text instead
set-no-equals = not PATH=VALUE
set-no-equals-hint = write the path, `=` and the value, as in `--set 单位=城东中学工会` or `--set 落款.日期=2027-01-05`
set-path-empty-step = the path has an empty step
set-path-hint = a path is keys and entry numbers joined by dots, in either key language, entries counted from 1: `落款.日期`, `正文.2.标题`, `signature.date`
set-path-needs-key = `{ $path }` has keys, not numbered entries: `{ $step }` is no key
set-path-needs-entry = `{ $path }` is a list: give the number of an entry, not `{ $step }`
set-path-zero = entries are counted from 1
set-path-past-value = `{ $path }` is a single value: there is nothing under it to name `{ $step }`
members-not-a-list = a members file in YAML is a list of members, each a map of paths and values
members-not-a-list-hint = write one entry per member union: `- 单位: 城东中学工会` and, indented under it, `落款.日期: 2027-01-05`
members-not-read = the members file cannot be read: { $words }
members-none = the members file lists no member
members-unknown-column = column `{ $column }`: { $problem }
members-extra-cell = this row has more cells than the { $columns } columns of the header
members-extra-cell-hint = give the column a name in the first row, or remove the cell
members-cell-without-column = a value under a column without a name
member-without-name = this member has neither a `文件名` nor a `单位` to name its output
member-without-name-hint = add a `文件名` (or `file`) column naming each member's output, or give each member its `单位`
member-name-not-a-file-name = `{ $name }` cannot name a file: it would lead into another folder, or the system refuses it
member-name-hint = a member's output is named by its `文件名`, else its `单位`: a plain name, without / \ : * ? " < > | or a leading dot
member-name-twice = a member before this one is named `{ $name }` too: their outputs would overwrite each other
usage-each-needs-out-dir = --each writes a plan for each member: give --out-dir DIR to put them in
usage-each-several-plans = --each takes one plan for all members, not { $count }
member-name-twice-hint = give each member a `文件名` of its own
merge-not-a-mapping = `<<` takes a mapping, or a list of mappings: an alias such as `*base` of one
merge-key-not-a-text = a key merged in by `<<` is not a text
members-unknown-key = `{ $key }`: { $problem }
members-column-twice = a column before this one is `{ $column }` too
members-column-twice-hint = give each path one column
usage-output-is-members = { $path } is the members file: rendering would overwrite it
for-member-hint = { $hint } (for { $member })
for-member = for { $member }
## Drafting: init and summary

usage-draft-would-overwrite = { $path } already exists: pass --force to overwrite it
usage-draft-onto-plan = -o { $path } names the plan itself: the draft would overwrite it
draft-wrote = wrote { $file }: replace every ×× with your text; `unionplan check --strict { $file }` lists what is left
### Drafting: next

# $from, $to: the periods as a title says them (2027年上半年, 2026—2027学年第二学期).
next-drafted = { $file }: the draft of { $to } from { $from }, { $count ->
    [one] 1 change
   *[other] { $count } changes
}
# $place: file:line:col; $old, $new: the text as the file writes it, before and after.
next-change = { $place }: `{ $old }` → `{ $new }`
next-kept = kept as written, though it does not fit { $to }; check it:
next-other-period = `{ $word }` named a period other than the plan's own; it is kept as written
next-other-period-hint = make sure it still says what you mean in the draft
next-no-year = the plan gives no year (`year`, `年度`) and its title names none: add `year` to draft the next period
next-draft-unreadable = the draft did not read back as the next period's plan, so nothing was written; this is a fault of unionplan, please report it
next-value-shared = { $keys }: the plan takes it from a block shared by `<<` or an alias, not from where its key is written; nothing was drafted
next-value-shared-hint = `next` changes values where they are written: write them in the plan itself, or copy the plan and change the shared block by hand
