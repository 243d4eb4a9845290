#include <cmath>
#include <limits>

#include "warden/cel/lib/std_testing.h"
#include "warden/data/json_reader.h"

namespace warden::cel {
namespace {

using std_testing::IsBool;
using std_testing::IsDouble;
using std_testing::IsError;
using std_testing::IsInt;
using std_testing::IsString;
using std_testing::IsValue;
using std_testing::StdLib;

Value I(int64_t value) { return Value::Int(value); }
Value U(uint64_t value) { return Value::Uint(value); }
Value D(double value) { return Value::Double(value); }

TEST(StdContainersTest, ConcatenatesListsInOrder) {
  StdLib lib;
  Value joined = lib.Global("_+_", {lib.List({I(0), I(1), I(2)}), lib.List({I(3), I(4)})});
  ASSERT_EQ(joined.kind(), ValueKind::kList);
  ASSERT_EQ(joined.list_size(), 5u);
  for (uint32_t item_idx = 0; item_idx < 5; ++item_idx) {
    EXPECT_TRUE(IsInt(joined.list_item(item_idx), item_idx));
  }
  EXPECT_TRUE(IsValue(lib.Global("_+_", {lib.List({}), lib.List({})}), lib.List({})));
  EXPECT_TRUE(
      IsValue(lib.Global("_+_", {lib.List({}), lib.List({I(3), I(4)})}), lib.List({I(3), I(4)})));
  EXPECT_TRUE(
      IsValue(lib.Global("_+_", {lib.List({I(1), I(2)}), lib.List({})}), lib.List({I(1), I(2)})));
  EXPECT_TRUE(
      IsValue(lib.Global("_+_", {lib.List({I(2)}), lib.List({I(2)})}), lib.List({I(2), I(2)})));
}

TEST(StdContainersTest, ListConcatenationChargesPerElement) {
  StdLib lib(/*cost_budget=*/5);
  EXPECT_TRUE(
      IsError(lib.Global("_+_", {lib.List({I(1), I(2), I(3)}), lib.List({I(4), I(5), I(6)})}),
              "evaluation cost budget exceeded"));
}

TEST(StdContainersTest, SizeOfListsAndMapsInBothCallStyles) {
  StdLib lib;
  const Value list = lib.List({I(1), I(2), I(3)});
  const Value map = lib.Map({I(1), I(2)}, {lib.Str("one"), lib.Str("two")});
  for (bool receiver : {false, true}) {
    SCOPED_TRACE(receiver ? "receiver" : "global");
    auto size = [&](const Value& arg) {
      return receiver ? lib.Member("size", {arg}) : lib.Global("size", {arg});
    };
    EXPECT_TRUE(IsInt(size(list), 3));
    EXPECT_TRUE(IsInt(size(lib.List({})), 0));
    EXPECT_TRUE(IsInt(size(map), 2));
    EXPECT_TRUE(IsInt(size(lib.Map({}, {})), 0));
    EXPECT_TRUE(IsError(size(I(1)), "no matching overload"));
  }
}

TEST(StdContainersTest, ListIndexAcceptsIntegralNumbersOfEveryKind) {
  StdLib lib;
  const Value list = lib.List({I(7), I(8), I(9)});
  struct Case {
    const char* label;
    Value index;
    int64_t expected;  // -1: an error containing `error`
    const char* error;
  };
  const std::vector<Case> cases = {
      {"[0]", I(0), 7, ""},
      {"[2]", I(2), 9, ""},
      {"[0u]", U(0), 7, ""},
      {"[1.0]", D(1.0), 8, ""},
      {"[-0.0]", D(-0.0), 7, ""},
      {"[3]", I(3), -1, "index out of range: 3"},
      {"[-1]", I(-1), -1, "index out of range: -1"},
      {"[3u]", U(3), -1, "index out of range: 3"},
      {"[max uint]", U(std::numeric_limits<uint64_t>::max()), -1, "index out of range"},
      {"[3.0]", D(3.0), -1, "index out of range: 3"},
      {"[-1.0]", D(-1.0), -1, "index out of range: -1"},
      {"[1e300]", D(1e300), -1, "index out of range"},
      {"[0.1]", D(0.1), -1, "unsupported index value `0.1`"},
      {"[NaN]", D(std::nan("")), -1, "unsupported index value `NaN`"},
      {"[inf]", D(std::numeric_limits<double>::infinity()), -1, "unsupported index value"},
      {"['']", lib.Str(""), -1, "no matching overload"},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.label);
    Value result = lib.Global("_[_]", {list, test.index});
    if (test.expected >= 0) {
      EXPECT_TRUE(IsInt(result, test.expected));
    } else {
      EXPECT_TRUE(IsError(result, test.error));
    }
  }
}

TEST(StdContainersTest, MapIndexUsesHeterogeneousNumericKeys) {
  StdLib lib;
  const Value numbers = lib.Map({U(1), I(2), U(3)}, {D(1.0), D(2.0), D(3.0)});
  EXPECT_TRUE(IsDouble(lib.Global("_[_]", {numbers, D(3.0)}), 3.0));
  EXPECT_TRUE(IsDouble(lib.Global("_[_]", {numbers, U(2)}), 2.0));
  EXPECT_TRUE(IsDouble(lib.Global("_[_]", {numbers, I(1)}), 1.0));
  EXPECT_TRUE(IsError(lib.Global("_[_]", {numbers, D(3.1)}), "no such key: `3.1`"));
  EXPECT_TRUE(IsError(lib.Global("_[_]", {numbers, I(4)}), "no such key: `4`"));
  EXPECT_TRUE(
      IsError(lib.Global("_[_]", {numbers, lib.Bytes("")}), "unsupported map key type `bytes`"));
  EXPECT_TRUE(IsError(lib.Global("_[_]", {numbers, Value::Null()}), "unsupported map key type"));

  const Value mixed = lib.Map({Value::True(), I(2), U(5)}, {I(1), I(2), I(3)});
  EXPECT_TRUE(IsInt(lib.Global("_[_]", {mixed, Value::True()}), 1));
  EXPECT_TRUE(IsError(lib.Global("_[_]", {mixed, Value::False()}), "no such key: `false`"));
  const Value names = lib.Map({lib.Str("name")}, {U(100)});
  EXPECT_TRUE(IsValue(lib.Global("_[_]", {names, lib.Str("name")}), U(100)));
  EXPECT_TRUE(IsError(lib.Global("_[_]", {names, lib.Str("nope")}), "no such key: `nope`"));
}

TEST(StdContainersTest, IndexWorksOnDocumentBackedValues) {
  StdLib lib;
  auto document = data::ReadJson(R"({"items": [10, 20], "labels": {"app": "web"}})", "doc.json");
  ASSERT_TRUE(document.ok());
  const Value root = Value::FromNode(*document->root);
  Value items;
  Value labels;
  ASSERT_TRUE(root.map_find(lib.Str("items"), items));
  ASSERT_TRUE(root.map_find(lib.Str("labels"), labels));
  EXPECT_TRUE(IsInt(lib.Global("_[_]", {items, I(1)}), 20));
  EXPECT_TRUE(IsInt(lib.Global("_[_]", {items, D(0.0)}), 10));
  EXPECT_TRUE(IsString(lib.Global("_[_]", {labels, lib.Str("app")}), "web"));
  EXPECT_TRUE(IsError(lib.Global("_[_]", {labels, I(1)}), "no such key: `1`"));
  EXPECT_TRUE(IsBool(lib.Global("@in", {I(20), items}), true));
  EXPECT_TRUE(IsBool(lib.Global("@in", {lib.Str("app"), labels}), true));
  Value joined = lib.Global("_+_", {items, lib.List({I(30)})});
  ASSERT_EQ(joined.list_size(), 3u);
  EXPECT_TRUE(IsInt(joined.list_item(1), 20));
  EXPECT_TRUE(IsInt(lib.Member("size", {labels}), 1));
}

TEST(StdContainersTest, InListUsesHeterogeneousEquality) {
  StdLib lib;
  struct Case {
    const char* label;
    Value element;
    Value list;
    bool expected;
  };
  const std::vector<Case> cases = {
      {"7 in []", I(7), lib.List({}), false},
      {"4u in [4u]", U(4), lib.List({U(4)}), true},
      {"3.0 in [5, 4, 3]", D(3.0), lib.List({I(5), I(4), I(3)}), true},
      {"3u in [5, 4, 3]", U(3), lib.List({I(5), I(4), I(3)}), true},
      {"3 in [5.0, 3.0]", I(3), lib.List({D(5.0), D(3.0)}), true},
      {"3 in [5u, 3u]", I(3), lib.List({U(5), U(3)}), true},
      {"'elem' in [1, 'elem', 2]", lib.Str("elem"), lib.List({I(1), lib.Str("elem"), I(2)}), true},
      {"'elem' in [1u, 'str', 2, b'bytes']", lib.Str("elem"),
       lib.List({U(1), lib.Str("str"), I(2), lib.Bytes("bytes")}), false},
      {"NaN in [NaN]", D(std::nan("")), lib.List({D(std::nan(""))}), false},
      {"[1] in [[1.0]]", lib.List({I(1)}), lib.List({lib.List({D(1.0)})}), true},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.label);
    EXPECT_TRUE(IsBool(lib.Global("@in", {test.element, test.list}), test.expected));
  }
}

TEST(StdContainersTest, InMapTestsKeyPresence) {
  StdLib lib;
  const Value mixed = lib.Map({I(1), I(2), U(3)}, {I(1), I(2), I(3)});
  EXPECT_TRUE(IsBool(lib.Global("@in", {D(3.0), mixed}), true));
  EXPECT_TRUE(IsBool(lib.Global("@in", {D(3.1), mixed}), false));
  EXPECT_TRUE(IsBool(lib.Global("@in", {U(2), mixed}), true));
  EXPECT_TRUE(IsBool(lib.Global("@in", {I(-1), mixed}), false));
  EXPECT_TRUE(IsBool(lib.Global("@in", {lib.Str("1"), mixed}), false));
  EXPECT_TRUE(IsBool(lib.Global("@in", {lib.Bytes("b"), mixed}), false));
  EXPECT_TRUE(IsBool(lib.Global("@in", {I(7), lib.Map({}, {})}), false));
  const Value keyed = lib.Map({I(3), lib.Str("key")}, {D(3.0), U(2)});
  EXPECT_TRUE(IsBool(lib.Global("@in", {lib.Str("key"), keyed}), true));
  EXPECT_TRUE(IsBool(lib.Global("@in", {Value::True(), lib.Map({Value::True()}, {I(1)})}), true));
}

TEST(StdContainersTest, InListChargesPerElement) {
  StdLib lib(/*cost_budget=*/2);
  EXPECT_TRUE(IsError(lib.Global("@in", {I(9), lib.List({I(1), I(2), I(3)})}),
                      "evaluation cost budget exceeded"));
}

}  // namespace
}  // namespace warden::cel
