#include <catch2/catch.hpp>

#include "relation_test_support.hpp"

using chronokg::test::triples;
using V = std::vector<std::string>;

TEST_CASE("a subject carries into a later clause without one", "[extract][zh]") {
    CHECK(triples("5月13日,美商务部工业和安全局(BIS)宣布,撤销《AI扩散规则》。") ==
          V{"Bureau of Industry and Security | revokes | AI Diffusion Rule | 2025-05-13"});
}

TEST_CASE("Traditional script gives the same events", "[extract][zh]") {
    CHECK(triples("5月13日,美商務部工業和安全局(BIS)宣布,撤銷《AI擴散規則》。") ==
          V{"Bureau of Industry and Security | revokes | AI Diffusion Rule | 2025-05-13"});
}

TEST_CASE("coordinated objects give one event each, with modality", "[extract][zh]") {
    CHECK(triples("5月19日,英伟达将联合台积电、富士康建立超级计算机。", "2025-05-20", true) ==
          V{"Nvidia | partners with | TSMC | 2025-05-19 | positive planned",
            "Nvidia | partners with | Foxconn | 2025-05-19 | positive planned",
            "Nvidia | builds | 超级计算机 | 2025-05-19 | positive planned"});
}

TEST_CASE("coordinated subjects and a frame with the object inside", "[extract][zh]") {
    CHECK(triples("中国商务部及海关总署昨日公告,决定对镓、锗相关物项实施出口管制。", "2023-07-04") ==
          V{"Ministry of Commerce of China | restricts | gallium | 2023-07-03",
            "Ministry of Commerce of China | restricts | germanium | 2023-07-03",
            "General Administration of Customs of China | restricts | gallium | 2023-07-03",
            "General Administration of Customs of China | restricts | germanium | 2023-07-03"});
}

TEST_CASE("a passive with an agent puts the agent first, without one there is no event", "[extract][zh]") {
    CHECK(triples("《AI扩散规则》由拜登政府签署。") == V{"Biden administration | signs | AI Diffusion Rule | -"});
    CHECK(triples("《AI扩散规则》被签署。").empty());
}

TEST_CASE("与{O} frames, with a nationality before the name", "[extract][zh]") {
    CHECK(triples("拜登政府与韩国三星电子达成协议。") ==
          V{"Biden administration | reaches agreement with | Samsung Electronics | -"});
}

TEST_CASE("role appositions give a role relation and an unknown name its own entity", "[extract][zh]") {
    CHECK(triples("英伟达首席执行官黄仁勋表示,前景很好。") == V{"Jensen Huang | ceo of | Nvidia | -"});
}

TEST_CASE("negation and condition are recorded, not dropped", "[extract][zh]") {
    CHECK(triples("BIS并未撤销《AI扩散规则》。", "2025-05-20", true) ==
          V{"Bureau of Industry and Security | revokes | AI Diffusion Rule | - | negative asserted"});
    CHECK(triples("如果BIS撤销《AI扩散规则》,市场会上涨。", "2025-05-20", true) ==
          V{"Bureau of Industry and Security | revokes | AI Diffusion Rule | - | positive hypothetical"});
}

TEST_CASE("an object that is no entity becomes a literal: its head after 的", "[extract][zh]") {
    CHECK(triples("华为宣布重新开启尘封已久的芯片制造计划。") == V{"Huawei | restarts | 芯片制造计划 | -"});
}

TEST_CASE("a dateline's date does not date the news, the clause's own does", "[extract][zh]") {
    CHECK(triples("【新唐人北京时间2022年10月08日讯】美国商务部周五(10月7日)发布一系列新规定。", "2022-10-08") ==
          V{"US Department of Commerce | issues | 新规定 | 2022-10-07"});
}

TEST_CASE("an ambiguous alias resolves to the entity the article named before", "[extract][zh]") {
    CHECK(triples("美国商务部发布新规定。商务部还撤销《AI扩散规则》。").back() ==
          "US Department of Commerce | revokes | AI Diffusion Rule | -");
    CHECK(triples("商务部撤销《AI扩散规则》。") == V{"Ministry of Commerce of China | revokes | AI Diffusion Rule | -"});
}

TEST_CASE("a frame's first part serves the verbs of its own clause only", "[extract][zh]") {
    // Each clause's frames are read from its own words (their starts are found once a clause).
    CHECK(triples("拜登政府与三星电子达成协议,英伟达与台积电合作。") ==
          V{"Biden administration | reaches agreement with | Samsung Electronics | -", "Nvidia | partners with | TSMC | -"});
    CHECK(triples("拜登政府与三星电子会谈后,英伟达达成协议。") ==
          V{"Biden administration | holds talks with | Samsung Electronics | -"});
    CHECK(triples("拜登政府达成协议,英伟达与台积电达成协议。") == V{"Nvidia | reaches agreement with | TSMC | -"});
    CHECK(triples("拜登政府将华为列入实体清单,英伟达与台积电合作,华为与三星电子达成交易。") ==
          V{"Biden administration | adds to entity list | Huawei | -", "Nvidia | partners with | TSMC | -",
            "Huawei | reaches deal with | Samsung Electronics | -"});
}

TEST_CASE("a literal object has two Hanzi at least and no bracket or quote mark", "[extract][zh]") {
    CHECK(triples("华为重启芯片。") == V{"Huawei | restarts | 芯片 | -"});
    CHECK(triples("华为重启了芯片。") == V{"Huawei | restarts | 芯片 | -"});
    CHECK(triples("华为重启厂。").empty());
    CHECK(triples("华为重启了厂。").empty());
    CHECK(triples("华为宣布重启芯片麒麟计划。") == V{"Huawei | restarts | 芯片麒麟计划 | -"});
    CHECK(triples("华为宣布重启芯片(麒麟计划。").empty());
    CHECK(triples("华为宣布重启芯片)麒麟计划。").empty());
    CHECK(triples("华为宣布重启芯片\"麒麟计划。").empty());
}

TEST_CASE("literal objects of one sentence each take the type their own head names", "[extract][zh]") {
    // Each type's literals share one entity: a mix-up of those would show here.
    std::vector<std::string> objects;
    const auto events = chronokg::test::test_extractor().extract(
        chronokg::test::article("美国商务部发布新规定,华为发布新芯片,英伟达发布合作方案。", "2025-05-20"));
    for (const auto& e : events) objects.push_back(e.object.label + " " + e.object.type);
    CHECK(objects == V{"新规定 POLICY", "新芯片 PRODUCT", "合作方案 CONCEPT"});
}

TEST_CASE("of two verbs that overlap one stands, verbs apart each give their events", "[extract][zh]") {
    // 联合 and 合并 overlap in 联合并: the first of two as long stands (one place, one reading).
    CHECK(triples("英伟达联合并台积电。") == V{"Nvidia | partners with | TSMC | -"});
    CHECK(triples("英伟达与台积电合作,华为联合三星电子。") ==
          V{"Nvidia | partners with | TSMC | -", "Huawei | partners with | Samsung Electronics | -"});
}

TEST_CASE("of overlapping verbs the one whose frame opens before it stands, among many patterns", "[extract][zh]") {
    // 出口 (19 patterns, one of them 收紧对{O}出口) and 出口限制 (放宽对{O}出口限制) overlap: 出口 stands
    // where 收紧对 opens its frame, 出口限制 where 放宽对 opens its own (the first parts of 出口's
    // other patterns stand nowhere in the sentence). (The default pack's patterns.)
    static const chronokg::Extractor extractor(chronokg::test::default_pack());
    CHECK(triples("美国收紧对中国出口限制。", "2025-05-20", false, extractor) == V{"United States | restricts | China | -"});
    CHECK(triples("美国放宽对中国出口限制。", "2025-05-20", false, extractor) ==
          V{"United States | eases export controls on | China | -"});
}

TEST_CASE("patterns at one verb are tried in pack order", "[extract][zh]") {
    chronokg::RulePack pack = chronokg::test::test_pack();
    pack.add_text("order.jsonl", "{\"chronokg_rules\": 1, \"kind\": \"relations\"}\n"
                                 "{\"id\": \"starts\", \"relation\": \"starts\", \"zh\": [\"启动\"]}\n"
                                 "{\"id\": \"kicks-off\", \"relation\": \"kicks off\", \"zh\": [\"启动\"]}\n");
    const chronokg::Extractor extractor(pack);
    std::vector<std::string> relations;
    for (const auto& e : extractor.extract(chronokg::test::article("华为启动新项目。"))) relations.push_back(e.relation);
    CHECK(relations == V{"starts"});
}

TEST_CASE("after a pivot its object acts; a condition after the verb keeps its names from the object", "[extract][zh]") {
    CHECK(triples("美国商务部要求英伟达撤销《AI扩散规则》。") == V{"Nvidia | revokes | AI Diffusion Rule | -"});
    CHECK(triples("英伟达宣布如果华为撤销《AI扩散规则》,市场会上涨。") == V{"Huawei | revokes | AI Diffusion Rule | -"});
    CHECK(triples("英伟达联合如果华为建立超级计算机。") == V{"Nvidia | builds | 超级计算机 | -"});
}

TEST_CASE("a verb inside a later name is no verb, and the verbs before it still are", "[extract][zh]") {
    // 制造 of 中国制造2025 (a name of the default pack), the sentence's fourth name, after a verb
    // of its own: read as a verb, it gave "Nvidia | manufactures | 2025芯片".
    static const chronokg::Extractor extractor(chronokg::test::default_pack());
    CHECK(triples("华为与台积电合作,英伟达支持中国制造2025芯片。", "2025-05-20", false, extractor) ==
          V{"Huawei | partners with | TSMC | -"});
}

TEST_CASE("a verb before a noun is no verb, and the same verb later before a name is", "[extract][zh]") {
    // 投资 of 投资计划 is a noun; the 投资 after 华为 relates.
    CHECK(triples("英伟达投资计划推迟,华为投资台积电。") == V{"Huawei | invests in | TSMC | -"});
}

TEST_CASE("a verb followed by a noun_suffix word is part of a noun, not a verb", "[extract][zh]") {
    // 审查 (reviews) before 结论 (a noun_suffix word of the default pack) names the review's
    // conclusion, what was announced. The rules test the character after a verb against the
    // first characters of the noun_suffix words before they ask the list: a wrong "none" there
    // read 审查 as the verb ("reviews | 结论").
    static const chronokg::Extractor extractor(chronokg::test::default_pack());
    CHECK(triples("网信办公布审查结论。", "2025-05-20", false, extractor) ==
          V{"Cyberspace Administration of China | announces | 审查结论 | -"});
}

TEST_CASE("an organization the pack does not know takes its place among the names", "[extract][zh]") {
    // 华夏芯片研究中心 is found after the pack's names (an organization word with the characters
    // before it) and must be put back in text order before the clause is read: the rules leave
    // the names unsorted only when none was added.
    static const chronokg::Extractor extractor(chronokg::test::default_pack());
    CHECK(triples("华夏芯片研究中心与英伟达合作。", "2025-05-20", false, extractor) ==
          V{"华夏芯片研究中心 | partners with | Nvidia | -"});
}

TEST_CASE("a name before a verb that closes a relative clause acts there; the head after 的 is the object", "[extract][zh]") {
    // 申请 closes the relative clause 华为申请的: 许可证 is what 撤销 revokes. The rules look for
    // that verb only where the readings before it do not decide, among the verbs from the next
    // verb's place on (the verbs stand in text order); a third verb after it changes nothing.
    static const chronokg::Extractor extractor(chronokg::test::default_pack());
    CHECK(triples("美国商务部撤销了华为申请的许可证。", "2025-05-20", false, extractor) ==
          V{"US Department of Commerce | revokes | 许可证 | -"});
    CHECK(triples("美国商务部撤销了华为申请的许可证,英伟达与台积电合作。", "2025-05-20", false, extractor) ==
          V{"US Department of Commerce | revokes | 许可证 | -", "Nvidia | partners with | TSMC | -"});
}

TEST_CASE("after a pivot without a name the requirer acts, read in a second pass from the clause's start", "[extract][zh]") {
    // The subject is looked for after the pivot first, then from the clause's start: without a
    // pivot the two passes would read the same groups, and only one is made.
    CHECK(triples("美国商务部要求运营者撤销《AI扩散规则》。") == V{"US Department of Commerce | revokes | AI Diffusion Rule | -"});
    CHECK(triples("美国商务部撤销《AI扩散规则》。") == V{"US Department of Commerce | revokes | AI Diffusion Rule | -"});
}

TEST_CASE("a verb with a bare pattern stands against an overlapping verb whose frame opens before it", "[extract][zh]") {
    // 出口管制 (bare) holds 管制, whose frame 对{O}管制 opens before it: a verb that needs no first
    // part does not yield, and the longer stands. (The rules ask whether a place has a bare
    // pattern only where places overlap.) When 出口管制 only has a frame that does not open (向{O}),
    // it yields, and 管制 with its frame stands.
    chronokg::RulePack pack = chronokg::test::test_pack();
    pack.add_text("overlap.jsonl", "{\"chronokg_rules\": 1, \"kind\": \"relations\"}\n"
                                   "{\"id\": \"controls-exports\", \"relation\": \"controls exports to\", \"zh\": [\"出口管制\"]}\n"
                                   "{\"id\": \"controls\", \"relation\": \"controls\", \"zh\": [\"对{O}管制\"]}\n");
    const chronokg::Extractor extractor(pack);
    CHECK(triples("英伟达对华为出口管制台积电。", "2025-05-20", false, extractor) ==
          V{"Nvidia | controls exports to | TSMC | -"});
    chronokg::RulePack framed_only = chronokg::test::test_pack();
    framed_only.add_text("overlap.jsonl", "{\"chronokg_rules\": 1, \"kind\": \"relations\"}\n"
                                          "{\"id\": \"controls-exports\", \"relation\": \"controls exports to\", \"zh\": [\"向{O}出口管制\"]}\n"
                                          "{\"id\": \"controls\", \"relation\": \"controls\", \"zh\": [\"对{O}管制\"]}\n");
    const chronokg::Extractor framed_extractor(framed_only);
    CHECK(triples("英伟达对华为出口管制台积电。", "2025-05-20", false, framed_extractor) ==
          V{"Nvidia | controls | Huawei | -"});
}

TEST_CASE("a name inside any verb of the sentence is part of that verb, not a noun", "[extract][zh]") {
    // 先进芯片 (a name of the default pack) inside the verb 提供先进芯片, the sentence's second or
    // third verb: were it a name of the clause, the modifier of 计划 would name an entity and
    // "TSMC | issues | 提供先进芯片的计划" come out. The mentions are matched to the verbs in one
    // walk over both, which must reach every verb.
    static const chronokg::Extractor extractor(chronokg::test::default_pack());
    CHECK(triples("台积电发布提供先进芯片的计划。", "2025-05-20", false, extractor).empty());
    CHECK(triples("英伟达与台积电合作,台积电发布提供先进芯片的计划。", "2025-05-20", false, extractor) ==
          V{"Nvidia | partners with | TSMC | -"});
    CHECK(triples("英伟达与台积电合作,美国发布将华为列入实体清单的新规定。", "2025-05-20", false, extractor) ==
          V{"Nvidia | partners with | TSMC | -", "United States | adds to entity list | Huawei | -"});
}

TEST_CASE("a role apposition joins its organization and person into one noun group in every clause",
          "[extract][zh]") {
    // The apposition's join is kept for the sentence and given to each clause's noun groups.
    CHECK(triples("英伟达首席执行官黄仁勋与台积电合作。") ==
          V{"Jensen Huang | ceo of | Nvidia | -", "Jensen Huang | partners with | TSMC | -"});
    CHECK(triples("华为与三星电子合作,英伟达首席执行官黄仁勋与台积电合作。") ==
          V{"Huawei | partners with | Samsung Electronics | -", "Jensen Huang | ceo of | Nvidia | -",
            "Jensen Huang | partners with | TSMC | -"});
}

TEST_CASE("each clause relates the verbs inside it, in the first, a middle and the last clause", "[extract][zh]") {
    // relate_clause() reads the sentence's verbs up to the first that begins past the clause:
    // the verbs of the clauses after it are theirs, and each clause still finds its own.
    CHECK(triples("英伟达与台积电合作,BIS撤销《AI扩散规则》,三星电子与富士康达成协议。") ==
          V{"Nvidia | partners with | TSMC | -", "Bureau of Industry and Security | revokes | AI Diffusion Rule | -",
            "Samsung Electronics | reaches agreement with | Foxconn | -"});
}

TEST_CASE("a negation word inside a word that holds one negates nothing, one beside it does", "[extract][zh]") {
    // emit() asks the window's negation words in place and finds the exceptions (not_negation) at
    // the first of them: a word held by an exception is none, another in the same window still is.
    CHECK(triples("BIS不断撤销《AI扩散规则》。", "2025-05-20", true) ==
          V{"Bureau of Industry and Security | revokes | AI Diffusion Rule | - | positive asserted"});
    CHECK(triples("BIS不断地未撤销《AI扩散规则》。", "2025-05-20", true) ==
          V{"Bureau of Industry and Security | revokes | AI Diffusion Rule | - | negative asserted"});
}
