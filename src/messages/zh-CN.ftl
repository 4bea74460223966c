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

# 消息里怎样称呼计划的期间：就是 `期间` 的取值，照计划的写法。
period-year = `全年`
period-first-half = `上半年`
period-second-half = `下半年`
period-autumn-term = `上学期`（9月至次年1月）
period-spring-term = `下学期`（2月至7月）
period-school-year = `学年`（9月至次年8月）

# 计划读不出来；原因由错误本身说明。
plan-not-read = { $error }

unknown-key = 未知的键 `{ $key }`
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

numbering-no-number = 编号 `{ $marker }` 里没有数字一（`一`、1 或 `①`）
numbering-no-number-hint = 请写出每一级第一项的编号，如 `一、` `（一）` `1.` `（1）`
numbering-not-first = 编号 `{ $marker }` 不是这一级的第一个编号
numbering-not-first-hint = 请写这一级第一项的编号，也就是编号一：`一、` `（一）` `1.` `（1）` `①`
numbering-several-levels = 编号 `{ $marker }` 里写了好几级的编号
numbering-several-levels-hint = 每一级写一个编号，写成列表：`[一、, （一）, 1、]`

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
year-out-of-range = 年份 { $year } 超出范围：请写四位数的年份，如 2027
not-a-year = `{ $text }` 不是年份：请写成数字，如 2027
school-year-one-year = `{ $year }` 只是一个年份：学年要写出前后两个年份，如 { $year }—{ $next }
not-a-school-year = `{ $text }` 不是学年：请写出前后两个年份，如 2026—2027
item-is-a-list = 一项不能是列表：请把列表写在这一项的 `事项:` 下面
month-out-of-range = 没有{ $month }月：月份只能是1到12
lunar-month = `{ $month }` 是农历月份：请写它所在的公历月份，如 2 或 `二月`
months-not-a-run = `{ $text }` 里的月份不相连：请每个月单独写一项，或者写成相连的月份，如 `七、八月`
not-a-month = `{ $text }` 不是月份：请写 7、`7月` 或 `七月`，或者写成区间，如 `7-8` 或 `七、八月`
month-range-length = 月份区间是两个月份，即第一个月和最后一个月：`[7, 8]`
not-a-date = `{ $text }` 不是日期：请写成 `2027-01-05` 或 `2027年1月5日`
date-year-not-four-digits = `{ $text }` 不是日期：年份要写四位数，不能写 { $year }
date-month-out-of-range = `{ $text }` 不是日期：没有{ $month }月，月份只能是1到12
impossible-date = `{ $text }` 不是日期：{ $year }年{ $month }月只有{ $days }天
marker-not-first = `{ $marker }` 不是这一级的第一个编号：请写 `1.`（或 `"1."`）


### 警告（lint）


### 运行：文件、输出和命令行

