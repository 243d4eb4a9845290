#include "warden/base/status.h"

#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>
#include <utility>

namespace warden {
namespace {

TEST(StatusTest, DefaultIsOkWithoutMessage) {
  Status status;
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(status.code(), StatusCode::kOk);
  EXPECT_EQ(status.message(), "");
  EXPECT_TRUE(Status::Ok().ok());
}

TEST(StatusTest, FactoriesSetCodeAndMessage) {
  struct Case {
    Status status;
    StatusCode code;
  };
  const Case kCases[] = {
      {InvalidArgument("bad `x`"), StatusCode::kInvalidArgument},
      {NotFound("bad `x`"), StatusCode::kNotFound},
      {ResourceExhausted("bad `x`"), StatusCode::kResourceExhausted},
      {Unavailable("bad `x`"), StatusCode::kUnavailable},
      {Internal("bad `x`"), StatusCode::kInternal},
      {Status(StatusCode::kFailedPrecondition, "bad `x`"), StatusCode::kFailedPrecondition},
  };
  for (const Case& test : kCases) {
    SCOPED_TRACE(StatusCodeName(test.code));
    EXPECT_FALSE(test.status.ok());
    EXPECT_EQ(test.status.code(), test.code);
    EXPECT_EQ(test.status.message(), "bad `x`");
  }
}

TEST(StatusTest, EveryCodeHasADistinctLowercaseName) {
  const StatusCode kCodes[] = {
      StatusCode::kOk,
      StatusCode::kInvalidArgument,
      StatusCode::kNotFound,
      StatusCode::kResourceExhausted,
      StatusCode::kFailedPrecondition,
      StatusCode::kUnavailable,
      StatusCode::kInternal,
  };
  std::set<std::string> names;
  for (StatusCode code : kCodes) {
    std::string name = StatusCodeName(code);
    SCOPED_TRACE(name);
    EXPECT_NE(name, "unknown");
    for (char c : name) EXPECT_FALSE(c >= 'A' && c <= 'Z');
    names.insert(name);
  }
  EXPECT_EQ(names.size(), std::size(kCodes));
  EXPECT_STREQ(StatusCodeName(StatusCode::kNotFound), "not found");
}

TEST(StatusOrTest, HoldsAValue) {
  StatusOr<std::string> result = std::string("hello");
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(result.status().ok());
  EXPECT_EQ(result.value(), "hello");
  EXPECT_EQ(*result, "hello");
  EXPECT_EQ(result->size(), 5u);
  result.value() += "!";
  EXPECT_EQ(*result, "hello!");
}

TEST(StatusOrTest, HoldsAnError) {
  StatusOr<int> result = NotFound("no `file`");
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(result.status().message(), "no `file`");
}

TEST(StatusOrTest, MovesOutMoveOnlyValues) {
  StatusOr<std::unique_ptr<int>> result = std::make_unique<int>(42);
  ASSERT_TRUE(result.ok());
  std::unique_ptr<int> owned = std::move(result).value();
  ASSERT_NE(owned, nullptr);
  EXPECT_EQ(*owned, 42);
}

TEST(StatusOrTest, ConstAccess) {
  const StatusOr<int> result = 7;
  EXPECT_EQ(result.value(), 7);
  EXPECT_EQ(*result, 7);
}

TEST(StatusTest, LocatedStatusKeepsItsPartsAndReadsAsTheReadersMessage) {
  Status status =
      Status::Located(StatusCode::kInvalidArgument, {"deploy/app.yaml", {3, 7}}, "unexpected `:`");
  EXPECT_EQ(status.message(), "deploy/app.yaml:3:7: unexpected `:`");
  ASSERT_TRUE(status.has_location());
  EXPECT_EQ(status.location().file, "deploy/app.yaml");
  EXPECT_EQ(status.location().position, (SourcePosition{3, 7}));
  EXPECT_EQ(status.reason(), "unexpected `:`");

  Status unplaced = Status::Located(StatusCode::kResourceExhausted, {"big.json", {}}, "too big");
  EXPECT_EQ(unplaced.message(), "big.json: too big");
  EXPECT_EQ(unplaced.reason(), "too big");

  Status plain = InvalidArgument("no location");
  EXPECT_FALSE(plain.has_location());
  EXPECT_EQ(plain.reason(), "no location");
}

TEST(StatusOrDeathTest, ConstructingFromOkStatusIsABug) {
  EXPECT_DEBUG_DEATH(
      {
        StatusOr<int> result(Status::Ok());
        (void)result;
      },
      "needs a value or an error");
}

}  // namespace
}  // namespace warden
