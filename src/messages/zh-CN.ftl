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


### 键的取值（类型和值）


### 检查计划（validate）


### 警告（lint）

period-name = `{ $chinese }`（即 `{ $id }`）
period-name-school = `{ $chinese }`（{ $first }月至{ $last }月，`{ $id }`）

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
    [yes] 手动输入了编号 `{ $typed }`
   *[no] 手动输入了编号 `{ $typed }`，而工具在这里编的是 `{ $marker }`
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

