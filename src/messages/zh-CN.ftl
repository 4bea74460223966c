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


### 运行：文件、输出和命令行

