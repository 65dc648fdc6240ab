#include <catch2/catch.hpp>

#include "extract/garble_detector.hpp"
#include "extract/normalizer.hpp"

using namespace chronokg;

namespace {
bool garbled(const std::string& text) {
    static const GarbleDetector detector;
    const std::string folded = Normalizer::shared().fold(text);
    return detector.garbled(folded, {0, folded.size()});
}
}  // namespace

TEST_CASE("GBK decoded one byte out of step is garbled", "[extract][garble]") {
    // "关于半导体设备出口许可的审查标准将更加严格" encoded as GBK, first byte dropped, decoded again.
    CHECK(garbled("赜诎氲继迳璞赋隹谛砜傻纳蟛楸曜冀\xEF\xBF\xBD更加严格"));
    // Kana, '?' and stray letters among rare characters, as in the seed article's last lines.
    CHECK(garbled("因?跬閷τ谌斯ぶ悄芗夹g革命"));
}

TEST_CASE("real news text in either script is not garbled", "[extract][garble]") {
    CHECK_FALSE(garbled("中國商務部及海關總署昨日公告,決定對鎵、鍺相關物項實施出口管制。"));
    CHECK_FALSE(garbled("DeepSeek應用登頂美區蘋果App Store免費榜,超越了ChatGPT、谷歌Gemini。"));
    CHECK_FALSE(garbled("三星在得克萨斯州泰勒建设的产业集群将包括两家生产4纳米和2纳米芯片的工厂。"));
    CHECK_FALSE(garbled("Nvidia partnered with TSMC and Foxconn?"));
}
