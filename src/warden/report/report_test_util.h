#pragma once
// Helpers for the report/ tests only (no library code includes this): a hand-built check
// report that exercises every outcome, and JSON lookups for parsed output.

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "warden/data/json_reader.h"
#include "warden/data/node.h"
#include "warden/engine/result.h"
#include "warden/report/report.h"

namespace warden::report::testing {

inline engine::Violation MakeViolation(std::string policy, std::string rule, std::string message,
                                       uint32_t line, uint32_t column) {
  engine::Violation violation;
  violation.policy = std::move(policy);
  violation.rule = std::move(rule);
  violation.message = std::move(message);
  violation.line = line;
  violation.column = column;
  return violation;
}

// Three documents in two files:
//  - deploy/pod.yaml #0, Pod default/web:
//      privileged-containers: fail, two violations (no-privileged blocking; no-host-network
//        waived by exception `legacy-web`);
//      resource-limits: warn, one violation under warn enforcement;
//  - deploy/pod.yaml #1, Service default/web: service-type passes;
//  - config/app.json #0 (no kind or name): json-port errors (enforce), and skips
//    naming-convention.
inline CheckReport SampleReport() {
  CheckReport report;
  report.tool_version = "0.1.0";
  report.bundle_name = "platform";
  report.bundle_version = "1.2.0";
  report.bundle_digest = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  report.environment = "prod";

  engine::DocumentResult pod;
  pod.file = "deploy/pod.yaml";
  pod.document_index = 0;
  pod.resource = {"v1", "Pod", "web", "default"};

  engine::PolicyResult privileged;
  privileged.policy = "privileged-containers";
  privileged.title = "Privileged containers are disallowed";
  privileged.severity = policy::Severity::kHigh;
  privileged.type = policy::PolicyType::kSecurity;
  privileged.enforcement = policy::Enforcement::kEnforce;
  privileged.outcome = engine::Outcome::kFail;
  engine::Violation no_privileged = MakeViolation("privileged-containers", "no-privileged",
                                                  "container `app` is privileged", 12, 9);
  no_privileged.rule_title = "Containers must not be privileged";
  no_privileged.severity = policy::Severity::kHigh;
  no_privileged.path = "spec.containers[0].securityContext.privileged";
  no_privileged.file = "deploy/pod.yaml";
  no_privileged.remediation = "set securityContext.privileged to false";
  no_privileged.controls = {"pss:baseline", "cis-k8s:5.2.1"};
  privileged.violations.push_back(no_privileged);
  engine::Violation host_network =
      MakeViolation("privileged-containers", "no-host-network", "pod uses the host network", 5, 3);
  host_network.severity = policy::Severity::kCritical;
  host_network.path = "spec.hostNetwork";
  host_network.file = "deploy/pod.yaml";
  host_network.waived_by = "legacy-web";
  privileged.violations.push_back(host_network);
  privileged.waived_by = {"legacy-web"};
  pod.policies.push_back(privileged);

  engine::PolicyResult limits;
  limits.policy = "resource-limits";
  limits.title = "Containers declare resource limits";
  limits.severity = policy::Severity::kMedium;
  limits.type = policy::PolicyType::kOperational;
  limits.enforcement = policy::Enforcement::kWarn;
  limits.outcome = engine::Outcome::kWarn;
  engine::Violation no_limit = MakeViolation("resource-limits", "require-memory-limit",
                                             "container `app` has no memory limit", 14, 11);
  no_limit.severity = policy::Severity::kMedium;
  no_limit.enforcement = policy::Enforcement::kWarn;
  no_limit.path = "spec.containers[0].resources";
  no_limit.file = "deploy/pod.yaml";
  no_limit.remediation = "set resources.limits.memory";
  limits.violations.push_back(no_limit);
  pod.policies.push_back(limits);
  report.results.push_back(pod);

  engine::DocumentResult service;
  service.file = "deploy/pod.yaml";
  service.document_index = 1;
  service.resource = {"v1", "Service", "web", "default"};
  engine::PolicyResult service_type;
  service_type.policy = "service-type";
  service_type.severity = policy::Severity::kLow;
  service_type.outcome = engine::Outcome::kPass;
  service.policies.push_back(service_type);
  report.results.push_back(service);

  engine::DocumentResult config;
  config.file = "config/app.json";
  config.document_index = 0;
  engine::PolicyResult port;
  port.policy = "json-port";
  port.severity = policy::Severity::kMedium;
  port.enforcement = policy::Enforcement::kEnforce;
  port.outcome = engine::Outcome::kError;
  port.errors.push_back(
      {"json-port", "check-port", "no such key: port", "policies/json.yaml", 7, 16});
  config.policies.push_back(port);
  engine::PolicyResult naming;
  naming.policy = "naming-convention";
  naming.outcome = engine::Outcome::kSkip;
  config.policies.push_back(naming);
  report.results.push_back(config);
  return report;
}

// SampleReport plus an unreadable input.
inline CheckReport SampleReportWithInputError() {
  CheckReport report = SampleReport();
  report.input_errors.push_back({"broken.yaml", 3, 7, "mapping values are not allowed here"});
  return report;
}

// A report with one document and one failing policy holding `violation`.
inline CheckReport SingleViolationReport(engine::Violation violation, std::string file) {
  CheckReport report;
  report.tool_version = "0.1.0";
  engine::DocumentResult document;
  document.file = std::move(file);
  document.resource = {"v1", "Pod", "web", "default"};
  engine::PolicyResult policy;
  policy.policy = violation.policy;
  policy.severity = violation.severity;
  policy.outcome = violation.blocking() ? engine::Outcome::kFail : engine::Outcome::kWarn;
  policy.violations.push_back(std::move(violation));
  document.policies.push_back(std::move(policy));
  report.results.push_back(std::move(document));
  return report;
}

// Parses JSON output, failing the test when it is not valid JSON.
inline data::Document ParseJson(const std::string& text) {
  auto parsed = data::ReadJson(text, "output.json");
  EXPECT_TRUE(parsed.ok()) << parsed.status().message() << "\n" << text;
  if (!parsed.ok()) return {};
  return std::move(parsed).value();
}

// The node at a chain of keys and list indexes; fails the test (returning a null node)
// when missing.
inline const data::Node& Get(const data::Node& root, std::initializer_list<std::string_view> keys) {
  static const data::Node kMissing;
  const data::Node* node = &root;
  for (std::string_view key : keys) {
    const data::Node* next = nullptr;
    if (node->is_list()) {
      size_t index = std::stoul(std::string(key));
      if (index < node->size()) next = &node->item(index);
    } else {
      next = node->Find(key);
    }
    EXPECT_NE(next, nullptr) << "missing `" << key << "`";
    if (next == nullptr) return kMissing;
    node = next;
  }
  return *node;
}

inline std::string Str(const data::Node& node) {
  EXPECT_TRUE(node.is_string()) << data::NodeKindName(node.kind());
  return node.is_string() ? std::string(node.string_value()) : std::string();
}

inline int64_t Int(const data::Node& node) {
  EXPECT_EQ(node.kind(), data::NodeKind::kInt);
  return node.kind() == data::NodeKind::kInt ? node.int_value() : -1;
}

// Number of non-overlapping occurrences of `needle` in `haystack`.
inline size_t Count(std::string_view haystack, std::string_view needle) {
  size_t count = 0;
  for (size_t pos = haystack.find(needle); pos != std::string_view::npos;
       pos = haystack.find(needle, pos + needle.size())) {
    ++count;
  }
  return count;
}

}  // namespace warden::report::testing
