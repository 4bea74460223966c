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


### Running: files, outputs and the command line

