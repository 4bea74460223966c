#!/usr/bin/env python3
"""Writes N realistic annual plans (the shape of examples/annual-plan.yaml: four sections,
nested items, a twelve-month schedule) into a folder: generate.py N DIR"""
import os
import sys

n, out = int(sys.argv[1]), sys.argv[2]
os.makedirs(out, exist_ok=True)
schools = ["城东", "城西", "城南", "城北", "滨江", "实验", "育才", "新华", "光明", "红星"]
kinds = ["中学", "小学", "幼儿园", "职业学校", "人民医院"]
tasks = [
    ("以健全机制为核心，不断推进学校民主建设。", ["提高教代会的质量。", "增强校务公开的实效。", "完善民主评议制度。"]),
    ("以师德建设为重点，加强教职工队伍建设。", ["组织教职工学习《教育法》《教师法》。", "实施“青蓝工程”，帮助青年教师成长。", "开展“身边的好老师”宣讲活动。"]),
    ("加强学习和宣传，切实加强工会自身建设。", ["工会委员每月集中学习一次。", "推进“教工之家”建设。", "加强工会经费审查监督。"]),
    ("关心教职工生活，做好帮扶送温暖工作。", ["建立困难教职工档案。", "组织教职工健康体检。", "走访慰问退休教职工。"]),
]
months = {
    1: "开展迎新春送温暖活动。", 2: "制定本年度工会工作计划。", 3: "开展庆祝“三八”妇女节活动。",
    4: "组织教职工春季健步走。", 5: "开展庆祝“五一”劳动节活动。", 6: "组织教职工趣味运动会。",
    7: "组织“夏送凉”慰问活动。", 8: "筹备教师节庆祝活动。", 9: "开展庆祝教师节表彰活动。",
    10: "组织庆祝国庆文艺汇演。", 11: "组织教职工秋季登山活动。", 12: "开展年终总结和考核工作。",
}
for i in range(n):
    org = f"{schools[i % 10]}{kinds[(i // 10) % 5]}第{i // 50 + 1}分会工会"
    lines = [
        f"organization: {org}",
        "year: 2027",
        f"preface: 新的一年，{org}将在上级工会的领导下，紧紧围绕中心工作，履行好维护、参与、建设、教育四项职能。",
        "guiding_ideology: 以习近平新时代中国特色社会主义思想为指导，坚持“围绕中心、服务大局、突出维护、多办实事”的工作思路，切实维护教职工的合法权益。",
        "goals:",
        "  - 教代会和校务公开制度进一步规范，教职工参与民主管理的渠道更加畅通。",
        "  - 每月至少组织一次面向全体会员的文体活动，困难教职工帮扶做到不漏一人。",
        "key_tasks:",
    ]
    for title, items in tasks:
        lines.append(f"  - title: {title}")
        lines.append("    items:")
        for item in items:
            lines.append(f"      - title: {item}")
            lines.append("        body: 结合实际，制定具体方案，明确责任分工，确保各项工作落到实处、取得实效。")
    lines.append("schedule:")
    for m, item in months.items():
        lines.append(f"  - month: {m}")
        lines.append(f"    items: [{item}, 召开工会委员会议，研究部署当月工作。]")
    lines.append("signature:\n  date: 2027-01-08")
    with open(os.path.join(out, f"plan-{i:04d}.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
