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
backquote = 反引号
character = `{ $char }`
yaml-reserved-start = 值不能不加引号就以 { $char } 开头：`YAML` 对这个字符另有用法
yaml-reserved-start-hint = 请给值加上引号：`{ $fix }`（`@`、`%`、`&`、`*`、`!`、`|`、`>` 和反引号在值的开头有特殊含义）
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
yaml-several-documents = `{ $line }` 这一行在 `YAML` 里表示计划到此结束、另起一份文档：一个计划文件只能有一份
yaml-several-documents-hint = 请删去这一行；文档里要画分隔线的话，计划文件里不用写
yaml-unreadable = `YAML` 从这里起读不懂文件
yaml-unreadable-hint = 请检查这一行和上一行：键后面有 `: `，引号和括号都闭合，列表项以 `- ` 开头


### 键的取值（类型和值）

path-plan = 计划
# The key in backticks; written so, the entry starts with its data.
path-key = {"`"}{ $key }{"`"}
path-key-in = { $path }的 `{ $key }`
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
takes-bool = 真或假，写作 `true` 或 `false`
takes-keys = 下面几行缩进的键 { $keys }
takes-markers = 序号的列表，每层一个


### 检查计划（validate）

# 消息里怎样称呼计划的期间：就是 `期间` 的取值，照计划的写法。
period-year = `全年`
period-first-half = `上半年`
period-second-half = `下半年`
period-autumn-term = `上学期`（9月至次年1月）
period-spring-term = `下学期`（2月至7月）
period-school-year = `学年`（9月至次年8月）

# 计划读不出来；原因由错误本身说明。
plan-not-read = { $error }

key-at-wrong-level = 键 `{ $key }` 不能写在这一层
key-at-wrong-level-hint = `{ $key }` 是 `{ $parent }` 下的键：请把它缩进到 `{ $parent }:` 下面

shorthand-beside-sections = `{ $chinese }`（`{ $key }`）不能和 `正文` 同时使用
shorthand-beside-sections-hint = 把它作为一节移到 `正文` 下，或者去掉 `正文`
no-sections = 计划没有正文
no-sections-hint = 请加上 `正文:`，或者用 `指导思想`、`工作目标`、`重点工作`、`具体工作安排` 这几个键

school-year-same-year = 学年 { $school_year } 的两个年份是同一年
school-year-backwards = 学年 { $school_year } 的年份前后颠倒了
school-year-not-consecutive = 学年 { $school_year } 的两个年份不相连
school-year-not-consecutive-hint = 学年从9月跨到下一年：请写相连的两个年份，如 `学年: { $first }—{ $next }`
school-year-on-non-school-plan = 只有 `上学期`、`下学期` 或 `学年` 的计划才写 `学年`，这份计划的期间是 { $period }
school-year-on-non-school-plan-hint = 把 `期间` 改为 `上学期`、`下学期` 或 `学年`；按自然年的计划，年份请写成 `年度: { $first }`
year-disagrees-with-school-year = `年度` { $year } 和 `学年` { $school_year } 对不上：这个学年从{ $first }年开始
year-disagrees-with-school-year-hint = 学校计划的 `年度` 是学年开始的那一年：请写 `年度: { $first }`，或者去掉 `年度`，只留 `学年: { $school_year }`

numbering-no-number = 序号 `{ $marker }` 里没有数字一（`一`、1 或 `①`）
numbering-no-number-hint = 请写出每一级第一项的序号，如 `一、` `（一）` `1.` `（1）`
numbering-not-first = 序号 `{ $marker }` 不是这一级的第一个序号
numbering-not-first-hint = 请写这一级第一项的序号，也就是序号一：`一、` `（一）` `1.` `（1）` `①`
numbering-several-levels = 序号 `{ $marker }` 里写了好几级的序号
numbering-several-levels-hint = 每一级写一个序号，写成列表：`[一、, （一）, 1、]`

control-character = 文字里有看不见的控制字符 `{ $character }`
control-character-hint = 请删去看不见的控制字符 `{ $character }`：计划的文字里不能有它
control-character-tab-hint = 请把制表符（`U+0009`，看不见的控制字符）换成空格
control-character-cr-hint = 请删去看不见的控制字符 `U+000D (CR)`：要另起一段，写 `\n`，或者把这一段单独写成一项
more-control-characters = 还有控制字符没有列出：请先删去前 { $shown } 个，再检查一次
more-warnings = 还有 { $more } 条警告没有列出：请先改好前 { $shown } 条，再检查一次
many-more-warnings = 还有很多警告没有列出：请先改好前 { $shown } 条，再检查一次

month-range-backwards = 月份 `{ $first }-{ $last }` 倒过来了：从{ $first }月倒回到{ $last }月
# 下面两条提示的前半句：期间里月份的先后。
month-range-runs-forward = 区间要顺着{ $period }的月份往后数（从{ $start }月到{ $end }月）
month-range-backwards-hint = { $forward }：请写成 `{ $last }-{ $first }`（{ $last_chinese }至{ $first_chinese }月），或者把月份逐个列出
month-range-backwards-list-hint = { $forward }：请把月份逐个列出，每个月单独写成一项

# 计划的键不接受的值，按计划自己的类型读出。
text-reads-as-number = 这段文字会被当成数字：请加上引号，按原样保留
year-out-of-range = 年份 { $year } 超出范围：计划的年份应在 { $first } 到 { $last } 之间
not-a-year = `{ $text }` 不是年份：请写成数字，如 2027
school-year-one-year = `{ $year }` 只是一个年份：学年要写出前后两个年份，如 { $year }—{ $next }
not-a-school-year = `{ $text }` 不是学年：请写出前后两个年份，如 2026—2027
item-cannot-be-a-list = 一项不能是列表：请把列表写在这一项的 `事项:` 下面
month-out-of-range = 没有{ $month }月：月份只能是1到12
lunar-month = `{ $month }` 是农历月份：请写它所在的公历月份，如 2 或 `二月`
months-not-a-run = `{ $text }` 里的月份不相连：请每个月单独写一项，或者写成相连的月份，如 `七、八月`
not-a-month = `{ $text }` 不是月份：请写 7、`7月` 或 `七月`，或者写成区间，如 `7-8` 或 `七、八月`
month-range-length = 月份区间是两个月份，即第一个月和最后一个月：`[7, 8]`
not-a-date = `{ $text }` 不是日期：请写成 `2027-01-05` 或 `2027年1月5日`
date-year-not-four-digits = `{ $text }` 不是日期：年份要写四位数，不能写 { $year }
date-month-out-of-range = `{ $text }` 不是日期：没有{ $month }月，月份只能是1到12
impossible-date = `{ $text }` 不是日期：{ $year }年{ $month }月只有{ $days }天
marker-not-first = `{ $marker }` 不是这一级的第一个序号：请写 `1.`（或 `"1."`）


### 警告（lint）


placeholder = 文中还留着占位符 `{ $found }`
placeholder-hint = 请填上实际内容
date-without-numbers = 日期 `{ $date }` 没有填数字
date-without-numbers-hint = 请写上具体日期，如 `3月12日`

festival-wrong-month = `{ $festival }` 在{ $month }月，却排在了{ $months }
festival-wrong-month-hint = 请移到{ $month }月的安排里（提前筹备可以放在前面的月份，写明“筹备”“迎”等字样即可）
festival-date = `{ $festival }` 是{ $month }月{ $day }日，不是 `{ $written }`
festival-date-hint = 请改为 `{ $month }月{ $day }日`

month-outside-period = { $month }月不在计划期间内，计划期间是 { $period }
month-outside-period-hint = 请删去这个月，或把 `期间` 改成计划实际涵盖的时段
month-repeated = 工作安排里{ $month }月出现了两次
month-repeated-hint = 请把这个月的事项合并到一处
month-out-of-order = { $month }月排在{ $before }月后面，与计划期间的先后顺序不符
month-out-of-order-hint = 请按计划期间的顺序排列月份：{ $months }月
signature-school-year = 落款日期是 { $date }，比按现在的写法读出的计划期间早{ $months }个月：`年度: { $year }` 加上 `{ $period }`，指的是{ $when }（{ $span }）
signature-school-year-hint = 学校计划的 `年度` 是学年开始的那一年；如果这是{ $when }（{ $span }）的计划，请把 `年度: { $year }` 改为 `学年: { $previous }—{ $year }`
signature-far-from-period = 落款日期是 { $date }，离计划期间超过三个月
signature-far-from-period-hint = 计划期间是 { $start } 至 { $end }

year-contradicts = { $found }年与计划的年度（{ $year }）不符
year-contradicts-hint = 请改正这个年份；如果错的是计划的年度，请改 `年度`

typed-marker = { $same ->
    [yes] 手动输入了序号 `{ $typed }`
   *[no] 手动输入了序号 `{ $typed }`，而工具在这里编的是 `{ $marker }`
 }
typed-marker-hint = 工具会自动编号，请删去 `{ $typed }`
typed-month-label = { $same ->
    [yes] 事项里又写了月份 `{ $typed }`，它本来就排在这个月下
   *[no] 事项里写了月份 `{ $typed }`，它却排在 `{ $months }` 下
 }
typed-month-label-hint = 这一项已经排在所属的月份下，请删去 `{ $typed }`
typed-month-label-move-hint = 请把这一项移到所属的月份下，或删去 `{ $typed }`

comment-ate-value = `{ $key }` 是空的：`YAML` 把 ` #` 后面的内容都当作注释，所以 `{ $comment }` 被丢掉了
comment-ate-value-hint = 请给这段文字加上引号：`{ $fix }`；注释要单独写一行
comment-ate-text = ` #` 后面的文字被丢掉了：`YAML` 把 `{ $comment }` 当作注释，这个值到 `{ $shown }` 就结束了
comment-ate-text-hint = 如果 `{ $comment }` 是正文的一部分，请给整个值加上引号：`{ $fix }`；如果是注释，请单独写一行
comment-ate-text-lines-hint = 如果 `{ $comment }` 是正文的一部分，请给整个值加上引号；如果是注释，请单独写一行

empty-section-key = `{ $key }` 是空的：这一部分不会印出来，后面各部分的序号都会往前挪一位
empty-section-key-hint = 请在它下面缩进写上内容，或删去这个键
empty-key = `{ $key }` 是空的
empty-key-hint = 请在冒号后面（或下一行缩进）写上它的值，或删去这个键
empty-month = 工作安排里这个月没有任何事项
empty-month-hint = 请在 `事项:` 下列出这个月要做的事，或删去这个月
empty-section = `{ $title }` 这一部分下面没有内容
empty-section-hint = 请在下面写上正文或事项（`内容`、`事项`），或删去这一部分
empty-untitled-section = { $numbered ->
    [yes] 这一部分是空的：印出来只有一个序号，后面什么也没有
   *[no] 这一部分是空的
 }
empty-untitled-section-hint = 请写上这一部分的内容，或删去它
empty-item = { $numbered ->
    [yes] 这一项是空的：印出来只有一个序号，后面什么也没有
   *[no] 这一项是空的
 }
empty-item-hint = 请写上这一项的内容，或删去它

glued-title = 标题和正文连成了一句：`{ $title }{ $body }`
glued-title-hint = 请在标题末尾加上“。”或“：”（`{ $title }。`），或用 `样式: 标题` 让标题单独成行


### 运行：文件、输出和命令行

severity-note = 附注

# 文件或文件夹是什么，用在“是{ $kind }”里。
kind-file = 文件
kind-folder = 文件夹
kind-named-pipe = 命名管道
kind-socket = 套接字
kind-char-device = 字符设备
kind-block-device = 块设备
kind-dangling = 指向不存在目标的链接（`{ $target }`）
kind-loop = 指向自身的循环链接
kind-leads-out = 指向文件夹外的链接（指向 `{ $target }`）
kind-other = 普通文件以外的东西
entry-is = `{ $path }` 是{ $kind }
stream-device = 设备
stream-descriptor = 数据流

# 系统报告的文件问题。
io-not-regular = 是{ $kind }
io-not-found = 没有这个文件或文件夹
io-permission-denied = 没有权限
io-already-exists = 已经存在
io-is-a-folder = 这是一个文件夹
io-not-a-folder = 路径中有一层不是文件夹
io-folder-not-empty = 文件夹不是空的
io-read-only = 文件系统是只读的
io-storage-full = 磁盘空间已满
io-quota-exceeded = 磁盘配额已用完
io-file-too-large = 文件太大
io-invalid-data = 数据无效
io-invalid-input = 系统认为这个请求无效
io-invalid-file-name = 这个名字不能用作文件名
io-interrupted = 操作被中断
io-broken-pipe = 读取输出的一方已经关闭（管道断开）
io-unexpected-end = 文件意外结束
io-busy = 文件正被占用
io-timed-out = 操作超时
io-would-block = 需要等待才能完成
io-too-many-links = 链接层数太多
io-crosses-devices = 不能跨磁盘操作
io-out-of-memory = 内存不足
io-unsupported = 此处不支持这个操作
io-other = 系统报告：“{ $detail }”

# 无法读取或写入的文件。
cannot-read = 无法读取 `{ $path }`：{ $reason }
cannot-decode = 文件 `{ $path }`：{ $detail }
invalid-plan = 计划有 { $count } 处问题
cannot-write = 无法写入 `{ $path }`：{ $reason }
under-a-file = 无法写入 `{ $path }`：`{ $file }` 是{ $kind }，不是文件夹
not-written-folder = `{ $path }` 是一个文件夹，输出不能写在这里：请把文件夹移走，或把输出写到别处
not-written-link = `{ $path }` 是符号链接（指向 `{ $target }`）：本工具不通过链接写入；请删除链接，或直接把链接的目标作为输出
not-written-pipe = `{ $path }` 是命名管道，但没有程序在读取它：请先启动读取它的程序
not-written-socket = `{ $path }` 是套接字，输出不能写在这里：请删除它，或把输出写到别处
not-written-disk = `{ $path }` 是块设备（磁盘或分区）：本工具不会把文档写到磁盘上；请给 `-o` 一个文件名
check-through-link = `{ $path }` 要经过符号链接才能到达：`--check` 不经过链接读取，链接可能指向任何地方
check-through-link-real = `{ $path }` 要经过符号链接才能到达：`--check` 不经过链接读取，链接可能指向任何地方；请把文件夹本身交给 `--out-dir`：`{ $real }`
not-a-folder = `{ $path }` 是{ $kind }，不是文件夹：请给出一个用来存放输出的文件夹
folder-not-writable = 无法写入文件夹 `{ $path }`：{ $reason }；请让它可写，或换一个文件夹
no-plans = `{ $folder }` 里没有计划文件（`*.yaml`、`*.yml`）
no-plans-skipped = `{ $folder }` 里没有计划文件（`*.yaml`、`*.yml`）：{ $entries }；计划须是普通文件，或指向普通文件的链接
skipped-broken-link = 是{ $kind }：已跳过；请恢复链接的目标，或删除这个链接
skipped-leads-out = 是{ $kind }：已跳过；要渲染它，请在命令行上直接写出这个计划
skipped-not-a-plan = 是{ $kind }，不是计划文件：已跳过；请改名，或把它移出文件夹
docx-error = 无法生成 `Word` 文档：“{ $detail }”

# 命令行要求了做不到的事。
usage-several-formats = 一次给了多种格式：请用 `--out-dir DIR` 把每种格式写成单独的文件
usage-format-from-name = 无法从 `{ $path }` 看出格式：请用 `-f` 指定 `md`、`html`、`txt`、`json` 或 `docx`
usage-several-plans = 要渲染 { $count } 份计划：请用 `--out-dir DIR` 把每份计划写成单独的文件
usage-no-file-name = `{ $plan }` 没有文件名，无法给输出命名
usage-same-output = `{ $first }` 和 `{ $second }` 都会写到 `{ $out }`：请给其中一份改名
usage-output-is-plan = `{ $path }` 就是计划文件本身：写到那里会把它覆盖
usage-output-names-plan = `-o { $path }` 指的就是计划文件本身：渲染会把它覆盖
usage-check-needs-files = `--check` 比较的是文件：请给出 `-o FILE` 或 `--out-dir DIR`
usage-docx-to-terminal = `Word` 文档不能输出到终端：请用 `-o plan.docx`，或把输出重定向到文件
usage-cannot-watch = 无法监视：“{ $detail }”
usage-cannot-watch-plans = 无法监视计划文件：“{ $detail }”
usage-no-template = 没有名为 `{ $name }` 的模板：`unionplan templates list` 会列出全部模板
usage-eject-would-overwrite = `{ $dir }` 里已经有 `{ $names }`：要覆盖它们，请加上 `--force`
usage-eject-over-folders = `{ $dir }` 里有名为 `{ $names }` 的文件夹：`--force` 只替换文件和链接，不替换文件夹；请先把它们移走

# 模板。
template-error = 模板 `{ $name }`：{ $fault }
template-error-at = 模板 `{ $name }` 第 { $line } 行：{ $fault }
template-engine = 模板引擎报告：“{ $detail }”
template-syntax = 语法错误：“{ $detail }”
template-loop-outside-recursion = { $fault }（在内层的 `for` 里，`loop` 指的是这个内层循环：请先把遍历各部分的循环存起来，就像 `schedule.<ext>` 里写的 `{"{"}% set nodes = loop %{"}"}`）
template-too-large = 输出超过了 { $mib } 兆字节，远远超出任何计划文档的大小：请检查模板里的循环
template-old-layout = 是为 `unionplan 0.1` 的模板写的，那时用宏 `node` 和 `schedule` 排版各部分；现在各部分由 `node.<ext>` 里的一个递归循环排版：请重新导出内置模板，再把你的修改搬过去（见 `docs/templates.md`）
templates-folder = 无法把 `{ $path }` 用作模板文件夹：{ $reason }
template-named = 模板 `{ $name }` { $why }
template-outside = 指向了模板文件夹之外
template-link-outside = 是指向模板文件夹之外的链接
template-broken-link = 是{ $kind }：请恢复链接的目标{ $builtin ->
    [yes] ，或删除它以使用内置模板
   *[no] {""}
}
template-not-a-file = 是{ $kind }，不是模板文件：请在这里放模板文件{ $builtin ->
    [yes] ，或删除它以使用内置模板
   *[no] {""}
}
template-unreadable = 无法读取：{ $reason }
template-not-utf8 = 不是 `UTF-8` 文本
template-replaces-nothing = 模板文件夹里的 `{ $name }` 没有替换任何内置模板（{ $meant }）
template-file-replaces-nothing = `{ $name }` 没有替换任何内置模板（{ $meant }）
docx-without-templates = `Word` 文档不使用模板排版：`--templates` 只影响 `md`、`html` 和 `txt` 输出
template-replaced-by = 已被 `{ $path }` 替换
template-builtin = 内置
templates-ejected = 已把 { $count } 个模板写入 `{ $dir }`；渲染时请加上 `--templates { $dir }`
filter-marker = `marker` 过滤器：{ $reason }
filter-not-a-date = `{ $text }` 不是 `YYYY-MM-DD` 写法的日期
filter-too-wide = `{ $filter }({ $width })`：一行最多 { $max } 个字宽（`GB/T 9704` 版面为 28 个字）

# `render --check` 和运行结果汇总。
check-missing = 缺少：`{ $path }`
check-stale = 已过时：`{ $path }`
check-stale-why = 已过时：`{ $path }`（{ $why }）
stale-too-different = 差别太大，无法全部显示
stale-diff-too-long = 差异太长，无法全部显示
stale-too-large = 文件太大，无法比较：超过 { $mib } 兆字节
stale-link = 是链接，未比较
stale-through-link = 要经过链接才能到达，未比较
stale-stream = 无法与{ $what }比较
diff-rendered = { $path }（渲染结果）
summary-written = 已写入 { $written } 个，{ $unchanged } 个无变化
summary-up-to-date = { $count } 个已是最新
summary-stale = 有 { $count } 个输出缺少或已过时：请去掉 `--check` 重新渲染
summary-failed = { $count } 份计划中有 { $failed } 份失败：`{ $plans }`

# `render --watch`。
watch-watching = 正在监视 { $count } 份计划；按 `Ctrl-C` 停止
watch-gone = `{ $folder }` 不见了；等它恢复后继续
watch-back = `{ $folder }` 回来了；重新开始监视
watch-removed = 已移除 `{ $plan }`
watch-rendered = 已渲染 `{ $plan }`
watch-failed = `{ $plan }` 渲染失败

# 命令行有误（clap 拒绝时）。
cli-tip = 提示：{ $tip }
cli-usage = 用法：{ $usage }
cli-more = 更多信息请运行 `--help`。
cli-unknown-argument = 未知的参数 `{ $arg }`
cli-unknown-subcommand = 未知的子命令 `{ $name }`
cli-missing-value = `{ $arg }` 需要一个值，但没有给出
cli-invalid-value = `{ $arg }` 的值 `{ $value }` 无效
cli-invalid-value-of = `{ $arg }` 的值 `{ $value }` 无效，可用的值：{ $values }
cli-missing-argument = 缺少必需的参数：{ $args }
cli-missing-subcommand = 需要一个子命令
cli-repeated = 参数 `{ $arg }` 写了不止一次：只能写一次
cli-conflict = 参数 `{ $arg }` 不能和 `{ $other }` 一起使用
cli-no-equals = `{ $arg }` 的值要写在等号后面
cli-values-count = `{ $arg }` 给出的值的个数不对
cli-not-utf8 = 有一个参数不是有效的 `UTF-8` 文本
cli-other = 命令行有误：“{ $detail }”

### 导入

# import: the genre
import-empty = 是空的，没有可导入的计划
import-binary = 是二进制文件，不是文本：请给出计划的文档
import-not-a-zip = 不是 `Word` 文档（`.docx`）：它不是 `zip` 压缩包
import-encrypted = 是加密的 `Word` 文档：请去掉密码另存后再导入
import-no-text = 里没有可导入的文字
import-corrupt = 无法读取：{ $detail }
import-summary = { $name }：{ $sections } 个部分，{ $items } 个事项，{ $months } 个月份；序号 `{ $numbering }`
import-summary-months = ；月份写作 `{ $label }`
import-summary-date = ；日期写作 `{ $date }`
import-corrected = { $name }:{ $line }：已更正：{ $what }
import-marker-repeated = `{ $marker }` 与上一个序号重复，已改为 `{ $meant }`
import-marker-skipped = `{ $marker }` 跳过了一个序号，已改为 `{ $meant }`
import-marker-written = `{ $marker }` 与同级序号写法不同，已改为 `{ $meant }`
import-date-written = 日期 `{ $date }` 按计划的日期写法写作 `{ $meant }`
import-level-inserted = `{ $marker }` 比 `{ $old }` 高一级：前面同一级按 `{ $old }` 编号的事项改按 `{ $marker }` 编号
import-unplaced = { $name }:{ $line }：无法归位，按原位置保留为段落：{ $text }
import-dropped = { $name }:{ $line }：不属于计划，已去掉：{ $text }
import-more-documents = 页面上后面还有 { $count } 篇文档：用 `--split -o 文件夹` 逐篇导入
import-document = { $file }：第 { $first }–{ $last } 行

## 按路径设置的值（--set）和会员单位（--each）
override-nowhere = 计划里没有 `{ $path }`，也无法添上
override-nowhere-hint = 按序号指定的项必须在计划里已有（`正文.3` 要有三个部分），文字下面也不能再放键：请改为设置整个列表或整段文字
set-no-equals = 不是“路径=值”的写法
set-no-equals-hint = 先写路径，再写 `=` 和值，例如 `--set 单位=城东中学工会` 或 `--set 落款.日期=2027-01-05`
set-path-empty-step = 路径里有一段是空的
set-path-hint = 路径由键和序号组成，用点隔开，中英文键都可以，序号从 1 数起：`落款.日期`、`正文.2.标题`、`signature.date`
set-path-needs-key = `{ $path }` 下面是键，不是编号的项：`{ $step }` 不是键
set-path-needs-entry = `{ $path }` 是一个列表：请写项的序号，而不是 `{ $step }`
set-path-zero = 序号从 1 数起
set-path-past-value = `{ $path }` 只是一个值，下面没有 `{ $step }`
members-not-a-list = 会员单位文件应是一个列表，每个单位一项，写路径和值
members-not-a-list-hint = 每个会员单位写一项：`- 单位: 城东中学工会`，下面缩进写 `落款.日期: 2027-01-05`
members-not-read = 无法读取会员单位文件：{ $words }
members-none = 会员单位文件里没有列出任何单位
members-unknown-column = 第一行的列名 `{ $column }`：{ $problem }
members-extra-cell = 这一行的格子比第一行的 { $columns } 列多
members-extra-cell-hint = 请在第一行给这一列写上列名，或删去这个格子
members-cell-without-column = 这个值所在的列没有列名
member-without-name = 这个单位既没有 `文件名` 也没有 `单位`，无法给它的输出文件命名
member-without-name-hint = 请加一列 `文件名`（或 `file`）写每个单位的输出文件名，或者给每个单位写上 `单位`
member-name-not-a-file-name = `{ $name }` 不能用作文件名：它会指向别的文件夹，或者系统不允许这样的名字
member-name-hint = 每个单位的输出文件以 `文件名` 命名，没有时以 `单位` 命名：只能是普通的名字，不能含 / \ : * ? " < > | ，也不能以点开头
member-name-twice = 前面已有一个单位也叫 `{ $name }`：它们的输出文件会互相覆盖
usage-each-needs-out-dir = `--each` 会给每个会员单位各写一份计划：请用 `--out-dir DIR` 指定存放的文件夹
usage-each-several-plans = `--each` 让所有会员单位共用一份计划，而这里给了 { $count } 份
member-name-twice-hint = 请给每个单位写上各不相同的 `文件名`
merge-not-a-mapping = `<<` 后面要写一组键值，或几组键值的列表：例如别名 `*base`
merge-key-not-a-text = 用 `<<` 合并进来的键不是文字
members-unknown-key = `{ $key }`：{ $problem }
members-column-twice = 前面已有一列也是 `{ $column }`
members-column-twice-hint = 每个路径只写一列
usage-output-is-members = `{ $path }` 就是会员单位文件：渲染会把它覆盖
for-member-hint = { $hint }（{ $member }）
for-member = 这是 { $member } 的计划
## 起草：init 和 summary

usage-draft-would-overwrite = `{ $path }` 已经存在：要覆盖它，请加上 `--force`
usage-draft-onto-plan = `-o { $path }` 指的就是计划文件本身：写草稿会把它覆盖
draft-wrote = 已写好 `{ $file }`：把每个 ×× 换成实际内容；`unionplan check --strict { $file }` 会逐行列出还没填的地方
### Drafting: next

# $from, $to: the periods as a title says them (2027年上半年, 2026—2027学年第二学期).
next-drafted = { $file }：已由{ $from }的计划起草{ $to }的计划，改动 { $count } 处
# $place: file:line:col; $old, $new: the text as the file writes it, before and after.
next-change = { $place }：`{ $old }` 改为 `{ $new }`
next-kept = 以下内容按原样保留，但与{ $to }不符，请检查：
next-other-period = `{ $word }` 原指计划以外的另一期，已按原样保留
next-other-period-hint = 请检查它在新计划里的意思是否还对
next-no-year = 计划没有写年度（`年度`），标题里也没有年份：请先写上 `年度`，才能起草下一期的计划
next-draft-unreadable = 起草的计划读回来不对，没有写入任何内容；这是本工具的问题，请报告
next-value-shared = { $keys }：计划里的这个值来自用 `<<` 或别名共用的一段，不是写在它自己的键下面；没有起草
next-value-shared-hint = `next` 只改写在原处的值：请把它们写在计划本身里，或者复制一份计划，手工修改共用的那一段
