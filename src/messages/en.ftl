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
yaml-reserved-start = a value cannot start with { $char } unquoted: YAML gives the character a meaning of its own there
yaml-reserved-start-hint = put the value in quotes: `{ $fix }` (`@`, `` ` ``, `%`, `&`, `*`, `!`, `|` and `>` are reserved at the start of a value)
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


### Warnings (lint)


### Running: files, outputs and the command line

