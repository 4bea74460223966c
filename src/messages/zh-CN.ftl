## unionplan 的简体中文消息。每条消息写作 `代码 = 文字`；`{ $name }` 是程序填入的数据。
## 代码是固定的：`check --format json` 会输出它，README 列出了全部代码；en.ftl 里有同样的
## 代码和同样的数据。
##
## 计划里的词（键名、月份、引用的原文）照计划原样写出，放在反引号或引号里。

### 每条消息的格式

severity-error = 错误
severity-warning = 警告
diagnostic-at = { $severity }：{ $place }：{ $message }
diagnostic-whole = { $severity }：{ $message }

untranslated = { $text }

### 是不是要写

did-you-mean = 是不是要写 `{ $name }`？
one-of = 应为其中之一：{ $names }

### 读取计划文件（load）

file-too-large = 大于 { $mib } `MiB`，远超任何计划的大小：请给出计划的 `YAML` 文件
file-binary = 是二进制文件，不是计划：请给出计划的 `YAML` 文件
file-not-text = 无法作为文本读取（不是 `UTF-8`、`UTF-16` 或 `GBK`）：请另存为 `UTF-8`
file-encoding = 文件的编码是 `{ $encoding }`，不是 `UTF-8`；已按 `{ $encoding }` 读取
file-encoding-hint = 请另存为 `UTF-8`（记事本：文件 › 另存为 › 编码：`UTF-8`；或用 `iconv -f GB18030 -t UTF-8`）
byte-not-utf8 = 字节 `{ $byte }` 不是 `UTF-8`，而文件其余部分是
byte-not-utf8-hint = 这部分可能是从其他编码的文件粘贴来的：请在这里重新输入这些字，或把整个文件另存为 `UTF-8`
plan-empty = 计划是空的
plan-empty-hint = 计划至少要有 `正文`（或 `指导思想` 等简写键），通常还有 `单位` 和 `年度`
nests-too-deep = 文件嵌套太深（超过 128 层）
nests-too-deep-hint = 计划只需要几层：请检查括号
nests-too-deep-indent-hint = 计划只需要几层：请检查缩进
aliases-expand-too-far = 别名（`*name`）展开后超出了计划可能的大小
aliases-expand-too-far-hint = 把重复的部分直接写出来，或少用别名
too-many-nodes = 计划的键、值和条目超过 { $count } 个（别名按它重复的内容计算）；从这里开始超出上限
too-many-nodes-hint = 一万个条目的计划约有 55,000 个：请把计划分成几个文件，或少用别名
aliases-too-much-text = 别名重复的文字超过 { $mib } `MiB`，超出计划文件可有的大小
aliases-too-much-text-hint = 把重复的文字直接写出来，或少用别名
tag-not-allowed = 计划格式不使用标签（`{ $tag }`）
tag-not-allowed-hint = 删去标签；如果值要保持为文字，请加上引号
line-separator = 文件里有看不见的分行符 `{ $char }`
line-separator-hint = 这是从 `Word` 或网页粘贴文字时带来的：请删去它，需要换行或分段的地方按回车
refused-control-character = 文件里有看不见的控制字符 `{ $char }`
refused-control-character-hint = 删去看不见的控制字符 `{ $char }`：计划的文字里不能有它
refused-character = 文件里有字符 `{ $char }`
refused-character-hint = 删去 `{ $char }`：`YAML` 文件里不允许有它
slip-full-width-colon = `{ $key }` 后面是全角冒号“：”，`YAML` 不会把它当作键
slip-full-width-colon-hint = 请改用半角冒号 `:` 加一个空格：{ $fix }
slip-full-width-indent = 缩进里有全角空格，`YAML` 不把它当作缩进
slip-full-width-indent-hint = 缩进只能用半角空格：删去全角空格，改打半角空格
slip-full-width-after-colon = `{ $key }:` 后面是全角空格，`YAML` 不会把它当作键
slip-full-width-after-colon-hint = 请在 `:` 后面改打半角空格：{ $fix }
slip-full-width-after-dash = `-` 后面是全角空格，`YAML` 不会把这一行当作列表项
slip-full-width-after-dash-hint = 请在 `-` 后面改打半角空格：{ $fix }
slip-no-space-after-dash = `-` 后面没有空格，`YAML` 把这一行读成文字，而不是列表项
slip-no-space-after-dash-hint = 请在 `-` 后面加一个空格：{ $fix }
slip-no-space-after-colon = `{ $key }:` 后面没有空格，`YAML` 把这一行读成一段文字，而不是键和值
slip-no-space-after-colon-hint = 请在 `:` 后面加一个空格：{ $fix }
full-width-colon-hint = 键后面要用半角冒号加空格（`单位: …`），不能用全角“：”
full-width-colon-line-hint = 第 { $line } 行：键后面要用半角冒号加空格（`单位: …`），不能用全角“：”
lost-to-comment-hint = `YAML` 把“ #”后面的内容都当作注释，所以这里的值是空的：请给文字加上引号，写成 `{ $fix }`
unknown-key = 未知的键 `{ $key }`
duplicate-key = { $same ->
        [1] 键 `{ $key }` 重复了
       *[other] 键 `{ $key }` 重复了：它和 `{ $first }` 是同一个键
    }
duplicate-key-hint = 第 { $line } 行已经写过；同一处每个键只能写一次：请把两处合并，或删去一处
not-a-plan = 这不是计划：计划文件由 `单位:`、`正文:` 这样的键组成
not-a-plan-hint = 计划要写成键和值，而不是写成成文的文件：计划以 `单位: 城南小学工会`、`年度: 2027`、`指导思想: 以…为指导。` 开头，每个键单独一行，每个 `:` 后面加一个空格；`README` 的计划格式一节列出了全部键
yaml-tab = 缩进里有制表符（`Tab`）：`YAML` 只能用空格缩进
yaml-tab-hint = 把制表符换成空格，空格数和旁边的行一样
yaml-reserved-start = 值不能不加引号就以 { $char } 开头：`YAML` 对这个字符另有用法
yaml-reserved-start-hint = 请给值加上引号：`{ $fix }`（`@`、`` ` ``、`%`、`&`、`*`、`!`、`|`、`>` 在值的开头有特殊含义）
yaml-colon-in-value = 这一行有第二个 `: `，`YAML` 把值读成了又一个键
yaml-colon-in-value-hint = 值里有 `: ` 时请加上引号，写成 `{ $fix }`；否则就是这个键的缩进和旁边的键不一样
yaml-list-misaligned = 这个列表的各项没有对齐
yaml-list-misaligned-hint = 请对齐列表：每一项都以 `- ` 开头，且在同一列；一项里的键对齐在它的第一个键下面
yaml-list-after-value = 列表项 `- ` 写在了应当写值的同一行
yaml-list-after-value-hint = 列表写在键的下面几行，每项单独一行，以 `- ` 开头
yaml-text-after-quote = 带引号的值后面还有文字
yaml-text-after-quote-hint = 以引号开头的值必须以引号结尾：给整个值加引号，或在文字里用中文引号“…”；否则请检查这一行的缩进是否和旁边的键一样
yaml-missing-colon = 这一行既不是带 `: ` 的键，也不是列表项
yaml-missing-colon-hint = 键后面要有 `: `；跨几行的文字请加引号，或写在 `|` 后面
yaml-unclosed = 这个引号或括号没有闭合
yaml-unclosed-hint = 请在值结束的地方、同一行里把它闭合：`"…"`、`[…]`
yaml-unclosed-bracket = 方括号 `[…]` 里的列表没有闭合
yaml-unclosed-bracket-hint = 方括号里的列表要有结尾的 `]`，各项之间用逗号分开；含逗号的项请加引号
yaml-indent-mismatch = 这一行的缩进和旁边的键不一样
yaml-indent-mismatch-hint = 把这个键和同一层的键对齐；或者把它写在一个以 `:` 结尾的键下面，并多缩进一些
yaml-unknown-anchor = 这个别名在前面找不到对应的锚点
yaml-unknown-anchor-hint = 别名 `*name` 重复前面用 `&name` 标出的值：请把值直接写出来；以 `*` 开头的文字请加引号
yaml-unknown-escape = 双引号里反斜杠后面是未知的转义
yaml-unknown-escape-hint = 双引号里的反斜杠表示转义：请写成 `\\`，或改用单引号
yaml-unreadable = `YAML` 从这里起读不懂文件
yaml-unreadable-hint = 请检查这一行和上一行：键后面有 `: `，引号和括号都闭合，列表项以 `- ` 开头


### 键的取值（类型和值）

path-plan = 计划
# The key in backticks; written so, the entry starts with its data.
path-key = {"`"}{ $key }{"`"}
path-key-in = { $path } `{ $key }`
path-entry = 第{ $n }项
path-entry-in = { $path } 第{ $n }项
key-takes = { $path } 应写成{ $takes }
key-takes-hint = 可以这样写：{ $example }
value-refused = { $path }：{ $words }
value-refused-kind = { $path } 的值不是这个键能取的类型
unknown-value = { $path }：未知的值 `{ $value }`
schedule-entry-without-month = { $path } 没有 `{ $month }`：工作安排的每一项都要写月份
item-empty = { $path } 是空的
item-is-a-list = { $path } 是列表里的列表：请把列表写在该项的 `{ $items }:` 下面
takes-text = 同一行里的文字
takes-year = 年份，如 `2027`
takes-school-year = 学年，如 `2026—2027`
takes-choice = 以下之一：{ $names }
takes-paragraphs = 一段文字，或以 `- ` 开头的若干段
takes-content = 一段文字、以 `- ` 开头的若干项，或一节的键
takes-items = 若干项，每项单独一行，以 `- ` 开头
takes-schedule = 若干项，每项有 `{ $month }` 和 `{ $items }`
takes-months = 一个月或连续几个月，如 `3`、`三月` 或 `7-8`
takes-date = 日期，如 `2027-01-05`
takes-bool = `true` 或 `false`
takes-keys = 下面几行缩进的键 { $keys }
takes-markers = 序号的列表，每层一个


### 检查计划（validate）


### 警告（lint）


### 运行：文件、输出和命令行

